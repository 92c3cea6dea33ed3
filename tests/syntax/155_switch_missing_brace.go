package main

func main() {
	x := 1
	switch y := x; y
	{
	case 1:
	}
}
