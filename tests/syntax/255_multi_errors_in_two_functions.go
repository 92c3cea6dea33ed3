package main

func a() {
	if x := 1 {
	}
}

func b() {
	for i := 0; i < 3; i++
	{
	}
}

func main() {
	a()
	b()
}
