package main

func main() {
	for i := 0; i < 4; i++ {
		switch i {
		case 0:
			print("zero ")
			fallthrough
		case 1:
			print("one-or-fell ")
			fallthrough
		case 2:
			println("two-or-fell")
		default:
			println("other")
		}
	}
}
