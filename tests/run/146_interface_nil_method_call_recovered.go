package main

type Speaker interface{ Speak() string }

type Dog struct{ name string }

func (d *Dog) Speak() string { return d.name + " woofs" }

func call(s Speaker) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = "recovered: " + r.(error).Error()
		}
	}()
	return s.Speak()
}

func main() {
	var s Speaker
	println(call(s))
	println(call(&Dog{"rex"}))
	var d *Dog
	println(call(d))
	s = d
	println(s != nil)
}
