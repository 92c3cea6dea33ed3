package main

func main() {
	n := 1
	select {
	case <-n:
	}
}
