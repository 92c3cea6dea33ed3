package main

func main() {
	var x any = 1
	n := 2
	switch x.(type) {
	case n:
	}
}
