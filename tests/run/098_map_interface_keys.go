package main

type myInt int

func main() {
	m := map[interface{}]string{}
	m[1] = "int 1"
	m[int64(1)] = "int64 1"
	m[myInt(1)] = "myInt 1"
	m["1"] = "string 1"
	m[1.0] = "float 1"
	m[true] = "bool"
	m[[2]int{1, 1}] = "array"
	m[struct{ a int }{1}] = "struct"
	m[nil] = "nil"
	println(len(m))
	println(m[1], "|", m[int64(1)], "|", m[myInt(1)], "|", m["1"], "|", m[1.0])
	println(m[true], "|", m[[2]int{1, 1}], "|", m[struct{ a int }{1}], "|", m[nil])
	println(m[int32(1)] == "", m[false] == "")
	defer func() {
		println("recovered:", recover().(error).Error())
	}()
	m[[]int{1}] = "slice"
}
