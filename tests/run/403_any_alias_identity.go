package main

type Named = map[string]any

func msg(f func()) (m string) {
	defer func() { m = recover().(error).Error() }()
	f()
	return "no panic"
}

func main() {
	var a any = []any{1}
	_, ok := a.([]interface{})
	println(ok)
	var b interface{} = map[string]interface{}{}
	_, ok = b.(Named)
	println(ok)
	var c any = [2]any{}
	println(c == any([2]interface{}{}))
	m := map[any]int{[1]any{}: 1}
	println(m[[1]interface{}{}])
	println(msg(func() { var x any = 1; _ = x.([]any) }))
	println(msg(func() { var x any = 1; _ = x.(map[any]any) }))
	println(msg(func() { var x interface{} = 1; _ = x.(string) }))
	println(msg(func() { var x any = "s"; _ = x.(struct{ a any }) }))
	println(msg(func() { var x any; _ = x.(func(any) any) }))
	type E = error
	println(msg(func() { var x E; _ = x.(interface{ Error() string; X() }) }))
}
