package main

func main() {
	b1 = 1
	b2 = 2
	b3 = 3
	b4 = 4
	b5 = 5
	b6 = 6
	b7 = 7
	b8 = 8
	b9 = 9
	b10 = 10
}
