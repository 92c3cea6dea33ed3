package main

var registry = map[string]int{}

var _ = register("alpha", 1)
var _ = register("beta", 2)

var count = len(registry)

func register(name string, v int) bool {
	registry[name] = v
	println("registered", name)
	return true
}

var msg = greeting + ", " + target
var greeting = "hello"
var target = computeTarget()

func computeTarget() string {
	println("computing target")
	return "world"
}

func init() {
	println("init sees count", count, "msg", msg)
	registry["gamma"] = 3
}

func main() {
	println(len(registry), registry["alpha"], registry["gamma"])
}
