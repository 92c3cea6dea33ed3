package main

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name+":", r.(error).Error())
		}
	}()
	f()
	println(name + ": ok")
}

func main() {
	s := make([]int, 3, 5)
	i, j, k := 4, 6, 2
	neg := -1
	try("index", func() { _ = s[i] })
	try("index neg", func() { _ = s[neg] })
	try("slice hi within cap", func() { _ = s[:i] })
	try("slice hi beyond cap", func() { _ = s[:j] })
	try("slice lo > hi", func() { _ = s[i:k] })
	try("slice3 max", func() { _ = s[1:2:j] })
	try("slice3 hi > max", func() { _ = s[0:i:k] })
	try("slice3 lo > hi", func() { _ = s[i:k:5] })
	try("slice lo beyond len", func() { _ = s[i:] })
	str := "abc"
	try("string index", func() { _ = str[j] })
	try("string slice", func() { _ = str[k:j] })
	var u uint8 = 200
	try("index uint8", func() { _ = s[u] })
	arr := [3]int{}
	try("array index", func() { _ = arr[j-3] })
	var big int64 = 1 << 40
	try("big index", func() { _ = s[big] })
}
