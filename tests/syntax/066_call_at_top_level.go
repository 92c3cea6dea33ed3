package main

println("init")

func main() {
}
