package main

func main() {
	x := 1
	switch x {
		println("before")
	case 1:
	}
}
