package main

func convert[From, To any](f From) To {
	var t To
	return t
}

func main() {
	_ = convert[int](1)
}
