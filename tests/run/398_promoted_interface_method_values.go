package main

type Greeter interface{ Greet(name string) string }

type English struct{}

func (English) Greet(n string) string { return "hello " + n }

type French struct{ formal bool }

func (f *French) Greet(n string) string {
	if f.formal {
		return "bonjour monsieur " + n
	}
	return "salut " + n
}

type Host struct {
	Greeter
	id int
}

type Deep struct {
	*Host
}

type Node struct {
	*Node
	val int
}

func (n *Node) Sum() int {
	if n == nil {
		return 0
	}
	return n.val + n.Node.Sum()
}

func main() {
	h := Host{English{}, 1}
	f := h.Greet
	h.Greeter = &French{true}
	println(f("bob"), h.Greet("bob"))
	g := Host.Greet
	println(g(h, "ann"))
	gp := (*Host).Greet
	println(gp(&h, "cy"))
	d := Deep{&h}
	df := d.Greet
	h.Greeter = &French{}
	println(df("dee"), d.Greet("dee"))
	var gr Greeter = d
	println(gr.Greet("eve"))
	n := &Node{&Node{&Node{nil, 3}, 2}, 1}
	println(n.Sum(), n.Node.Sum(), n.val, n.Node.val, n.Node.Node.val)
	sum := n.Node.Sum
	n.Node = nil
	println(sum(), n.Sum())
	func() {
		defer println("deferred promoted:", h.Greet("fay"))
		defer h.Greet("gus")
		h.Greeter = English{}
	}()
	done := make(chan string)
	go func(hh Host) { done <- hh.Greet("hal") }(h)
	println(<-done)
	var empty Host
	defer func() { println("recovered:", recover().(error).Error()) }()
	ef := empty.Greet
	println("method value of nil embedded interface:", ef == nil)
}
