package main

type Int interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

func Shl[T, S Int](x T, s S) T { return x << s }
func Shr[T, S Int](x T, s S) T { return x >> s }
func Div[T Int](a, b T) T      { return a / b }
func Mod[T Int](a, b T) T      { return a % b }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "->", r.(error).Error())
		}
	}()
	f()
}

func main() {
	println(Shl(int8(1), uint8(7)), Shl(int8(1), 8), Shr(int8(-128), uint64(100)), Shl(uint16(1), int32(15)), Shr(uint32(1<<31), int8(31)))
	println(Div(int8(-128), int8(-1)), Mod(int8(-128), int8(-1)), Div(int64(-7), 2), Mod(int64(-7), 2), Div(uint8(255), 16))
	try("neg shift", func() { println(Shl(1, int8(-1))) })
	try("neg shift right", func() { println(Shr(uint64(1), -5)) })
	try("div zero", func() { println(Div(int16(5), 0)) })
	try("mod zero", func() { println(Mod(uint32(5), 0)) })
	type Small int8
	println(Shl(Small(3), 5), Div(Small(-100), Small(7)))
}
