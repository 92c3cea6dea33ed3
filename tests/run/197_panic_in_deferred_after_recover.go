package main

func f() (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = "outer got " + r.(string)
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			panic("wrapped(" + r.(string) + ")")
		}
	}()
	panic("inner")
}

func g() {
	defer func() {
		println("g recovered:", recover().(string))
	}()
	defer func() {
		defer func() {
			println("nested defer recovered:", recover().(string))
		}()
		panic("during deferred")
	}()
	panic("g panic")
}

func main() {
	println(f())
	g()
	println("end")
}
