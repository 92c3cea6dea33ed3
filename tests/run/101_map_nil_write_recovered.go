package main

func set(m map[int]int, k int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	m[k] = k
	return nil
}

func main() {
	var m map[int]int
	err := set(m, 1)
	println(err.Error())
	m = map[int]int{}
	err = set(m, 1)
	println(err == nil, len(m))
	var mm map[string]map[string]int
	func() {
		defer func() { println("inner:", recover().(error).Error()) }()
		mm = map[string]map[string]int{}
		mm["a"]["b"] = 1
	}()
}
