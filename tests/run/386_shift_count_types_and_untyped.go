package main

func main() {
	var s8 int8 = 3
	var u8 uint8 = 200
	var s64 int64 = 62
	var u64 uint64 = 1<<64 - 1
	x := 1
	println(x<<s8, x<<u8, x<<s64, x<<u64, x>>u64)
	var big int64 = 1 << 40
	println(big>>s8, big>>u8, big>>uint16(40), -big>>u64)
	var f float64 = 3
	n := uint(4)
	println(int(f)<<n, uint32(1)<<31>>n)
	// untyped constant shifted by a variable takes the context's type
	var i32 int32 = 1 << n
	var u16 uint16 = 1<<n + 1
	println(i32, u16)
	var r = 1 << n
	println(r)
	println(int8(1)<<6, uint8(1)<<7, int16(-1)<<15)
	var sh = 66
	println(int64(1)<<sh, uint64(1)<<(sh-3), int32(-8)>>sh)
	type Bits uint8
	var bb Bits = 1
	println(bb<<7, bb<<8, bb<<s8)
	cnt := 0
	for v := uint64(1); v != 0; v <<= 1 {
		cnt++
	}
	println(cnt)
	neg := int8(-1)
	defer func() { println("recovered:", recover().(error).Error()) }()
	println(x << neg)
}
