package main

type List[T any] struct {
	head *elem[T]
	size int
}

type elem[T any] struct {
	val  T
	next *elem[T]
}

func (l *List[T]) Add(v T) {
	l.head = &elem[T]{v, l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for e := l.head; e != nil; e = e.next {
		f(e.val)
	}
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) Swap() Pair[string, K] {
	return Pair[string, K]{"swapped", p.Key}
}

func main() {
	var l List[string]
	l.Add("c")
	l.Add("b")
	l.Add("a")
	l.Each(func(s string) { print(s, " ") })
	println(l.size)
	var li List[[2]int]
	li.Add([2]int{1, 2})
	li.Each(func(a [2]int) { println(a[0] + a[1]) })
	p := Pair[int, bool]{7, true}
	q := p.Swap()
	println(q.Key, q.Val)
}
