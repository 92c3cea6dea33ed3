package main

type Base struct {
	ID   int
	Name string
}

func (b Base) Describe() string { return "base " + b.Name }
func (b *Base) Rename(n string) { b.Name = n }

type Mid struct {
	Base
	Level int
}

type Top struct {
	*Mid
	Name string
}

func main() {
	m := Mid{Base{1, "m"}, 2}
	println(m.ID, m.Name, m.Base.Name, m.Level)
	println(m.Describe())
	m.Rename("renamed")
	println(m.Name, m.Describe())
	t := Top{&m, "top"}
	println(t.Name, t.Base.Name, t.ID, t.Level)
	t.Rename("via top")
	println(m.Name, t.Mid.Name, t.Describe())
	t.ID = 99
	println(m.ID)
}
