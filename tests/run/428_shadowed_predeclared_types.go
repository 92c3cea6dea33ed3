package main

type byte int64

type error interface{ Code() int }

type code int

func (c code) Code() int { return int(c) }

func msg(f func()) (m string) {
	defer func() {
		r := recover()
		if e, ok := r.(interface{ Error() string }); ok {
			m = e.Error()
		}
	}()
	f()
	return "no panic"
}

func main() {
	var b byte = 1 << 40
	println(b)
	var e error = code(7)
	println(e.Code())
	var x any = b
	println(msg(func() { _ = x.(uint8) }))
	println(msg(func() { _ = x.(string) }))
	var y any = e
	println(msg(func() { _ = y.(int) }))
	{
		type int string
		var s int = "shadow"
		var z any = s
		println(s, msg(func() { _ = z.(float64) }))
	}
	bs := []byte{1, 2}
	var w any = bs
	println(msg(func() { _ = w.([]uint8) }))
}
