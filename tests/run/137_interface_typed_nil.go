package main

type MyErr struct{ msg string }

func (e *MyErr) Error() string {
	if e == nil {
		return "nil MyErr"
	}
	return e.msg
}

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{"failed"}
	}
	return p
}

func correct(fail bool) error {
	if fail {
		return &MyErr{"failed"}
	}
	return nil
}

func main() {
	e1 := mayFail(false)
	println("typed nil is nil?", e1 == nil)
	println(e1.Error())
	e2 := correct(false)
	println("untyped nil is nil?", e2 == nil)
	e3 := mayFail(true)
	println(e3 != nil, e3.Error())
	var p *MyErr
	var i interface{} = p
	println(i == nil, i.(*MyErr) == nil)
	var j interface{}
	println(j == nil)
}
