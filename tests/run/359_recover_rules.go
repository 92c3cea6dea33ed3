package main

func helper() interface{} { return recover() }

func direct() (r string) {
	defer func() {
		if v := recover(); v != nil {
			r = "direct: " + v.(string)
		}
	}()
	panic("a")
}

func viaHelper() (r string) {
	defer func() {
		defer func() {
			if v := recover(); v != nil {
				r = "outer caught: " + v.(string)
			}
		}()
		if v := helper(); v != nil {
			r = "helper caught"
		} else {
			r = "helper got nil"
		}
	}()
	panic("b")
}

func deferredHelper() (r string) {
	defer func() {
		r = "after"
		if v := recover(); v != nil {
			r += " recovered " + v.(string)
		}
	}()
	defer helper()
	panic("c")
}

type T struct{}

func (T) Recover() { println("method recover:", recover().(string)) }

func methodDefer() {
	var t T
	defer t.Recover()
	panic("d")
}

func noPanic() (r string) {
	defer func() {
		r = "recover without panic is nil: "
		if recover() == nil {
			r += "yes"
		}
	}()
	return "x"
}

func twice() {
	defer func() {
		println("second recover:", recover() == nil)
	}()
	defer func() {
		println("first recover:", recover().(string))
	}()
	panic("e")
}

func main() {
	println(direct())
	println(viaHelper())
	println(deferredHelper())
	methodDefer()
	println(noPanic())
	twice()
	println("recover in main without panic:", recover() == nil)
}
