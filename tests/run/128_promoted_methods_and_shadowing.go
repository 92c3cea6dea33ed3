package main

type Animal struct{ name string }

func (a Animal) Speak() string  { return a.name + " makes a sound" }
func (a Animal) Kind() string   { return "animal" }
func (a *Animal) SetName(n string) { a.name = n }

type Dog struct {
	Animal
	breed string
}

func (d Dog) Speak() string { return d.name + " barks" }

type Puppy struct {
	Dog
}

func (p Puppy) Kind() string { return "puppy of " + p.Dog.Kind() }

func main() {
	d := Dog{Animal{"rex"}, "lab"}
	println(d.Speak())
	println(d.Animal.Speak())
	println(d.Kind())
	d.SetName("max")
	println(d.Speak())
	p := Puppy{d}
	println(p.Speak(), "|", p.Kind())
	p.SetName("tiny")
	println(p.name, d.name)
	type speaker interface{ Speak() string }
	for _, s := range []speaker{d, p, d.Animal} {
		println(s.Speak())
	}
}
