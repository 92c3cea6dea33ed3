package main

type counter int

func main() {
	var c counter
	c.Increment()
}
