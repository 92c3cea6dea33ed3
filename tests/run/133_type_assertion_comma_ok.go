package main

type Stringer interface{ String() string }

type name string

func (n name) String() string { return "name:" + string(n) }

func main() {
	var i interface{} = 42
	n, ok := i.(int)
	println(n, ok)
	s, ok := i.(string)
	println(s == "", ok)
	f, ok := i.(float64)
	println(f, ok)
	i = name("bob")
	st, ok := i.(Stringer)
	println(ok, st.String())
	nm, ok := i.(name)
	println(ok, string(nm))
	_, ok = i.(string)
	println("name is not string:", ok)
	var nilI interface{}
	_, ok = nilI.(int)
	println("nil:", ok)
	st2, ok := nilI.(Stringer)
	println(ok, st2 == nil)
	var e interface{} = &n
	p, ok := e.(*int)
	println(ok, *p)
}
