package main

type Animal interface {
	Name() string
	Sound() string
}

type Base struct{ name string }

func (b Base) Name() string  { return b.name }
func (b Base) Sound() string { return "..." }
func (b Base) Describe() string {
	return b.Name() + " says " + b.Sound() // static: Base's methods
}

type Dog struct{ Base }

func (d Dog) Sound() string { return "woof" }

type Loud struct {
	Animal
	times int
}

func (l Loud) Sound() string {
	s := ""
	for i := 0; i < l.times; i++ {
		s += l.Animal.Sound() + "!"
	}
	return s
}

type Wrapper struct {
	*Dog
}

func describe(a Animal) string { return a.Name() + ":" + a.Sound() }

func main() {
	d := Dog{Base{"rex"}}
	println(describe(d), d.Describe())
	l := Loud{d, 2}
	println(describe(l))
	ll := Loud{l, 2}
	println(describe(ll))
	w := Wrapper{&d}
	println(describe(w))
	d.name = "max"
	println(describe(w))
	var a Animal = Base{"cat"}
	println(describe(a))
	var empty Loud
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	println(empty.times)
	println(describe(empty))
}
