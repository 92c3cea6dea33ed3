package main

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

type Number interface {
	Integer | ~float32 | ~float64
}

func Conv[T, U Number](x T) U { return U(x) }

func Cast[U, T Number](x T) U { return U(x) }

type Small int8

func main() {
	println(Conv[int64, int8](300), Conv[int64, uint8](-1), Conv[uint64, int8](1<<63+255), Conv[int8, uint64](-1))
	println(Conv[int16, uint32](-2), Conv[uint32, int16](70000), Conv[int32, int64](-5), Conv[uint16, Small](200))
	println(Conv[float64, int32](-3.9), Conv[float64, uint8](255.9), Conv[float32, int64](1e10), Conv[int64, float32](1<<53+1))
	println(Conv[uint64, float64](1<<64-1), Conv[int8, float64](-128), Conv[float64, float32](0.1), Conv[float32, float64](0.1))
	println(Cast[uint16](int8(-1)), Cast[int](uint8(200)), Cast[Small](int64(129)), Cast[float64](Small(-7)))
	xs := []int64{-1, 0, 127, 128, 255, 256, -129}
	for _, x := range xs {
		print(Conv[int64, int8](x), ",", Conv[int64, uint8](x), ",", Conv[int64, uint16](x), " ")
	}
	println()
}
