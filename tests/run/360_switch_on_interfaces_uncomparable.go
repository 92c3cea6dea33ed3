package main

func classify(x any) string {
	switch x {
	case 1:
		return "one"
	case "1":
		return "string one"
	case nil:
		return "nil"
	case 1.0:
		return "float one"
	}
	return "other"
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "->", r.(error).Error())
		}
	}()
	f()
}

func main() {
	println(classify(1), classify("1"), classify(nil), classify(1.0), classify(int8(1)), classify([]int{1}), classify(map[string]int{}))
	try("case var with slice", func() {
		var x any = []int{1}
		y := any([]int{1})
		switch x {
		case 5:
			println("five")
		case y:
			println("y")
		}
	})
	try("tag slice, case differs in type", func() {
		var x any = []int{1}
		switch x {
		case any("s"), any(2):
			println("no")
		default:
			println("default reached")
		}
	})
	var zero float64
	nan := zero / zero
	switch nan {
	case nan:
		println("nan matched")
	default:
		println("nan never equals")
	}
	switch f := -zero; f {
	case 0:
		println("negative zero equals zero")
	}
	type pair struct{ a, b int }
	switch (pair{1, 2}) {
	case pair{2, 1}:
		println("no")
	case pair{1, 2}:
		println("struct case")
	}
	switch arr := [2]string{"a", "b"}; arr {
	case [2]string{"a", "b"}:
		println("array case")
	}
	var e error
	switch e {
	case nil:
		println("nil error")
	}
	var p *int
	for i := 0; i < 2; i++ {
		switch p {
		case nil:
			println("nil pointer")
			p = new(int)
		default:
			println("non-nil pointer")
		}
	}
	var c chan int
	switch c {
	case nil:
		println("nil chan")
	}
	switch x := any(p); x {
	case nil:
		println("no")
	case any(p):
		println("same pointer in interface")
	}
}
