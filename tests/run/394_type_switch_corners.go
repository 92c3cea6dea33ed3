package main

type I interface{ M() int }
type J interface {
	M() int
	N() string
}

type A int

func (a A) M() int { return int(a) }

type B struct{ s string }

func (b *B) M() int    { return len(b.s) }
func (b *B) N() string { return b.s }

type MyErr struct{}

func (MyErr) Error() string { return "myerr" }

func which(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case interface{ N() string }:
		return "has N:" + v.N()
	case I:
		return "I:" + string(rune('0'+v.M()))
	case error:
		return "error:" + v.Error()
	case []int, map[string]int:
		return "slice or map"
	case func() int:
		return "func:" + string(rune('0'+v()))
	case *int:
		if v == nil {
			return "nil *int"
		}
		return "*int"
	case struct{ X int }:
		return "anon struct"
	case [2]bool:
		return "array"
	case chan int:
		return "chan"
	default:
		_ = v
		return "default"
	}
}

func Match[T any](x any) bool {
	switch x.(type) {
	case T:
		return true
	}
	return false
}

func narrow(i I) string {
	switch v := i.(type) {
	case J:
		return "J " + v.N()
	case A:
		return "A"
	}
	return "other"
}

func main() {
	var np *int
	println(which(nil), which(&B{"bee"}), which(A(3)), which(MyErr{}), which([]int{}), which(map[string]int{}))
	println(which(func() int { return 5 }), which(np), which(new(int)), which(struct{ X int }{1}), which([2]bool{}), which(make(chan int)), which(1.5))
	var e error = MyErr{}
	println(which(e), which(any(e)))
	println(Match[int](1), Match[int](int8(1)), Match[I](A(1)), Match[error](A(1)), Match[any](nil), Match[*B](&B{}))
	println(narrow(A(1)), narrow(&B{"jay"}))
	var i I
	println(narrow(i))
	switch x := any(A(7)).(type) {
	case I, error:
		println("multi-type case keeps interface type:", x.(I).M())
	}
}
