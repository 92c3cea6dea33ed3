package main

type List[T any] []T

var l List[]

func main() {
}
