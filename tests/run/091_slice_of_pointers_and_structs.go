package main

type node struct {
	val  int
	next *node
}

func main() {
	nodes := make([]node, 4)
	for i := range nodes {
		nodes[i].val = i * i
		if i > 0 {
			nodes[i-1].next = &nodes[i]
		}
	}
	for n := &nodes[0]; n != nil; n = n.next {
		print(n.val, " ")
	}
	println()
	var ptrs []*int
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, &i)
	}
	for _, p := range ptrs {
		print(*p, " ")
	}
	println()
	structs := []struct {
		a int
		b string
	}{{1, "x"}, {2, "y"}}
	for _, s := range structs {
		s.a = 100
	}
	println(structs[0].a)
	for i := range structs {
		structs[i].a = 100
	}
	println(structs[0].a, structs[1].b)
}
