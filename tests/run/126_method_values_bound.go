package main

type Acc struct{ total int }

func (a *Acc) Add(n int) { a.total += n }
func (a Acc) Value() int { return a.total }

func main() {
	a := &Acc{}
	add := a.Add
	add(3)
	add(4)
	println(a.total)
	v := a.Value
	a.Add(100)
	println(v(), a.Value())
	var b Acc
	val := b.Value
	b.total = 50
	println(val(), b.Value())
	fs := []func(int){a.Add, b.Add}
	for _, f := range fs {
		f(1)
	}
	println(a.total, b.total)
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	var np *Acc
	g := np.Value
	println("not reached", g())
}
