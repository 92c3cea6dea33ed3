package main

func main() {
	s := "hello"
	b := []byte(s)
	b[0] = 'j'
	println(s, string(b), len(b), cap(b) >= 5)
	t := string(b)
	b[1] = 'u'
	println(t, string(b))
	var nb []byte
	println("nil bytes:", string(nb) == "", len(string(nb)))
	e := []byte("")
	println("empty:", e != nil, len(e))
	u := []byte("日本")
	println(len(u), u[0], u[5])
	bs := []byte{0x48, 0x69, 0xe2, 0x82, 0xac}
	println(string(bs))
	bs = append(bs, " tail"...)
	println(string(bs))
	copyOf := string(bs[2:5])
	println(copyOf, len(copyOf))
}
