package main

type P struct{ x int }

func (p P) Get() int { return p.x }

type G[T any] struct{ v T }

func (g G[T]) Val() T { return g.v }

type Getter interface{ Get() int }

type N int

func (n N) Get() int { return int(n) }

type Outer struct{ *P }

// Interface calls go through a function gc does not inline: inlined, gc
// would devirtualize g.Get() into a direct call, which dereferences the
// nil pointer instead of reaching the wrapper's panicwrap.
//
//go:noinline
func get(g Getter) int { return g.Get() }

//go:noinline
func val[T any](i interface{ Val() T }) T { return i.Val() }

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println(name, "->", e.Error())
		} else {
			println(name, "-> no error", r == nil)
		}
	}()
	f()
}

func main() {
	var np *P
	try("iface", func() { println(get(np)) })
	try("method expr", func() { f := (*P).Get; println(f(np)) })
	try("generic", func() { var gp *G[int]; f := (*G[int]).Val; println(f(gp)) })
	try("generic iface", func() {
		var gp *G[string]
		println(val[string](gp))
	})
	try("named int", func() { var n *N; println(get(n)) })
	try("embedded nil", func() { println(get(Outer{})) })
	try("embedded ptr nil", func() { var o *Outer; println(get(o)) })
	try("direct call", func() { println(np.Get()) })
	try("method value", func() { f := np.Get; println(f()) })
	try("ok", func() { println(get(&P{7})) })
	get(np)
}
