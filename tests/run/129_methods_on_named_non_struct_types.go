package main

type IntList []int

func (l IntList) Sum() int {
	s := 0
	for _, v := range l {
		s += v
	}
	return s
}

func (l *IntList) Add(v int) { *l = append(*l, v) }

type Op func(int) int

func (o Op) Twice(x int) int { return o(o(x)) }

type Celsius float64

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }

type Set map[string]bool

func (s Set) Add(k string) Set { s[k] = true; return s }

type Flag bool

func (f Flag) Not() Flag { return !f }

func main() {
	var l IntList
	l.Add(1)
	l.Add(2)
	l.Add(39)
	println(l.Sum(), len(l))
	inc := Op(func(x int) int { return x + 1 })
	println(inc.Twice(5))
	println(Celsius(100).Fahrenheit(), Celsius(-40).Fahrenheit())
	s := Set{}
	s.Add("a").Add("b").Add("a")
	println(len(s))
	var f Flag
	println(f.Not(), f.Not().Not())
}
