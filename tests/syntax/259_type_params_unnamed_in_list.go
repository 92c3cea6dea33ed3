package main

func f[T any, []int]() {
}

func main() {
}
