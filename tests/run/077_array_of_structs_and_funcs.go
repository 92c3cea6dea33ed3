package main

type item struct {
	name  string
	price int
}

func main() {
	inv := [3]item{{"apple", 3}, {"pear", 5}, {"plum", 2}}
	total := 0
	for _, it := range inv {
		total += it.price
	}
	println("total:", total)
	for i := range inv {
		inv[i].price *= 2
	}
	println(inv[0].price, inv[1].price, inv[2].price)
	ops := [4]func(int, int) int{
		func(a, b int) int { return a + b },
		func(a, b int) int { return a - b },
		func(a, b int) int { return a * b },
		func(a, b int) int { return a / b },
	}
	for _, op := range ops {
		println(op(12, 4))
	}
	var ptrs [3]*item
	for i := range inv {
		ptrs[i] = &inv[i]
	}
	ptrs[1].name = "PEAR"
	println(inv[1].name)
}
