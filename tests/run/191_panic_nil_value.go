package main

func main() {
	defer func() {
		r := recover()
		err, ok := r.(error)
		println(r != nil, ok)
		println(err.Error())
	}()
	panic(nil)
}
