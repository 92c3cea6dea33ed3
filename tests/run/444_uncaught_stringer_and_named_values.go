package main

type Celsius float64

type Code uint16

type Label string

type Pt struct{ x, y int }

func (p Pt) String() string { return "Pt(" + string(rune('0'+p.x)) + "," + string(rune('0'+p.y)) + ")" }

func main() {
	defer func() {
		recover()
		defer func() {
			recover()
			defer func() {
				recover()
				panic(Pt{1, 2})
			}()
			panic(Label("lab\nel"))
		}()
		panic(Code(404))
	}()
	panic(Celsius(-40.5))
}
