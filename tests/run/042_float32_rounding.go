package main

func main() {
	var a float32 = 0.1
	var b float32 = 0.2
	c := a + b
	println("0.1+0.2 (f32):", c, c == 0.3)
	var x float64 = 0.1
	var y float64 = 0.2
	println("0.1+0.2 (f64):", x+y, x+y == 0.3)
	println("float64(float32(0.1)):", float64(a))
	println("float32(0.1 f64):", float32(x))
	var s float32
	for i := 0; i < 1000; i++ {
		s += 0.001
	}
	println("sum f32:", s)
	var d float64
	for i := 0; i < 1000; i++ {
		d += 0.001
	}
	println("sum f64:", d)
	var big float32 = 16777216
	println("big+1:", big+1, "big+2:", big+2)
	var third float32 = 1
	third /= 3
	println("1/3 f32:", third, "times 3:", third*3)
	v := float32(1e-45)
	println("denormal:", v, v/2)
}
