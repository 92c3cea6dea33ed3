package main

func nan() float64 {
	var z float64
	return z / z
}

func main() {
	n := nan()
	one := 1.0
	println("n == n:", n == n)
	println("n != n:", n != n)
	println("n < 1:", n < one, "n > 1:", n > one)
	println("n <= n:", n <= n, "n >= n:", n >= n)
	println("1 < n:", one < n, "1 >= n:", one >= n)
	println("n:", n, "-n:", -n)
	println("n+1:", n+one, "n*0:", n*0)
	var f32 float32 = float32(n)
	println("f32 == f32:", f32 == f32, f32)
	// A NaN makes every ordered comparison false, in both operand orders.
	vals := []float64{-1, 0, 1, n}
	count := 0
	for _, a := range vals {
		for _, b := range vals {
			if a < b {
				count++
			}
			if a == b {
				count += 100
			}
		}
	}
	println("count:", count)
	// Sorting-style max skipping NaN.
	m := -1.0
	for _, v := range vals {
		if v > m {
			m = v
		}
	}
	println("max:", m)
}
