package main

type A interface{ A() }
type B interface{ B() int }

type T struct{}

func (T) A()      {}
func (T) B() int  { return 2 }
func (T) c() bool { return true }

func msg(f func()) (m string) {
	defer func() { m = recover().(error).Error() }()
	f()
	return "no panic"
}

func main() {
	var x any = []interface {
		B() int
		A()
	}{T{}}
	_, ok1 := x.([]interface {
		A()
		B() int
	})
	_, ok2 := x.([]interface {
		A
		B
	})
	_, ok3 := x.([]interface{ A })
	println(ok1, ok2, ok3)
	println(msg(func() { _ = x.(int) }))
	var y any = map[interface {
		c() bool
		A
	}]int{}
	println(msg(func() { _ = y.(string) }))
	var z any = (*interface {
		B
		Z(x, y int) (a string)
	})(nil)
	println(msg(func() { _ = z.(bool) }))
	var p any = new(interface{ A })
	_, ok4 := p.(*interface{ A() })
	println(ok4)
}
