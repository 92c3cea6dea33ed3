package main

func main() {
	var zero float64
	nan := zero / zero
	negz := -zero
	println(min(1.0, nan), max(nan, 1.0), min(nan, nan), max(1, 2, nan, 3))
	println(min(zero, negz), max(negz, zero), min(negz, zero), max(zero, negz))
	println(1/min(zero, negz), 1/max(negz, zero), 1/min(negz, zero), 1/max(zero, negz))
	inf := 1 / zero
	println(min(inf, -inf, 5), max(-inf, inf), min(inf, nan))
	println(min("b", "a", "c"), max("b", "a", "c"), min("", "a"), max("ab", "abc", "a"))
	var s1, s2 string = "héllo", "hello"
	println(min(s1, s2), max(s1, s2))
	var i8a, i8b int8 = -128, 127
	println(min(i8a, i8b), max(i8a, i8b))
	var u1, u2 uint64 = 1<<64 - 1, 0
	println(min(u1, u2), max(u1, u2))
	var f32 float32 = 1.5
	var fn32 = float32(nan)
	println(min(f32, fn32), max(f32, 2.5), min(f32))
	const c = min(3, 1.5, 2)
	println(c, max('a', 'b'))
	xs := []float64{3, 1, nan, 2}
	m := xs[0]
	for _, x := range xs {
		m = min(m, x)
	}
	println(m)
	ys := []float64{negz, zero}
	println(1/min(ys[0], ys[1]), 1/max(ys[0], ys[1]), 1/min(ys[1], ys[0]), 1/max(ys[1], ys[0]))
}
