package main

const (
	Red = iota,
	Green,
	Blue,
)

func main() {
	println(Red, Green, Blue)
}
