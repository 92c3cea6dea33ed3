package main

func main() {
outer:
	for i := 0; i < 3; i++ {
		println(i)
	}
}
