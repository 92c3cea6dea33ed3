package main

type Box struct{ n int }

func (b Box) Get() int { return b.n }

type Getter interface{ Get() int }

func main() {
	b := Box{1}
	var g Getter = b
	b.n = 2
	println(g.Get(), b.Get())
	var e interface{} = b
	b2 := e.(Box)
	b2.n = 3
	println(e.(Box).n)
	arr := [3]int{1, 2, 3}
	var ai interface{} = arr
	arr[0] = 100
	println(ai.([3]int)[0])
	s := []int{1, 2, 3}
	var si interface{} = s
	s[0] = 100
	println(si.([]int)[0])
	pb := &Box{5}
	g = pb
	pb.n = 6
	println(g.Get())
}
