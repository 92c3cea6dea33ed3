package main

func Map[T any, U](s []T, f func(T) U) []U {
	return nil
}

func main() {
}
