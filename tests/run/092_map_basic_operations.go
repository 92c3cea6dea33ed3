package main

func main() {
	m := map[string]int{"one": 1, "two": 2}
	m["three"] = 3
	println(len(m), m["one"], m["two"], m["three"], m["four"])
	m["one"] = 11
	println(m["one"], len(m))
	m["one"]++
	m["two"] += 5
	println(m["one"], m["two"])
	delete(m, "two")
	delete(m, "absent")
	println(len(m), m["two"])
	var n map[string]int
	println(n == nil, len(n), n["x"])
	delete(n, "x")
	mk := make(map[int]string, 100)
	println(len(mk))
	for i := 0; i < 10; i++ {
		mk[i*i] = string(rune('a' + i))
	}
	println(len(mk), mk[81], mk[49], mk[50] == "")
}
