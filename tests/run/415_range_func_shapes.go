package main

type Pt struct{ X, Y int }

func times(n int) func(func() bool) {
	return func(yield func() bool) {
		for i := 0; i < n; i++ {
			if !yield() {
				return
			}
		}
	}
}

func points(yield func(int, Pt) bool) {
	for i := 0; i < 4; i++ {
		if !yield(i, Pt{i, i * i}) {
			return
		}
	}
}

type Str string

func letters(s Str) func(func(Str) bool) {
	return func(yield func(Str) bool) {
		for _, r := range s {
			if !yield(Str(r)) {
				return
			}
		}
	}
}

func arrays(yield func([3]int) bool) {
	a := [3]int{1, 2, 3}
	for i := 0; i < 3; i++ {
		a[i] *= 10
		if !yield(a) {
			return
		}
	}
}

func main() {
	n := 0
	for range times(5) {
		n++
	}
	println(n)
	for i := range points {
		print(i, " ")
	}
	println()
	for _, p := range points {
		print(p.Y, " ")
	}
	println()
	for range points {
		n++
	}
	println(n)
	s := Str("")
	for l := range letters("héllo") {
		s = l + s
	}
	println(s)
	var last [3]int
	for a := range arrays {
		a[0] = -1
		last = a
	}
	println(last[0], last[1], last[2])
	var u8 uint8 = 250
	cnt := 0
	for i := range u8 {
		cnt += int(i)
	}
	println(cnt)
	const big int64 = 3
	for i := range big {
		var v int64 = i
		print(v, " ")
	}
	println()
	type Count int
	for c := range Count(2) {
		println(c + 10)
	}
}
