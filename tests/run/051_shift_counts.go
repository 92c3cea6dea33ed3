package main

func main() {
	var x int64 = -8
	var u uint64 = 1 << 63
	for _, s := range []uint{0, 1, 7, 31, 32, 63, 64, 65, 200} {
		println(s, x<<s, x>>s, u>>s, u<<s)
	}
	var b int8 = -1
	var c uint8 = 0xff
	for _, s := range []uint8{3, 8, 9, 255} {
		println(s, b<<s, b>>s, c<<s, c>>s)
	}
	var sh int = 3
	println("signed count:", 1<<sh, -16>>sh)
	var big uint64 = 1 << 40
	println("huge count:", 5<<big, -5>>big)
}
