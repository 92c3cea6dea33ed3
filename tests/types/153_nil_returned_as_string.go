package main

func label() string {
	return nil
}

func main() {
}
