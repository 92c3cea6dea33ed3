package main

func main() {
	println(0.0)
	println(1.0)
	println(-1.0)
	println(3.141592653589793)
	println(1e100)
	println(1e-100)
	println(123456789.0)
	println(0.000001234)
	println(9.9999999)
	println(1.7976931348623157e308)
	println(5e-324)
	var f32 float32 = 1.1
	println(f32)
	var f64 float64 = 1.1
	println(f64)
	print(2.5, "\n")
	print(2.5, 3.5, "\n")
	println(2.5, 3.5)
	var h float64 = 0.5
	for i := 0; i < 5; i++ {
		println(h)
		h *= 1000
	}
	println(999999.95, 999999.94)
}
