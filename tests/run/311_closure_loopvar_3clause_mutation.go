package main

func main() {
	var fs []func() int
	for i := 0; i < 6; i++ {
		fs = append(fs, func() int { return i })
		if i%2 == 0 {
			i++ // modifies this iteration's copy; the next iteration starts from it
		}
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	var incs []func()
	var gets []func() int
	for i := 0; i < 3; i++ {
		incs = append(incs, func() { i += 10 })
		gets = append(gets, func() int { return i })
	}
	incs[1]()
	incs[1]()
	for _, g := range gets {
		print(g(), " ")
	}
	println()
	// closure in the post statement sees the new per-iteration copy
	var posts []func() int
	for i := 0; i < 3; i, posts = i+1, append(posts, func() int { return i }) {
	}
	for _, p := range posts {
		print(p(), " ")
	}
	println()
	var rs []func() int
	for i := range 4 {
		rs = append(rs, func() int { return i * i })
	}
	for _, r := range rs {
		print(r(), " ")
	}
	println()
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	println(*ps[0], *ps[1], *ps[2], ps[0] != ps[1])
	// nested closures capturing the outer loop var and inner var
	var nested []func() func() int
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			nested = append(nested, func() func() int {
				return func() int { i++; return i*10 + j }
			})
		}
	}
	for _, n := range nested {
		f := n()
		print(f(), " ", f(), " ")
	}
	println()
	k := 0
	for k = 0; k < 3; k++ {
		defer func() { print("k=", k, " ") }()
	}
	defer println()
}
