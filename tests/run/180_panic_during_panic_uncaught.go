package main

func main() {
	defer func() {
		println("second deferred runs")
	}()
	defer func() {
		panic("panic in defer")
	}()
	println("start")
	panic("original panic")
}
