package main

func fill(p *[5]int, v int) {
	for i := range p {
		p[i] = v + i
	}
}

func main() {
	var a [5]int
	fill(&a, 10)
	p := &a
	println(p[0], p[4], len(p), cap(p))
	s := p[1:3]
	s[0] = 99
	println(a[1], len(s), cap(s))
	p2 := &a
	println(p == p2)
	pp := &p
	(*pp)[2] = 42
	println(a[2])
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	var nilp *[5]int
	println(len(nilp))
	println(nilp[1])
}
