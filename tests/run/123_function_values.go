package main

type op func(int, int) int

func apply(f op, a, b int) int { return f(a, b) }

func add(a, b int) int { return a + b }

func pick(name string) op {
	switch name {
	case "add":
		return add
	case "sub":
		return func(a, b int) int { return a - b }
	}
	return nil
}

func main() {
	println(apply(add, 2, 3))
	println(apply(pick("sub"), 2, 3))
	f := pick("none")
	println(f == nil, pick("add") != nil)
	var g func()
	println(g == nil)
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	g()
}
