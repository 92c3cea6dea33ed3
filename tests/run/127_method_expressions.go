package main

type Point struct{ X, Y int }

func (p Point) Sum() int         { return p.X + p.Y }
func (p *Point) Scale(k int)     { p.X *= k; p.Y *= k }
func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

func main() {
	sum := Point.Sum
	println(sum(Point{3, 4}))
	scale := (*Point).Scale
	p := Point{1, 2}
	scale(&p, 10)
	println(p.X, p.Y)
	psum := (*Point).Sum
	println(psum(&p))
	add := Point.Add
	r := add(Point{1, 1}, Point{2, 3})
	println(r.X, r.Y)
	fs := []func(Point) int{Point.Sum, func(p Point) int { return p.X * p.Y }}
	for _, f := range fs {
		print(f(Point{5, 6}), " ")
	}
	println()
}
