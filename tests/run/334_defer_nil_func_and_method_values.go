package main

type C struct{ n int }

func (c C) Show()   { println("show", c.n) }
func (c *C) PShow() { println("pshow", c.n) }

func deferNil() {
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	var f func()
	defer f()
	println("after defer of nil func")
}

func deferMethods() {
	c := C{1}
	defer c.Show()
	defer c.PShow()
	p := &c
	defer p.Show()
	c.n = 2
	var i interface{ Show() } = c
	defer i.Show()
	c.n = 3
}

func deferNilIface() {
	defer func() {
		println("recovered iface:", recover().(error).Error())
	}()
	var i interface{ Show() }
	defer i.Show()
	println("not reached")
}

func deferArgs() (r int) {
	x := 1
	defer func(v int) { r += v * 100 }(x)
	x = 5
	defer func() { r += x }()
	x = 7
	return 3
}

func deferLoop() {
	for i := 0; i < 3; i++ {
		defer func(n int) { print("d", n, i, " ") }(i * 2)
	}
}

func main() {
	deferNil()
	deferMethods()
	deferNilIface()
	println(deferArgs())
	deferLoop()
	println()
	func() {
		defer println("deferred builtin", 1, "two")
		defer print("print builtin\n")
	}()
	var np *C
	defer func() {
		println("main recovered:", recover().(error).Error())
	}()
	defer np.PShow()
	println("reached")
}
