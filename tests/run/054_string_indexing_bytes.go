package main

func main() {
	s := "héllo, 世界"
	println("len:", len(s))
	for i := 0; i < len(s); i++ {
		print(s[i], " ")
	}
	println()
	b := s[1]
	println("s[1]:", b, "type byte as int:", int(b))
	println("last:", s[len(s)-1])
	var sum int
	for i := range len(s) {
		sum += int(s[i])
	}
	println("sum:", sum)
	e := ""
	println("empty len:", len(e), e == "")
	defer func() {
		r := recover()
		println("recovered:", r.(error).Error())
	}()
	i := len(s)
	println(s[i])
}
