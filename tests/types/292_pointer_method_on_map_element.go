package main

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

func main() {
	m := map[string]counter{}
	m["a"].inc()
}
