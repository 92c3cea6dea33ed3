package main

type T struct{ v int }
type I interface{ M() }

func (T) M() {}

func classify(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return "int " + string(rune('0'+v%10))
	case int8, int16:
		return "small int"
	case string:
		return "string of len " + string(rune('0'+len(v)))
	case []int:
		return "slice"
	case *T:
		if v == nil {
			return "nil *T"
		}
		return "*T"
	case I:
		return "I"
	case error:
		return "error " + v.Error()
	case func():
		return "func"
	default:
		return "other"
	}
}

type myErr struct{}

func (myErr) Error() string { return "boom" }

func main() {
	var np *T
	vals := []interface{}{nil, 7, int8(1), int16(2), "abc", []int{}, &T{}, np, T{}, myErr{}, func() {}, 3.5, uint(1)}
	for _, v := range vals {
		println(classify(v))
	}
}
