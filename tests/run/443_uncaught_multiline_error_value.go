package main

type multi struct{}

func (multi) Error() string { return "first line\nsecond line\n\tthird indented" }

func main() {
	defer func() {
		r := recover()
		println("recovered once:", r.(string))
		panic(multi{})
	}()
	panic("line one\nline two")
}
