package main

type V struct{ n int }

func (v V) Get() int   { return v.n }
func (v *V) PGet() int { return v.n }
func (v *V) Inc()      { v.n++ }

type Big struct {
	a [40]int
	s string
}

func (b Big) Sum() int {
	t := 0
	for _, x := range b.a {
		t += x
	}
	return t + len(b.s)
}

type I interface{ Get() int }

func main() {
	v := V{1}
	g := v.Get  // copies v now
	pg := v.PGet // takes &v
	inc := v.Inc
	v.n = 5
	inc()
	println(g(), pg(), v.n)
	p := &V{10}
	g2 := p.Get // copies *p now
	p.n = 20
	println(g2(), p.Get())
	var i I = v
	ig := i.Get
	v.n = 100
	println(ig(), i.Get())
	b := Big{s: "hey"}
	for k := range b.a {
		b.a[k] = k
	}
	bs := b.Sum
	b.a[0] = 1000
	println(bs(), b.Sum())
	arr := []V{{1}, {2}, {3}}
	var fs []func() int
	for _, x := range arr {
		fs = append(fs, x.Get)
	}
	for k := range arr {
		fs = append(fs, arr[k].PGet)
	}
	arr[0].n = 9
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	var np *V
	f := np.Get // nil deref panics at evaluation
	println("not reached", f())
}
