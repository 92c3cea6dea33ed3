package main

func f1() (x int) {
	defer func() { x *= 2 }()
	x = 5
	return x + 1
}

func f2() (x, y int) {
	defer func() { x, y = y, x }()
	return 1, 2
}

func f3() (s []int) {
	defer func() { s = append(s, 99) }()
	s = []int{1}
	return
}

func f4() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	var m map[string]int
	m["a"] = 1
	return nil
}

func f5() (n int) {
	for i := 0; i < 3; i++ {
		defer func() { n += i }()
	}
	return 100
}

func f6() (r int) {
	r = 1
	func() {
		r := 2
		_ = r
	}()
	defer func(v int) { r += v }(r)
	r = 10
	return
}

type T struct{ v int }

func f7() (t T) {
	defer func() { t.v++ }()
	return T{41}
}

func f8() (a [3]int) {
	defer func() { a[2] = 3 }()
	a[0] = 1
	return [3]int{7, 8, 9}
}

func main() {
	println(f1())
	println(f2())
	s := f3()
	println(len(s), s[1])
	println(f4().Error())
	println(f5())
	println(f6())
	println(f7().v)
	a := f8()
	println(a[0], a[1], a[2])
}
