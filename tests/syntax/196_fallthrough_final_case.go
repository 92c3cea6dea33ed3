package main

func main() {
	x := 1
	switch x {
	case 0:
		println(0)
	case 1:
		println(1)
		fallthrough
	}
}
