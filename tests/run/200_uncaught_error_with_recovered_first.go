package main

type E struct{}

func (E) Error() string { return "custom E" }

func main() {
	defer func() {
		recover()
		panic(E{})
	}()
	var m map[int]int
	m[0] = 1
}
