package main

type Err struct{ msg string }

func (e *Err) Error() string { return e.msg }

func two() (int, string)           { return 7, "seven" }
func withErr(fail bool) (int, *Err) {
	if fail {
		return 0, &Err{"failed"}
	}
	return 1, nil
}

func asAny() (any, any) { return two() }

func asErr(fail bool) (any, error) {
	v, e := withErr(fail)
	if e != nil {
		return v, e
	}
	return v, nil
}

func typedNil() (any, error) { return withErr(false) }

func main() {
	a, b := asAny()
	println(a.(int), b.(string))
	var x, y any = two()
	println(x.(int), y.(string))
	var p, q interface{} = 1, "one"
	p, q = two()
	println(p.(int), q.(string))
	v, err := asErr(true)
	println(v.(int), err.Error())
	v, err = asErr(false)
	println(v.(int), err == nil)
	_, err = typedNil()
	println("typed nil *Err in error is non-nil:", err != nil)
	m := map[string]int{"k": 3}
	var got any
	var ok bool
	got, ok = m["k"]
	println(got.(int), ok)
	got, ok = m["missing"]
	println(got.(int), ok)
	var src any = "text"
	var dst any
	dst, ok = src.(string)
	println(dst.(string), ok)
	dst, ok = src.(int)
	println(dst.(int), ok)
	c := make(chan float64, 1)
	c <- 2.5
	var r any
	r, ok = <-c
	println(r.(float64), ok)
	arr := [2]any{}
	arr[0], arr[1] = two()
	println(arr[0].(int), arr[1].(string))
	s := struct{ a, b any }{}
	s.a, s.b = two()
	println(s.a.(int), s.b.(string))
}
