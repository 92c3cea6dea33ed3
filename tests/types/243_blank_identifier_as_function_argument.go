package main

func use(n int) {}

func main() {
	use(_)
}
