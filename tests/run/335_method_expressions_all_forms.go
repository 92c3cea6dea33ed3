package main

type P struct{ x, y int }

func (p P) Sum() int        { return p.x + p.y }
func (p *P) Scale(k int)    { p.x *= k; p.y *= k }
func (p P) With(x int) P    { p.x = x; return p }

type Summer interface{ Sum() int }

type Named int

func (n Named) Twice() Named { return n * 2 }

type Emb struct {
	P
	z int
}

func main() {
	sum := P.Sum
	psum := (*P).Sum
	scale := (*P).Scale
	with := P.With
	p := P{1, 2}
	println(sum(p), psum(&p))
	scale(&p, 10)
	println(p.x, p.y, with(p, 7).x, p.x)
	isum := Summer.Sum
	println(isum(p), isum(&p))
	tw := Named.Twice
	println(tw(21), Named(4).Twice())
	esum := Emb.Sum
	escale := (*Emb).Scale
	e := Emb{P{3, 4}, 5}
	escale(&e, 2)
	println(esum(e), e.x)
	fs := []func(P) int{P.Sum, func(p P) int { return p.x }}
	for _, f := range fs {
		print(f(P{5, 6}), " ")
	}
	println()
	var s Summer = e
	println(s.Sum())
	ms := map[string]func(*P, int){"scale": (*P).Scale}
	ms["scale"](&p, 0)
	println(p.x, p.y)
	defer func() { println("recovered:", recover().(error).Error()) }()
	var np *P
	psum(np)
}
