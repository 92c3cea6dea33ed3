package main

type T struct{}

func (t ...T) String() string {
	return ""
}

func main() {
}
