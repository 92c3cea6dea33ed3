package main

func main() {
	var z float64
	inf := 1 / z
	ninf := -1 / z
	println("inf:", inf, "ninf:", ninf)
	println("inf > 1e308:", inf > 1e308, "ninf < -1e308:", ninf < -1e308)
	println("inf+inf:", inf+inf, "inf-inf:", inf-inf)
	println("inf*0:", inf*z, "inf*-1:", inf*-1)
	println("1/inf:", 1/inf, "1/ninf:", 1/ninf)
	println("inf == inf:", inf == inf, "inf == ninf:", inf == ninf)
	big := 1e308
	println("big*10:", big*10, "-big*10:", -big*10)
	var f32 float32 = 3e38
	println("f32*10:", f32*10)
	var d float64 = 1e300
	println("float32(1e300):", float32(d))
	println("float32(-1e300):", float32(-d))
	h := inf
	for i := 0; i < 5; i++ {
		h = h / 2
	}
	println("inf/32:", h)
}
