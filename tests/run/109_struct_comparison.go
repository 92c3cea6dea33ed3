package main

type P struct {
	X, Y int
	Tag  string
}

type W struct {
	p   P
	arr [2]float64
	i   interface{}
}

func main() {
	a := P{1, 2, "a"}
	b := P{1, 2, "a"}
	c := P{1, 2, "b"}
	println(a == b, a != b, a == c)
	w1 := W{a, [2]float64{1, 2}, 5}
	w2 := W{b, [2]float64{1, 2}, 5}
	println(w1 == w2)
	w2.i = "5"
	println(w1 == w2)
	w2.i = 5
	w2.arr[1] = -0.0
	w1.arr[1] = 0
	println("pos/neg zero fields:", w1 == w2)
	var e1, e2 struct{}
	println(e1 == e2)
	pa, pb := &a, &b
	println(pa == pb, *pa == *pb)
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	w1.i = []int{1}
	w2.i = []int{1}
	println(w1 == w2)
}
