package main

func main() {
	s := "日本語" 1
	println(s)
}
