package main

type Vec [4]float64

func (v Vec) Sum() float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}

func (v *Vec) Scale(k float64) {
	for i := range v {
		v[i] *= k
	}
}

func (v Vec) With(i int, x float64) Vec {
	v[i] = x
	return v
}

type Grid [2][2]Vec

func (g *Grid) Cell(i, j int) *Vec { return &g[i][j] }

func main() {
	v := Vec{1, 2, 3, 4}
	v.Scale(2)
	println(v.Sum(), v.With(0, 100).Sum(), v[0])
	vs := []Vec{{1}, {2}, {3}}
	var sums []func() float64
	var scales []func(float64)
	for i, x := range vs {
		sums = append(sums, x.Sum)
		scales = append(scales, vs[i].Scale)
	}
	for _, s := range scales {
		s(10)
	}
	for i, s := range sums {
		print(s(), "/", vs[i].Sum(), " ")
	}
	println()
	var g Grid
	g.Cell(1, 1).Scale(3)
	g.Cell(1, 1)[2] = 5
	g[0][1] = g[1][1].With(0, 1)
	println(g[1][1].Sum(), g[0][1].Sum())
	pv := &vs[2]
	f := pv.Sum
	pv.Scale(0)
	println(f(), pv.Sum())
	arrOfArr := [2]Vec{{1, 1, 1, 1}, {2, 2, 2, 2}}
	for _, a := range arrOfArr {
		a.Scale(100)
	}
	println(arrOfArr[0].Sum(), arrOfArr[1].Sum())
	for i := range arrOfArr {
		arrOfArr[i].Scale(100)
	}
	println(arrOfArr[0].Sum())
}
