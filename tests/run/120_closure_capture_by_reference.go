package main

type state struct{ hits int }

func main() {
	x := 1
	get := func() int { return x }
	x = 2
	println(get())
	s := state{}
	hit := func() { s.hits++ }
	hit()
	hit()
	println(s.hits)
	copyS := s
	hit()
	println(s.hits, copyS.hits)
	arr := [3]int{1, 2, 3}
	setArr := func() { arr[0] = 100 }
	setArr()
	println(arr[0])
	sl := []int{1}
	grow := func() { sl = append(sl, len(sl)+1) }
	grow()
	grow()
	println(len(sl), sl[2])
	f := func(y int) func() int {
		return func() int { y *= 2; return y }
	}(3)
	println(f(), f(), f())
}
