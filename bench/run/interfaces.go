// Benchmark interface calls: dynamic dispatch through itabs in a loop over
// a []Shape holding four concrete types (value and pointer receivers), so
// no call site sees a single type.
//
// Constructs: interface types, methods with value and pointer receivers,
// interface method calls, a type switch.
package main

type Shape interface {
	Area() int
	Scale(k int)
}

type Rect struct{ w, h int }
type Square struct{ s int }
type Tri struct{ b, h int }
type Line struct{ n int }

func (r *Rect) Area() int    { return r.w * r.h }
func (r *Rect) Scale(k int)  { r.w = (r.w*k)%1000 + 1; r.h = (r.h+k)%1000 + 1 }
func (s *Square) Area() int  { return s.s * s.s }
func (s *Square) Scale(k int) { s.s = (s.s+k)%1000 + 1 }
func (t *Tri) Area() int     { return t.b * t.h / 2 }
func (t *Tri) Scale(k int)   { t.b = (t.b*k+1)%1000 + 1 }
func (l *Line) Area() int    { return l.n }
func (l *Line) Scale(k int)  { l.n = (l.n ^ k) % 1000 }

func main() {
	var shapes []Shape
	for i := 0; i < 1000; i++ {
		switch i % 4 {
		case 0:
			shapes = append(shapes, &Rect{i%17 + 1, i%13 + 1})
		case 1:
			shapes = append(shapes, &Square{i % 31})
		case 2:
			shapes = append(shapes, &Tri{i % 7, i % 11})
		default:
			shapes = append(shapes, &Line{i})
		}
	}
	total := 0
	for round := 0; round < 64000; round++ {
		for i, s := range shapes {
			total += s.Area()
			if i%8 == round%8 {
				s.Scale(round%5 + 2)
			}
		}
	}
	rects := 0
	for _, s := range shapes {
		switch s.(type) {
		case *Rect:
			rects++
		}
	}
	println("interfaces", total, rects)
}
