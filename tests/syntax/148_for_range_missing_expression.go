package main

func main() {
	for i := range {
		println(i)
	}
}
