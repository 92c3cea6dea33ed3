package main

func main() {
	done := make(chan)
	_ = done
}
