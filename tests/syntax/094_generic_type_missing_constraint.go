package main

type Pair[K, V] struct {
	Key K
	Val V
}

func main() {
}
