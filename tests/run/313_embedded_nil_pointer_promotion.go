package main

type Inner struct {
	X int
	Y string
}

func (in Inner) Val() int  { return in.X }
func (in *Inner) Ptr() int { if in == nil { return -1 }; return in.X }

type Outer struct {
	*Inner
	Z int
}

type Outer2 struct {
	Outer
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panic:", r.(error).Error())
		}
	}()
	f()
	println(name, "ok")
}

func main() {
	o := Outer{Z: 1}
	try("ptr method", func() { println(o.Ptr()) })
	try("field", func() { println(o.X) })
	try("val method", func() { println(o.Val()) })
	try("method value", func() { f := o.Val; println(f()) })
	try("ptr method value", func() { f := o.Ptr; println(f()) })
	try("assign field", func() { o.Y = "s" })
	o2 := Outer2{}
	try("deep field", func() { println(o2.Y) })
	try("deep ptr", func() { println(o2.Ptr()) })
	var i interface{ Ptr() int } = o2
	try("iface ptr", func() { println(i.Ptr()) })
	var j interface{ Val() int } = o
	try("iface val", func() { println(j.Val()) })
	o.Inner = &Inner{7, "seven"}
	try("after set", func() { println(o.X, o.Y, o.Val(), o.Ptr(), j.Val()) })
	var po *Outer
	try("nil outer", func() { println(po.Z) })
	try("nil outer promoted", func() { println(po.X) })
}
