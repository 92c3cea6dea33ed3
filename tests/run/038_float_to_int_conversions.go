package main

func main() {
	vals := []float64{0, 0.1, 0.9, 1.5, 2.5, -0.1, -0.9, -1.5, -2.5, 1e9, -1e9, 123456789.987, 4503599627370497}
	for _, v := range vals {
		println(v, int(v), int32(v), int64(v))
	}
	fs := []float32{1.99, -1.99, 16777217, 0.5}
	for _, f := range fs {
		println(f, int(f), uint8(f), int16(f))
	}
	u := 255.9
	println("uint8(255.9):", uint8(u))
	w := 65535.5
	println("uint16(65535.5):", uint16(w))
	x := 3.99
	println("uint(3.99):", uint(x), "uint64:", uint64(x))
}
