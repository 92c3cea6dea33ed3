package main

type runtimeError interface {
	error
	RuntimeError()
}

func classify(f func()) (s string) {
	defer func() {
		r := recover()
		if re, ok := r.(runtimeError); ok {
			s = "runtime error: " + re.Error()
			return
		}
		if e, ok := r.(error); ok {
			s = "plain error: " + e.Error()
			return
		}
		s = "other"
	}()
	f()
	return "none"
}

type myErr struct{}

func (myErr) Error() string { return "mine" }

func main() {
	println(classify(func() { var m map[int]int; m[0] = 0 }))
	println(classify(func() { a := []int{}; i := 1; _ = a[i] }))
	println(classify(func() { var p *int; _ = *p }))
	println(classify(func() { var x any = 1; _ = x.(string) }))
	println(classify(func() { z := 0; _ = 1 / z }))
	println(classify(func() { panic(myErr{}) }))
	println(classify(func() { panic("str") }))
	println(classify(func() { panic(nil) }))
	println(classify(func() { c := make(chan int); close(c); close(c) }))
	println(classify(func() { var m map[any]int; _ = m[[]int{}] }))
}
