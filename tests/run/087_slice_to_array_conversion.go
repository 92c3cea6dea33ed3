package main

func main() {
	s := []int{1, 2, 3, 4, 5}
	a := [3]int(s)
	a[0] = 100
	println(a[0], s[0], len(a))
	p := (*[2]int)(s)
	p[1] = 200
	println(s[1])
	p4 := (*[4]int)(s[1:])
	println(p4[3])
	var empty []int
	z := [0]int(empty)
	println(len(z))
	zp := (*[0]int)(empty)
	println(zp == nil)
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	_ = [6]int(s)
}
