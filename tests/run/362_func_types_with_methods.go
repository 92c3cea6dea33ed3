package main

type Op func(int) int

func (f Op) Apply(x int) int  { return f(x) }
func (f Op) Then(g Op) Op     { return func(x int) int { return g(f(x)) } }
func (f Op) Twice() Op        { return f.Then(f) }

type Applier interface{ Apply(int) int }

type Stack []int

func (s *Stack) Push(x int) { *s = append(*s, x) }
func (s *Stack) Pop() int {
	old := *s
	x := old[len(old)-1]
	*s = old[:len(old)-1]
	return x
}
func (s Stack) Peek() int { return s[len(s)-1] }

type Counter map[string]int

func (c Counter) Inc(k string) { c[k]++ }
func (c Counter) Get(k string) int { return c[k] }

type Ch chan int

func (c Ch) Send(v int) { c <- v }

func main() {
	double := Op(func(x int) int { return x * 2 })
	inc := Op(func(x int) int { return x + 1 })
	println(double.Apply(5), double.Then(inc)(5), inc.Then(double)(5), double.Twice().Twice()(1))
	var a Applier = inc
	println(a.Apply(41))
	ap := inc.Apply
	println(ap(0))
	var s Stack
	s.Push(1)
	s.Push(2)
	s.Push(3)
	println(s.Pop(), s.Peek(), len(s))
	push := s.Push
	push(10)
	println(len(s), s.Peek())
	c := Counter{}
	c.Inc("a")
	c.Inc("a")
	inc2 := c.Inc
	inc2("b")
	println(c.Get("a"), c.Get("b"), len(c))
	ch := make(Ch, 1)
	ch.Send(9)
	println(<-ch)
	var nilOp Op
	println(nilOp == nil)
	defer func() { println("recovered:", recover().(error).Error()) }()
	nilOp.Apply(1)
}
