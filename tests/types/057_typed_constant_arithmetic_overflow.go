package main

const small int8 = 100

const doubled = small * 2

func main() {
}
