package main

type point struct{ x, y int }

func main() {
	a := [3]int{1, 2, 3}
	b := [3]int{1, 2, 3}
	c := [3]int{1, 2, 4}
	println(a == b, a != b, a == c, a != c)
	s1 := [2]string{"x", "y"}
	s2 := [2]string{"x", "y"}
	println(s1 == s2)
	ps := [2]point{{1, 2}, {3, 4}}
	qs := [2]point{{1, 2}, {3, 4}}
	println(ps == qs)
	qs[1].y = 5
	println(ps == qs)
	var z [0]int
	var w [0]int
	println(z == w)
	var nan float64
	nan = nan / nan
	f := [2]float64{1, nan}
	g := f
	println("nan array equal:", f == g)
	var i1, i2 [2]interface{}
	i1[0], i2[0] = 1, 1
	println("iface arrays:", i1 == i2)
	i2[1] = "x"
	println(i1 == i2)
}
