package main

var counter int
var last string
var enabled bool

func bump(by int) {
	counter += by
	if counter > 10 {
		enabled = true
		last = "over ten"
	}
}

func main() {
	for i := 1; i <= 5; i++ {
		bump(i)
		println(counter, enabled, last)
	}
}
