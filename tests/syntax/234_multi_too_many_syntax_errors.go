package main

func f(a, b int) {}

func main() {
	f(1 2)
	f(3 4)
	f(5 6)
	f(7 8)
	f(9 10)
	f(11 12)
	f(13 14)
	f(15 16)
	f(17 18)
	f(19 20)
	f(21 22)
	f(23 24)
}
