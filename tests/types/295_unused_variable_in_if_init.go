package main

func check() bool { return true }

func main() {
	if ok := check(); true {
	}
}
