package main

func modify(b []byte) { b[0] = 'X' }

func main() {
	s := "abc"
	b := []byte(s)
	modify(b)
	println(s, string(b))
	t := s
	s += "d"
	println(t, s)
	arr := [3]string{"a", "b", "c"}
	c := arr
	c[0] = "z"
	println(arr[0], c[0])
	m := map[string]int{}
	key := []byte("key")
	m[string(key)] = 1
	key[0] = 'K'
	println(m["key"], m["Key"], len(m))
	_, ok := m[string(key)]
	println(ok)
}
