package main

type Greeter interface{ Greet(name string) string }

type english struct{}
type french struct{ formal bool }

func (english) Greet(n string) string { return "hello " + n }
func (f french) Greet(n string) string {
	if f.formal {
		return "bonjour " + n
	}
	return "salut " + n
}

func main() {
	gs := []Greeter{english{}, french{true}, french{false}}
	var fs []func(string) string
	for _, g := range gs {
		fs = append(fs, g.Greet)
	}
	for _, f := range fs {
		println(f("ann"))
	}
	expr := Greeter.Greet
	println(expr(french{}, "bob"))
	var g Greeter = french{true}
	m := g.Greet
	g = english{}
	println(m("cy"), g.Greet("cy"))
}
