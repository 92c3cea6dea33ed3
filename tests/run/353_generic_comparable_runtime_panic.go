package main

func Eq[T comparable](a, b T) bool { return a == b }

func Index[T comparable](xs []T, v T) int {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T) { s[v] = struct{}{} }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "->", r.(error).Error())
		}
	}()
	f()
}

func main() {
	try("eq any equal slices", func() { println(Eq[any]([]int{1}, []int{1})) })
	try("eq any different types", func() { println(Eq[any]([]int{1}, "x")) })
	try("eq any funcs", func() { println(Eq[any](main, main)) })
	try("index", func() { println(Index([]any{1, "a", []int{}}, any("a"))) })
	try("index hits slice", func() { println(Index([]any{1, []int{}, "a"}, any([]int{}))) })
	try("set add slice", func() {
		s := Set[any]{}
		s.Add(1)
		s.Add([]string{"x"})
	})
	try("set of arrays of any", func() {
		s := Set[[2]any]{}
		s.Add([2]any{1, 2})
		s.Add([2]any{1, map[int]int{}})
	})
	try("eq struct with any", func() {
		type P struct{ a, b any }
		println(Eq(P{1, []int{}}, P{2, []int{}}))
		println(Eq(P{1, []int{}}, P{1, []int{}}))
	})
}
