package main

type A struct {
	X int `json:"x"`
	Y string
}

type B struct {
	X int
	Y string
}

type C A

func (c C) Show() string { return "C:" + c.Y }

type Celsius float64
type Fahrenheit float64

func main() {
	a := A{1, "a"}
	b := B(a)
	c := C(b)
	println(b.X, b.Y, c.Show())
	anon := struct {
		X int
		Y string
	}{2, "anon"}
	a = A(anon)
	b = anon
	println(a.Y, b.Y, a == A(b))
	var p *A = &a
	pb := (*B)(p)
	pb.X = 99
	println(a.X)
	t := Celsius(100)
	f := Fahrenheit(t*9/5 + 32)
	println(f, Celsius(f) == 212)
	type Local struct{ X, Y int }
	l1 := Local{1, 2}
	l2 := struct{ X, Y int }{1, 2}
	println(l1 == l2)
	arr := [2]struct{ A, B int }{{1, 2}, {3, 4}}
	arr2 := [2]struct{ A, B int }{{1, 2}, {3, 4}}
	println(arr == arr2)
	arr2[1].B = 5
	println(arr == arr2, arr != arr2)
	var e interface{} = anon
	_, isA := e.(A)
	_, isAnon := e.(struct {
		X int
		Y string
	})
	println(isA, isAnon)
	type Pair struct {
		K string
		V *int
	}
	n := 5
	ps := []Pair{{"a", &n}, {"b", nil}}
	println(ps[0] == Pair{"a", &n}, ps[1].V == nil, ps[0] != ps[1])
}
