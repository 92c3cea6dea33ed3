package main

type Vec struct{ X, Y float64 }

type Body struct {
	Pos, Vel Vec
	Name     string
}

func (b Body) moved() Body {
	b.Pos.X += b.Vel.X
	b.Pos.Y += b.Vel.Y
	return b
}

func (b *Body) move() {
	b.Pos.X += b.Vel.X
	b.Pos.Y += b.Vel.Y
}

func main() {
	b := Body{Vec{0, 0}, Vec{1, 2}, "b"}
	c := b.moved()
	println(b.Pos.X, c.Pos.X, c.Pos.Y)
	b.move()
	b.move()
	println(b.Pos.X, b.Pos.Y)
	p := &b
	q := *p
	q.Name = "q"
	println(b.Name, q.Name)
	p.Name = "p"
	println(b.Name)
	bodies := []Body{b, c}
	for i := range bodies {
		bodies[i].move()
	}
	println(bodies[0].Pos.X, b.Pos.X)
	np := new(Body)
	println(np.Pos.X, np.Name == "")
}
