package main

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

func main() {
	f := counter.inc
	_ = f
}
