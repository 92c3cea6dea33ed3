package main

func main() {
	const c = 0
	for c = range 3 {
	}
}
