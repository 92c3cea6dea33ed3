package main

type B byte
type R rune
type S string
type BS []B
type RS []R

func main() {
	bs := []B("héllo")
	println(len(bs), bs[1], string(bs))
	rs := []R(S("héllo"))
	println(len(rs), rs[1], string(rs))
	var x BS = BS("abc")
	x[0] = 'z'
	println(string(x), S(x))
	var y RS = RS("日本")
	println(len(y), string(y[1:]))
	println(string(R(0x65e5)), S(rune(65)), string(B(66)) == "B")
	var r R = -1
	println(string(r) == "\uFFFD")
	var u B = 255
	println([]byte(string(rune(u)))[0], len(string(rune(u))))
	s := S("abc")
	for i, c := range s {
		print(i, c, " ")
	}
	println()
	b := append([]B(nil), []B("xy")...)
	println(len(b), string(b))
	n := copy(bs, []B("HE"))
	println(n, string(bs))
	m := map[S]int{S("k"): 1}
	println(m["k"], m[S([]B("k"))])
}
