package main

func main() {
	var b []byte
	b = "text"
	_ = b
}
