package main

func kind(x any) string {
	switch x.(type) {
	case bool:
		return "bool"
	case int, int8, int16, int32, int64:
		return "signed"
	case uint, uint8, uint16, uint32, uint64, uintptr:
		return "unsigned"
	case float32, float64:
		return "float"
	case complex64, complex128:
		return "complex"
	case string:
		return "string"
	case nil:
		return "nil"
	}
	return "composite"
}

func main() {
	vals := []any{true, 1, int8(1), 'x', uint(1), byte(1), uintptr(1), 1.5, float32(1), 1i, "s", nil, []int{}, map[int]int{}, struct{}{}, [1]int{}}
	for _, v := range vals {
		print(kind(v), " ")
	}
	println()
	var x any = 3
	x = x.(int) + 4
	println(x.(int))
	box := []any{1, "two", 3.0}
	sum := 0.0
	for _, b := range box {
		switch v := b.(type) {
		case int:
			sum += float64(v)
		case float64:
			sum += v
		}
	}
	println(sum)
}
