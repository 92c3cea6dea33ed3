package main

func main() {
	var m map[string]int
	var s []int
	var p *[3]int
	var str string
	n := 0
	for range m {
		n++
	}
	for range s {
		n++
	}
	for i := range p {
		n += i
	}
	for range str {
		n++
	}
	println(n)
	defer func() {
		println("recovered:", recover().(error).Error())
		var c chan int
		for v := range c {
			println(v)
		}
	}()
	var seq func(func(int) bool)
	for v := range seq {
		println(v)
	}
}
