package main

type obj struct{ n int }

func main() {
	a, b := &obj{1}, &obj{1}
	m := map[*obj]string{a: "a", b: "b"}
	println(len(m), m[a], m[b])
	c := a
	println(m[c])
	ch1 := make(chan int)
	ch2 := make(chan int)
	cm := map[chan int]int{ch1: 1, ch2: 2}
	println(cm[ch1], cm[ch2], len(cm))
	var nilp *obj
	m[nilp] = "nil"
	println(len(m), m[nil])
	type R struct{ p *obj }
	rm := map[R]int{{a}: 1, {b}: 2, {nil}: 3}
	println(rm[R{a}], rm[R{b}], rm[R{}])
}
