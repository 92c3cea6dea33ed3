package main

type Node interface {
	Depth() int
}

type Leaf struct{}

func (Leaf) Depth() int { return 0 }

type Wrap struct{ inner Node }

func (w Wrap) Depth() int { return 1 + w.inner.Depth() }

type Count func(int) int

func manyDefers(n int) (sum int) {
	for i := 0; i < n; i++ {
		defer func(k int) { sum += k }(i)
	}
	return 0
}

func orderDefers() {
	for i := 0; i < 5; i++ {
		defer print(i, " ")
	}
}

func main() {
	var n Node = Leaf{}
	for i := 0; i < 50000; i++ {
		n = Wrap{n}
	}
	println(n.Depth())
	var f Count
	f = func(k int) int {
		if k == 0 {
			return 0
		}
		return f(k-1) + 1
	}
	println(f(100000))
	println(manyDefers(10000))
	orderDefers()
	println()
}
