package main

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

type Float interface{ ~float32 | ~float64 }

func SumOverflow[T Integer](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Avg[T Float](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s / T(len(xs))
}

func Shift[T Integer](x T, n uint) (T, T) { return x << n, x >> n }

func Div[T Integer](a, b T) (q, r T) {
	defer func() {
		if e := recover(); e != nil {
			q, r = 0, 0
			println("div panic:", e.(error).Error())
		}
	}()
	return a / b, a % b
}

type Bytes interface{ ~[]byte | ~string }

func Len[T Bytes](x T) int { return len(x) }

func At[T Bytes](x T, i int) byte { return x[i] }

type MyBytes []byte

func Keys[M ~map[K]V, K comparable, V any](m M) int { return len(m) }

func Ptrs[T any, P interface{ *T }](xs []T) []P {
	out := make([]P, len(xs))
	for i := range xs {
		out[i] = &xs[i]
	}
	return out
}

func main() {
	println(SumOverflow[int8](100, 100), SumOverflow[uint8](200, 100), SumOverflow(1<<62, 1<<62), SumOverflow[uint16](65535, 2))
	println(Avg([]float32{1, 2, 4}), Avg([]float64{0.1, 0.2}))
	a, b := Shift[int8](-64, 1)
	c, d := Shift[uint8](0x81, 7)
	e, f := Shift(int64(-1), 70)
	println(a, b, c, d, e, f)
	println(Div(-7, 2))
	println(Div[int8](-128, -1))
	println(Div[uint](7, 0))
	println(Len("héllo"), Len([]byte{1, 2}), Len(MyBytes("abc")), At("xyz", 1), At(MyBytes{9, 8}, 0))
	println(Keys(map[string]int{"a": 1, "b": 2}))
	xs := []int{1, 2, 3}
	ps := Ptrs(xs)
	*ps[1] = 20
	println(xs[1], len(ps))
}
