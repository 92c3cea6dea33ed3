package main

func shl8(x int8, s uint) int8     { return x << s }
func shr8(x int8, s uint) int8     { return x >> s }
func shlu16(x uint16, s uint) uint16 { return x << s }
func shru16(x uint16, s uint) uint16 { return x >> s }
func shl32(x int32, s uint64) int32  { return x << s }
func shr32(x int32, s uint8) int32   { return x >> s }
func shl64(x int64, s uint32) int64  { return x << s }
func shr64(x int64, s uint16) int64  { return x >> s }
func shru64(x uint64, s int) uint64  { return x >> s }

func main() {
	for _, s := range []uint{0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 255, 256, 1 << 40} {
		println(s, shl8(-3, s), shr8(-3, s), shlu16(0x8001, s), shru16(0x8001, s), shl32(-5, uint64(s)), shr32(-5, uint8(s)), shl64(-7, uint32(s)), shr64(-7, uint16(s)), shru64(1<<63|1, int(s)))
	}
	var big uint64 = 1<<64 - 1
	println(shl64(1, uint32(big)), shru64(5, 1<<62))
	defer func() {
		println("recovered:", recover().(error).Error())
		var n int8 = -1
		defer func() {
			r := recover()
			println("again:", r.(error).Error())
		}()
		println(1 >> n)
	}()
	var n int = -3
	println(uint8(1) << n)
}
