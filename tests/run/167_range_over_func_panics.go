package main

func Bad(yield func(int) bool) {
	yield(1)
	yield(2)
}

func Seq(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func main() {
	func() {
		defer func() {
			println("recovered:", recover().(error).Error())
		}()
		for x := range Bad {
			println("got", x)
			break
		}
	}()
	func() {
		defer func() {
			r := recover()
			println("recovered from body:", r.(string))
		}()
		for x := range Seq {
			if x == 1 {
				panic("body panics")
			}
			println("x", x)
		}
	}()
}
