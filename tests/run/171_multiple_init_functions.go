package main

var order []string

var first = record("var first")

func record(s string) string {
	order = append(order, s)
	return s
}

func init() {
	record("init 1")
}

var second = record("var second")

func init() {
	record("init 2")
	if first == "" || second == "" {
		panic("vars not initialised")
	}
}

func init() {
	record("init 3")
}

func main() {
	record("main")
	for i, s := range order {
		println(i, s)
	}
}
