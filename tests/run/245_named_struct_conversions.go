package main

type Celsius struct{ Deg float64 }
type Fahrenheit struct{ Deg float64 }

type Point struct {
	X, Y int `tag:"ignored in conversion"`
}

type Pair struct {
	X, Y int
}

type IDs []int
type Table map[string]int

func main() {
	c := Celsius{100}
	f := Fahrenheit(c)
	println(f.Deg)
	p := Pair(Point{1, 2})
	println(p.X, p.Y)
	q := Point(p)
	q.X = 9
	println(p.X, q.X)
	raw := []int{3, 1, 2}
	ids := IDs(raw)
	ids[0] = 30
	println(raw[0], len(ids))
	back := []int(ids)
	println(back[0])
	t := Table(map[string]int{"a": 1})
	t["b"] = 2
	println(len(t))
	type anon = struct{ X, Y int }
	a := anon(p)
	println(a.X + a.Y)
	pp := &p
	pq := (*Point)(pp)
	pq.Y = 50
	println(p.Y)
}
