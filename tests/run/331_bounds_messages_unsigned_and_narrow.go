package main

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "->", r.(error).Error())
		}
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	arr := [4]byte{}
	str := "héllo"
	var u64 uint64 = 1<<64 - 1
	var u8 uint8 = 200
	var i8 int8 = -3
	var i16 int16 = -300
	var u32 uint32 = 1 << 31
	var up uintptr = 10
	try("u64 index", func() { _ = s[u64] })
	try("u8 index", func() { _ = s[u8] })
	try("i8 index", func() { _ = s[i8] })
	try("i16 index arr", func() { _ = arr[i16] })
	try("u32 index str", func() { _ = str[u32] })
	try("uintptr index", func() { _ = s[up] })
	try("u64 slice hi", func() { _ = s[:u64] })
	try("i8 slice lo", func() { _ = s[i8:] })
	try("u8 slice lo>hi", func() { _ = s[u8:2] })
	try("str slice", func() { _ = str[3:u8] })
	try("str slice lo>hi", func() { i := 4; _ = str[i:2] })
	try("3-index cap", func() { _ = s[0:1:u8] })
	try("3-index mid", func() { i := 2; _ = s[0:3:i] })
	try("arr slice", func() { _ = arr[1:u8] })
	try("arr ptr", func() { p := &arr; _ = p[u64] })
	try("to array", func() { _ = [4]int(s) })
	try("to array ptr", func() { _ = (*[5]int)(s) })
	try("ok to array", func() { a := [3]int(s); println(a[2]) })
	try("neg len make", func() { n := -1; _ = make([]int, n) })
	try("make cap<len", func() { n := 1; _ = make([]int, 5, n) })
	try("huge make", func() { n := 1 << 62; _ = make([]int64, n) })
	try("neg make u", func() { var n int64 = -5; _ = make([]byte, 0, n) })
	try("make chan neg", func() { n := -1; _ = make(chan int, n) })
}
