package main

type T struct{ x int }

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println(name+":", e.Error())
		} else {
			println(name+": no error")
		}
	}()
	f()
}

func main() {
	var zero int
	var arr []int
	var m map[string]int
	var p *T
	var i interface{} = "s"
	var ch chan int
	try("divide", func() { println(1 / zero) })
	try("modulo", func() { println(1 % zero) })
	try("index", func() { println(arr[zero]) })
	try("nil map", func() { m["a"] = 1 })
	try("nil pointer", func() { println(p.x) })
	try("assertion", func() { println(i.(int)) })
	try("close nil chan", func() { close(ch) })
	try("close closed", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	try("send closed", func() {
		c := make(chan int, 1)
		close(c)
		c <- 1
	})
	try("negative len", func() { _ = make([]byte, zero-1) })
	try("none", func() {})
}
