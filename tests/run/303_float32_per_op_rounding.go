package main

func main() {
	var a float32 = 16777216
	var b float32 = 1
	println(a+b, a+b+b, (a+b)-a, a+(b+b))
	var x float32 = 0.1
	var sum float32
	for i := 0; i < 10; i++ {
		sum += x
	}
	println(sum, sum == 1, float64(sum))
	var third float32 = 1.0 / 3.0
	println(third, third*3, float64(third)*3)
	var m float32 = 3.4e38
	println(m*10, -m*10, m*10-m*10)
	var tiny float32 = 1e-45
	println(tiny, tiny/2, tiny*0.5, float64(tiny))
	f64 := 1.0000001192092896
	println(float32(f64), float32(f64) == 1, float64(float32(f64)))
	var c float32 = 1.1
	var d float32 = 1.1
	println(c*d, float64(c)*float64(d), float32(float64(c)*float64(d)))
	var e float32 = 100000000
	println(e+1-e, e/3*3)
	// int -> float32 rounding
	var n int64 = 1<<24 + 1
	var un uint64 = 1<<64 - 1
	println(float32(n), float32(un), float32(int32(1<<31-1)), float32(uint32(1<<32-1)))
	var h float32 = 0.5
	for i := 0; i < 5; i++ {
		h = h*h + 0.1
	}
	println(h)
}
