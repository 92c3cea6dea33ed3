package main

type MyInt := int

func main() {
}
