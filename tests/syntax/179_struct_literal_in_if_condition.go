package main

type P struct{ X int }

func main() {
	p := P{1}
	if p == P{1} {
		println("eq")
	}
}
