package main

type Base[T any] struct {
	items []T
}

func (b *Base[T]) Add(x T)   { b.items = append(b.items, x) }
func (b Base[T]) Len() int    { return len(b.items) }
func (b Base[T]) First() T    { return b.items[0] }

type Named[T any] struct {
	Base[T]
	name string
}

type Lener interface{ Len() int }

type Stack[T any] struct {
	*Base[T]
}

func (s Stack[T]) Pop() T {
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x
}

func total(ls ...Lener) int {
	n := 0
	for _, l := range ls {
		n += l.Len()
	}
	return n
}

func main() {
	var n Named[string]
	n.Add("a")
	n.Add("b")
	n.name = "n"
	println(n.Len(), n.First(), n.name)
	s := Stack[float64]{&Base[float64]{}}
	s.Add(1.5)
	s.Add(2.5)
	println(s.Pop(), s.Len())
	println(total(n, s, &n, Base[int]{items: []int{1, 2, 3}}))
	add := n.Add
	add("c")
	l := Named[string].Len
	println(l(n), (*Named[string]).First(&n))
	var ln Lener = &Named[[2]int]{}
	println(ln.Len())
	e := Stack[int]{}
	defer func() { println("recovered:", recover().(error).Error()) }()
	println(e.Len())
}

type Pt struct{ x, y int }

func (p Pt) Add(q Pt) Pt    { return Pt{p.x + q.x, p.y + q.y} }
func (p *Pt) Scale(k int)   { p.x *= k; p.y *= k }

type Adder interface{ Add(Pt) Pt }

func init() {
	p := Pt{1, 2}
	(*Pt).Scale(&p, 3)
	println(Pt.Add(p, Pt{10, 10}).x, (*Pt).Add(&p, p).y, Adder.Add(p, Pt{1, 1}).x, p.x)
	println(Base[int].Len(Base[int]{items: []int{4}}), (*Base[string]).Len(&Base[string]{}))
}
