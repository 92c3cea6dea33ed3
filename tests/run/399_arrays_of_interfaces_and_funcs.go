package main

type Shape interface{ Area() float64 }

type Sq float64

func (s Sq) Area() float64 { return float64(s * s) }

func main() {
	var arr [4]Shape
	arr[1] = Sq(2)
	arr[3] = Sq(3)
	total := 0.0
	nils := 0
	for _, s := range arr {
		if s == nil {
			nils++
			continue
		}
		total += s.Area()
	}
	println(total, nils)
	b := arr
	b[0] = Sq(1)
	println(arr[0] == nil, b[0].Area(), arr == b, arr != b)
	b[0] = nil
	println(arr == b)
	var fs [3]func() int
	for i := range fs {
		if i != 1 {
			fs[i] = func() int { return i * 100 }
		}
	}
	for i, f := range fs {
		if f != nil {
			print(i, ":", f(), " ")
		} else {
			print(i, ":nil ")
		}
	}
	println()
	m := map[[2]any]int{}
	m[[2]any{1, "a"}] = 1
	m[[2]any{1, "a"}]++
	m[[2]any{nil, nil}] = 5
	m[[2]any{Sq(1), 1.0}] = 7
	println(len(m), m[[2]any{1, "a"}], m[[2]any{}], m[[2]any{Sq(1), 1.0}], m[[2]any{Sq(1), 1}])
	sl := []Shape{Sq(1), nil, Sq(2)}
	cp := make([]Shape, 2)
	copy(cp, sl[1:])
	println(cp[0] == nil, cp[1].Area())
}
