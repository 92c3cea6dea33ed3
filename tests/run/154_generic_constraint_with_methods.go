package main

type Shape interface {
	Area() int
}

type Sq struct{ s int }
type Rc struct{ w, h int }

func (q Sq) Area() int  { return q.s * q.s }
func (r *Rc) Area() int { return r.w * r.h }

func TotalArea[S Shape](shapes []S) int {
	t := 0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

type StringerInt interface {
	~int
	String() string
}

type Level int

func (l Level) String() string {
	return [...]string{"low", "mid", "high"}[l]
}

func Describe[T StringerInt](vals []T) string {
	out := ""
	for _, v := range vals {
		out += v.String() + "=" + string(rune('0'+int(v))) + " "
	}
	return out
}

func main() {
	println(TotalArea([]Sq{{2}, {3}}))
	println(TotalArea([]*Rc{{2, 5}, {1, 1}}))
	println(TotalArea([]Shape{Sq{1}, &Rc{3, 3}}))
	println(Describe([]Level{0, 2, 1}))
}
