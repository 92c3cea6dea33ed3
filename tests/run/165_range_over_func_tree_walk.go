package main

type Tree struct {
	L, R *Tree
	V    int
}

func (t *Tree) All(yield func(int) bool) bool {
	if t == nil {
		return true
	}
	return t.L.All(yield) && yield(t.V) && t.R.All(yield)
}

func (t *Tree) Seq() func(func(int) bool) {
	return func(yield func(int) bool) { t.All(yield) }
}

func build(vals []int) *Tree {
	if len(vals) == 0 {
		return nil
	}
	m := len(vals) / 2
	return &Tree{build(vals[:m]), build(vals[m+1:]), vals[m]}
}

func main() {
	t := build([]int{1, 2, 3, 4, 5, 6, 7, 8, 9})
	for v := range t.Seq() {
		print(v, " ")
	}
	println()
	for v := range t.Seq() {
		if v > 4 {
			break
		}
		print(v, " ")
	}
	println()
	sum := 0
	for v := range t.Seq() {
		if v%3 == 0 {
			continue
		}
		sum += v
	}
	println(sum)
}
