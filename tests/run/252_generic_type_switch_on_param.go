package main

func Describe[T any](v T) string {
	switch x := any(v).(type) {
	case int:
		if x < 0 {
			return "negative int"
		}
		return "int"
	case string:
		return "string(" + x + ")"
	case []T:
		return "slice of T"
	case interface{ Len() int }:
		return "has Len"
	}
	return "other"
}

type bag []int

func (b bag) Len() int { return len(b) }

func Zeroish[T comparable](v T) bool {
	var z T
	return v == z
}

func main() {
	println(Describe(3), Describe(-3), Describe("go"), Describe(2.5))
	println(Describe(bag{1, 2}))
	println(Describe([]int{}))
	println(Zeroish(0), Zeroish("x"), Zeroish(struct{ a int }{}), Zeroish[any](nil))
}
