package main

type Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

type node[K Ordered, V any] struct {
	key         K
	val         V
	height      int
	left, right *node[K, V]
}

type Tree[K Ordered, V any] struct {
	root *node[K, V]
	size int
}

func height[K Ordered, V any](n *node[K, V]) int {
	if n == nil {
		return 0
	}
	return n.height
}

func fix[K Ordered, V any](n *node[K, V]) {
	n.height = 1 + max(height(n.left), height(n.right))
}

func rotR[K Ordered, V any](n *node[K, V]) *node[K, V] {
	l := n.left
	n.left = l.right
	l.right = n
	fix(n)
	fix(l)
	return l
}

func rotL[K Ordered, V any](n *node[K, V]) *node[K, V] {
	r := n.right
	n.right = r.left
	r.left = n
	fix(n)
	fix(r)
	return r
}

func balance[K Ordered, V any](n *node[K, V]) *node[K, V] {
	fix(n)
	switch bf := height(n.left) - height(n.right); {
	case bf > 1:
		if height(n.left.left) < height(n.left.right) {
			n.left = rotL(n.left)
		}
		return rotR(n)
	case bf < -1:
		if height(n.right.right) < height(n.right.left) {
			n.right = rotR(n.right)
		}
		return rotL(n)
	}
	return n
}

func (t *Tree[K, V]) Put(k K, v V) {
	var ins func(n *node[K, V]) *node[K, V]
	ins = func(n *node[K, V]) *node[K, V] {
		if n == nil {
			t.size++
			return &node[K, V]{key: k, val: v, height: 1}
		}
		switch {
		case k < n.key:
			n.left = ins(n.left)
		case k > n.key:
			n.right = ins(n.right)
		default:
			n.val = v
			return n
		}
		return balance(n)
	}
	t.root = ins(t.root)
}

func (t *Tree[K, V]) All(yield func(K, V) bool) {
	var walk func(n *node[K, V]) bool
	walk = func(n *node[K, V]) bool {
		return n == nil || (walk(n.left) && yield(n.key, n.val) && walk(n.right))
	}
	walk(t.root)
}

func (t *Tree[K, V]) Get(k K) (V, bool) {
	for n := t.root; n != nil; {
		switch {
		case k < n.key:
			n = n.left
		case k > n.key:
			n = n.right
		default:
			return n.val, true
		}
	}
	var zero V
	return zero, false
}

func main() {
	var t Tree[int, string]
	for i := 0; i < 10000; i++ {
		k := (i * 7919) % 10007
		t.Put(k, string(rune('a'+k%26)))
	}
	println(t.size, height(t.root))
	v, ok := t.Get(7919 % 10007)
	println(v, ok)
	_, ok = t.Get(-1)
	println(ok)
	prev, sorted, n := -1, true, 0
	for k := range t.All {
		if k <= prev {
			sorted = false
		}
		prev = k
		n++
		if n == 5000 {
			break
		}
	}
	println(sorted, n, prev)
	var ts Tree[string, []int]
	for _, w := range []string{"pear", "apple", "fig", "apple", "kiwi"} {
		old, _ := ts.Get(w)
		ts.Put(w, append(old, len(w)))
	}
	for k, v := range ts.All {
		print(k, ":", len(v), " ")
	}
	println()
}
