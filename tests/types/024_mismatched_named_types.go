package main

type celsius float64
type fahrenheit float64

func main() {
	var c celsius = 20
	var f fahrenheit = 68
	_ = c - f
}
