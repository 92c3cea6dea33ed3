package main

func inc(p *int) { *p++ }

func swap(a, b *int) { *a, *b = *b, *a }

func newInt(v int) *int { return &v }

func main() {
	x := 1
	p := &x
	inc(p)
	inc(&x)
	println(x, *p)
	y := 10
	swap(&x, &y)
	println(x, y)
	a := newInt(5)
	b := newInt(5)
	println(*a == *b, a == b)
	*a = 6
	println(*a, *b)
	pp := &p
	**pp = 100
	println(x)
	n := new(int)
	println(*n)
	*n = 3
	var q *int
	println(q == nil, n != nil)
	s := new([]int)
	*s = append(*s, 1, 2)
	println(len(*s))
	type T struct{ v int }
	t := &T{7}
	t2 := t
	t2.v = 8
	println(t.v)
}
