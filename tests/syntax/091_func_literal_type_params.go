package main

func main() {
	id := func[T any](x T) T { return x }
	_ = id
}
