package main

type T struct {
	arr [3]int
	n   int
}

func main() {
	var p *[5]int
	println(len(p), cap(p))
	n := 0
	for i := range p {
		n += i
	}
	println(n)
	for range p {
		n++
	}
	println(n)
	var t *T
	println(len(t.arr))
	defer func() {
		println("recovered:", recover().(error).Error())
		defer func() {
			println("recovered 2:", recover().(error).Error())
			defer func() {
				println("recovered 3:", recover().(error).Error())
			}()
			var q *[2]string
			_ = q[:]
		}()
		for i, v := range p {
			println(i, v)
		}
	}()
	p2 := p
	println(p2[1])
}
