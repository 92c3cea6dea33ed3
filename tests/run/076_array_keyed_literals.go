package main

const (
	Red = iota
	Green
	Blue
	NumColors
)

func main() {
	names := [NumColors]string{Blue: "blue", Red: "red", Green: "green"}
	for i, n := range names {
		println(i, n)
	}
	sparse := [...]int{5: 1, 2, 9: 3}
	println(len(sparse))
	for i, v := range sparse {
		if v != 0 {
			println(i, v)
		}
	}
	auto := [...]string{"a", "b", "c"}
	println(len(auto))
	bools := [4]bool{1: true, 3: true}
	println(bools[0], bools[1], bools[2], bools[3])
	nested := [...][2]int{{1, 2}, 3: {7, 8}}
	println(len(nested), nested[3][1], nested[1][0])
}
