package main

func main() {
	s := make([]byte, 4, 8)
	hi := 10
	println(len(s[:8]))
	println(len(s[2:hi]))
}
