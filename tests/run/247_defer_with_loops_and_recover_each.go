package main

func safe(i int) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = "recovered " + r.(error).Error()
		}
	}()
	arr := []string{"zero", "one", "two"}
	return arr[i]
}

func cleanupOrder() {
	for i := 0; i < 3; i++ {
		defer func(n int) {
			println("cleanup", n, "recover is nil:", recover() == nil)
		}(i)
	}
	panic("in cleanupOrder")
}

func main() {
	for i := 0; i < 5; i++ {
		println(i, safe(i))
	}
	cleanupOrder()
	println("main goes on")
}
