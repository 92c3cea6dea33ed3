package main

type Tree[T interface{ ~int | ~string }] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

func (t *Tree[T]) All(yield func(T) bool) {
	t.all(yield)
}

func (t *Tree[T]) all(yield func(T) bool) bool {
	if t == nil {
		return true
	}
	return t.Left.all(yield) && yield(t.Val) && t.Right.all(yield)
}

type Node[T any] struct {
	val      T
	children []*Node[T]
}

func (n *Node[T]) Depth() int {
	d := 0
	for _, c := range n.children {
		if cd := c.Depth(); cd > d {
			d = cd
		}
	}
	return d + 1
}

type Ordered interface{ ~int | ~string }

type Self[T any] interface {
	Less(T) bool
}

type Age int

func (a Age) Less(b Age) bool { return a < b }

func MinOf[T Self[T]](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x.Less(m) {
			m = x
		}
	}
	return m
}

func main() {
	var t *Tree[int]
	for _, v := range []int{5, 3, 8, 1, 4, 9, 7} {
		t = t.Insert(v)
	}
	t.Walk(func(v int) { print(v, " ") })
	println()
	var st *Tree[string]
	for _, v := range []string{"m", "c", "x", "a"} {
		st = st.Insert(v)
	}
	for v := range st.All {
		if v == "x" {
			break
		}
		print(v, " ")
	}
	println()
	root := &Node[string]{val: "r", children: []*Node[string]{{val: "a"}, {val: "b", children: []*Node[string]{{val: "c"}}}}}
	println(root.Depth())
	println(MinOf[Age](30, 20, 25))
}
