package main

func div(a, b float64) float64 { return a / b }

func main() {
	defer func() {
		println("recovered:", recover() != nil)
	}()
	println("1/0:", div(1, 0))
	println("-1/0:", div(-1, 0))
	println("0/0:", div(0, 0))
	var f32 float32
	println("f32 1/0:", 1/f32)
	var c complex128
	one := complex(1, 1)
	r := one / c
	println("complex 1/0 real is NaN or Inf:", real(r) != real(r) || real(r) > 1e308)
	println("no panic for floats")
	var i int
	println(10 / i)
}
