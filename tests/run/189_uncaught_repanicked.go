package main

func main() {
	defer func() {
		r := recover()
		println("recovered", r.(string), "- panicking again")
		panic(r)
	}()
	panic("boom")
}
