package main

func q(a, b int64) int64 { return a / b }
func r(a, b int64) int64 { return a % b }
func q32(a, b int32) int32 { return a / b }

func main() {
	min := int64(-9223372036854775807 - 1)
	println(q(min, -1), r(min, -1))
	println(q32(-2147483648, -1))
	println(q(min, 1), r(min, 7))
}
