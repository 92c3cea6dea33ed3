package main

type Bytes []byte
type Str string
type Runes []rune

func main() {
	s := "héllo"
	b := []byte(s)
	b[0] = 'H'
	println(s, string(b))
	nb := Bytes(s)
	nb[1] = 'X'
	println(string(nb), len(nb))
	ns := Str(b)
	b[0] = 'Z'
	println(string(ns), string(b))
	r := Runes(s)
	r[1] = 'e'
	println(string(r), len(r), len(string(r)))
	back := []byte(ns)
	back = append(back, "!!"...)
	println(string(back), ns)
	var empty []byte
	println(string(empty) == "", len(string(empty)))
	bs := []byte("abc")
	str := string(bs[:2])
	bs[0] = 'x'
	println(str)
	m := map[string]int{}
	key := []byte("key")
	m[string(key)] = 1
	key[0] = 'K'
	println(m["key"], m["Key"], len(m))
	if string(key) == "Key" {
		println("compare converted")
	}
	arr := [4]byte{'a', 'b', 'c', 'd'}
	println(string(arr[1:3]), string(arr[:]))
	var rs = []rune{0x65e5, 0x672c}
	println(string(rs), []byte(string(rs))[0])
	n := 65
	println(string(rune(n)), string(rune(n+0x10000)))
	cat := string(b) + string(r) + string(rs)
	println(cat)
}
