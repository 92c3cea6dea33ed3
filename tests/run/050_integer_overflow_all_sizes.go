package main

func main() {
	var i8 int8 = 127
	i8++
	println("int8:", i8)
	var i16 int16 = -32768
	i16--
	println("int16:", i16)
	var i32 int32 = 2147483647
	i32 += 10
	println("int32:", i32)
	var i64 int64 = 9223372036854775807
	i64++
	println("int64:", i64)
	var u8 uint8
	u8--
	println("uint8:", u8)
	var u16 uint16 = 65535
	u16 += 2
	println("uint16:", u16)
	var u32 uint32 = 1 << 31
	u32 *= 2
	println("uint32:", u32)
	var u64 uint64
	u64 -= 1
	println("uint64:", u64)
	var m int32 = 1 << 20
	println("mul:", m*m, int64(m)*int64(m))
	var n int8 = -128
	println("neg:", -n, n/-1, n*-1)
	var a uint8 = 200
	var b uint8 = 100
	println("u8 add:", a+b, "sub:", b-a, "mul:", a*b)
	var up uintptr = 0
	up--
	println("uintptr:", up)
}
