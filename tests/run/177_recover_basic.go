package main

func mayPanic(n int) (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = "recovered: " + r.(string)
		}
	}()
	if n > 2 {
		panic("too big")
	}
	return "fine"
}

func main() {
	println(mayPanic(1))
	println(mayPanic(5))
	println(recover() == nil)
	func() {
		defer func() {
			r := recover()
			println("int panic value:", r.(int))
		}()
		panic(42)
	}()
	func() {
		defer func() {
			r := recover()
			println("second recover is nil:", recover() == nil, r != nil)
		}()
		panic("once")
	}()
	println("main continues")
}
