package main

type A interface{ Get(x int) int }
type B interface{ Name(a, b string) string }

type T struct{}

func (T) Get(x int) int             { return 7 + x }
func (T) Name(a, b string) string   { return "tee" + a + b }

func main() {
	var a A = T{}
	var b B = T{}
	f := a.Get
	g := b.Name
	println(f(1), g("x", "y"))
	// the same method names on different interfaces, anonymous ones too
	var c interface{ Get(x int) int } = T{}
	var d interface {
		Get(x int) int
		Name(a, b string) string
	} = T{}
	h, k, l := c.Get, d.Get, d.Name
	println(h(2), k(3), l("p", "q"))
	fs := []func(int) int{a.Get, c.Get, d.Get, T{}.Get}
	t := 0
	for _, fn := range fs {
		t += fn(1)
	}
	println(t)
}
