package main

func main() {
	dir := "C:\Users\gopher\go"
	println(dir)
}
