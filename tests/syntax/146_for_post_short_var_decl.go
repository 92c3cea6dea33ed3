package main

func main() {
	for i := 0; i < 3; j := i {
		println(i, j)
	}
}
