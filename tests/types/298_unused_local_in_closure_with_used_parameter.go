package main

func main() {
	run := func(n int) {
		doubled := n * 2
	}
	run(1)
}
