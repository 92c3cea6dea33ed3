package main

type Count int

func main() {
	for i := range 5 {
		print(i, " ")
	}
	println()
	n := 0
	for range 10 {
		n++
	}
	println(n)
	for i := range 0 {
		println("never", i)
	}
	neg := -3
	for i := range neg {
		println("never", i)
	}
	var c Count = 3
	for i := range c {
		var x Count = i
		print(x, " ")
	}
	println()
	var u8 uint8 = 3
	for i := range u8 {
		print(i+254, " ")
	}
	println()
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	limit := 4
	for i := range limit {
		limit = 100
		print(i)
	}
	println()
}
