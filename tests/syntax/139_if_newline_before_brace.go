package main

func main() {
	x := true
	if x
	{
		println(x)
	}
}
