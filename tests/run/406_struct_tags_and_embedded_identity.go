package main

type Inner struct{ V int }

type WithTag struct {
	A int `json:"a"`
}

type NoTag struct {
	A int
}

func msg(f func()) (m string) {
	defer func() { m = recover().(error).Error() }()
	f()
	return "no panic"
}

func main() {
	var x any = struct {
		A int `json:"a"`
	}{1}
	_, ok1 := x.(struct{ A int })
	_, ok2 := x.(struct {
		A int `json:"a"`
	})
	println(ok1, ok2)
	w := WithTag{5}
	n := NoTag(w)
	println(n.A)
	println(msg(func() { _ = x.(struct{ A int }) }))
	var e any = struct {
		Inner
		b bool
	}{}
	println(msg(func() { _ = e.(int) }))
	var p any = struct {
		*Inner
		s []string `k:"v"`
	}{}
	println(msg(func() { _ = p.(string) }))
	var q any = [2]struct{ a, b int }{}
	println(msg(func() { _ = q.(bool) }))
	var c any = make(chan<- map[string][]*Inner)
	println(msg(func() { _ = c.(int) }))
	var d any = make(<-chan chan<- int)
	println(msg(func() { _ = d.(int) }))
	var i any = new(interface {
		M(int) string
		N()
	})
	println(msg(func() { _ = i.(int) }))
}
