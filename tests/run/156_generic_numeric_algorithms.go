package main

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

func GCD[T Integer](a, b T) T {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func Pow[T Integer](base T, exp uint) T {
	result := T(1)
	for exp > 0 {
		if exp&1 == 1 {
			result *= base
		}
		base *= base
		exp >>= 1
	}
	return result
}

func Abs[T ~int | ~float64](x T) T {
	if x < 0 {
		return -x
	}
	return x
}

func main() {
	println(GCD(48, 18), GCD(uint8(200), uint8(150)), GCD(int64(1)<<40, int64(1)<<20))
	println(Pow(3, 4), Pow(uint8(3), 6), Pow(int8(2), 7), Pow(uint64(2), 63))
	println(Abs(-5), Abs(3.5), Abs(-0.0))
	var mi int8 = -128
	println(Abs(int(mi)))
}
