package main

func f() int { return 1 }

func main() {
	switch x := f() {
	case 1:
		println(x)
	}
}
