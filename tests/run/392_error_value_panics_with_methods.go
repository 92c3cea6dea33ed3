package main

type CodeErr struct {
	code int
	msg  string
}

func (e *CodeErr) Error() string { return e.msg + " (code " + string(rune('0'+e.code)) + ")" }

type Temp float64

func (t Temp) String() string { return "temp" }

func try(f func()) {
	defer func() {
		r := recover()
		switch v := r.(type) {
		case error:
			println("error:", v.Error())
		case interface{ String() string }:
			println("stringer:", v.String())
		default:
			println("other")
		}
	}()
	f()
}

func main() {
	try(func() { panic(&CodeErr{4, "bad"}) })
	try(func() { panic(Temp(3)) })
	try(func() { var e error = &CodeErr{1, "wrapped"}; panic(e) })
	try(func() { panic(1.5) })
	defer println("deferred before the uncaught panic")
	panic(&CodeErr{7, "fatal"})
}
