package main

func helper() interface{} {
	return recover()
}

func indirect() {
	defer func() {
		r := helper()
		println("recover via helper inside deferred func:", r == nil)
		r = recover()
		println("direct recover:", r != nil)
	}()
	panic("x")
}

func deferHelper() {
	defer func() {
		println("outer recover:", recover() != nil)
	}()
	defer helper()
	panic("y")
}

func main() {
	println("not panicking:", recover() == nil)
	indirect()
	deferHelper()
	func() {
		defer func() {
			func() {
				println("nested func recover:", recover() == nil)
			}()
			println("deferred func recover:", recover() != nil)
		}()
		panic("z")
	}()
	println("done")
}
