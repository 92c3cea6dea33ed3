package main

func main() {
	xs := []int{
		1,
		2
	}
	println(len(xs))
}
