package main

func main() {
block:
	{
		continue block
	}
	var n int = "x"
	_ = n
}
