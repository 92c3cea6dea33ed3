package main

type P struct {
	X, Y float64
}

type Q struct {
	A int8
	B float32
	C string
	D [2]float64
	E interface{}
}

func main() {
	var zero float64
	nan := zero / zero
	negz := -zero
	p1 := P{nan, 1}
	p2 := p1
	println(p1 == p2, p1 != p2, p1 == p1)
	p3 := P{0, 1}
	p4 := P{negz, 1}
	println(p3 == p4)
	a1 := [3]float64{1, nan, 2}
	a2 := a1
	println(a1 == a2, a1 != a2)
	a3 := [2]float64{0, 1}
	a4 := [2]float64{negz, 1}
	println(a3 == a4)
	q1 := Q{1, 2, "x", [2]float64{0, 3}, 5}
	q2 := Q{1, 2, "x", [2]float64{negz, 3}, 5}
	println(q1 == q2)
	q2.E = int64(5)
	println(q1 == q2)
	q2.E = 5
	q2.C = "y"
	println(q1 == q2)
	q2.C = "x"
	q2.E = nan
	q1.E = nan
	println(q1 == q2)
	var i1, i2 interface{} = p1, p2
	println(i1 == i2)
	var i3, i4 interface{} = p3, p4
	println(i3 == i4)
	c1 := complex(nan, 0)
	println(c1 == c1, complex(0, zero) == complex(negz, negz))
	m := map[P]int{}
	m[p1] = 1
	m[p1] = 2
	m[p3] = 3
	m[p4] = 4
	println(len(m), m[p3], m[p4])
}
