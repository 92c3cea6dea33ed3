package main

type rgb struct{ r, g, b uint8 }

func main() {
	_ = rgb{1, 2}
}
