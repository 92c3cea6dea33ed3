package main

type span struct{ lo, hi int }

func main() {
	for x := range (span{1, 2}) {
		_ = x
	}
}
