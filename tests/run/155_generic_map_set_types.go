package main

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(vs ...T) {
	for _, v := range vs {
		s[v] = struct{}{}
	}
}

func (s Set[T]) Has(v T) bool {
	_, ok := s[v]
	return ok
}

func Union[T comparable](a, b Set[T]) Set[T] {
	out := Set[T]{}
	for k := range a {
		out.Add(k)
	}
	for k := range b {
		out.Add(k)
	}
	return out
}

type Cache[K comparable, V any] struct {
	data  map[K]V
	hits  int
	miss  int
}

func NewCache[K comparable, V any]() *Cache[K, V] {
	return &Cache[K, V]{data: make(map[K]V)}
}

func (c *Cache[K, V]) Get(k K, compute func(K) V) V {
	if v, ok := c.data[k]; ok {
		c.hits++
		return v
	}
	c.miss++
	v := compute(k)
	c.data[k] = v
	return v
}

func main() {
	a := Set[int]{}
	a.Add(1, 2, 3)
	b := Set[int]{}
	b.Add(3, 4)
	u := Union(a, b)
	println(len(u), u.Has(4), u.Has(5))
	c := NewCache[string, int]()
	for _, k := range []string{"aa", "b", "aa", "ccc", "b", "aa"} {
		print(c.Get(k, func(s string) int { return len(s) * 10 }), " ")
	}
	println()
	println(c.hits, c.miss)
}
