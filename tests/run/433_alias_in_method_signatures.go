package main

type T struct{}

func (T) M() any                 { return 1 }
func (T) N(x interface{}) []any  { return []any{x} }

type Num = int

type U struct{}

func (U) Get() Num { return 5 }

func main() {
	var x any = T{}
	i, ok := x.(interface{ M() interface{} })
	println(ok, i.M().(int))
	j, ok := x.(interface{ N(any) []interface{} })
	println(ok, len(j.N(2)))
	var y any = U{}
	g, ok := y.(interface{ Get() int })
	println(ok, g.Get())
	var z interface{ M() any } = T{}
	var w interface{ M() interface{} } = z
	println(w.M().(int))
	ps := []*interface{ M() any }{&z}
	var q any = ps
	_, ok = q.([]*interface{ M() interface{} })
	println(ok)
}
