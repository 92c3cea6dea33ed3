package main

func deferDelete(m map[string]int) {
	defer delete(m, "a")
	println("inside delete:", len(m))
}

func deferCopy(dst, src []int) {
	defer copy(dst, src)
	println("inside copy:", dst[0])
}

func deferClear(m map[int]int, s []int) {
	defer clear(m)
	defer clear(s)
	println("inside clear:", len(m), s[0])
}

func deferRecover() {
	defer recover() // not called directly by the deferred function: recovers nothing? it is the deferred call itself
	panic("p")
}

func main() {
	m := map[string]int{"a": 1, "b": 2}
	deferDelete(m)
	println("after delete:", len(m))
	d := []int{0, 0}
	deferCopy(d, []int{7, 8, 9})
	println("after copy:", d[0], d[1])
	mm := map[int]int{1: 1}
	s := []int{5, 6}
	deferClear(mm, s)
	println("after clear:", len(mm), s[0], s[1])
	func() {
		defer func() {
			println("outer recovered:", recover() != nil)
		}()
		deferRecover()
		println("deferRecover returned normally")
	}()
	done := make(chan bool)
	c := make(chan int)
	go close(c)
	_, ok := <-c
	println("closed by go:", ok)
	go func() { done <- true }()
	<-done
	bs := make([]byte, 2)
	func() {
		defer copy(bs, "xyz")
	}()
	println(string(bs))
	gm := map[[2]int]string{{1, 2}: "a", {3, 4}: "b"}
	key := [2]int{1, 2}
	func() {
		defer delete(gm, key)
		key[0] = 3 // the key was saved at the defer statement
	}()
	println(len(gm), gm[[2]int{3, 4}])
	for i := 0; i < 3; i++ {
		defer print("deferred print ", i, "\n")
	}
}
