package main

type Counter struct{ n int }

func (c Counter) Get() int { return c.n }
func (c *Counter) Inc()    { c.n++ }
func (c Counter) IncCopy() { c.n++ }

func main() {
	var c Counter
	c.Inc()
	c.Inc()
	c.IncCopy()
	println(c.Get())
	p := &c
	p.Inc()
	p.IncCopy()
	println(p.Get(), c.n)
	cs := []Counter{{1}, {2}}
	cs[0].Inc()
	println(cs[0].n)
	m := map[string]*Counter{"a": {5}}
	m["a"].Inc()
	println(m["a"].Get())
	arr := [2]Counter{}
	arr[1].Inc()
	println(arr[1].Get())
}
