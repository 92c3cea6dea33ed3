package main

func main() {
	for i := 0; i < 4; i++ {
		defer println("deferred", i)
	}
	defer func() {
		println("closure defer")
	}()
	f()
	println("main body done")
}

func f() {
	defer println("f defer 1")
	defer println("f defer 2")
	println("f body")
}
