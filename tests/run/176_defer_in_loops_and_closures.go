package main

func process(items []string) {
	for _, it := range items {
		func() {
			defer println("  done", it)
			println("  start", it)
		}()
	}
}

func deferredLoopVars() {
	for i := 0; i < 3; i++ {
		defer func() { print(i, " ") }()
	}
}

func main() {
	process([]string{"a", "b"})
	deferredLoopVars()
	println()
	var fs []func()
	for i := range 3 {
		fs = append(fs, func() { defer print("d", i, " "); print("f", i, " ") })
	}
	for _, f := range fs {
		f()
	}
	println()
}
