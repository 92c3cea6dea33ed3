package main

func inner() {
	defer func() {
		r := recover()
		println("inner recovered:", r.(string))
		panic("re-" + r.(string))
	}()
	panic("first")
}

func middle() {
	defer func() {
		r := recover()
		println("middle recovered:", r.(string))
	}()
	inner()
	println("not reached")
}

func main() {
	middle()
	println("main continues")
	func() {
		defer func() {
			println("outer:", recover().(string))
		}()
		func() {
			defer func() {
				panic("replaced")
			}()
			panic("original")
		}()
	}()
}
