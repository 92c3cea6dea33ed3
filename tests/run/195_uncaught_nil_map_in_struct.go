package main

type Registry struct {
	entries map[string]int
}

func (r *Registry) Add(k string) {
	r.entries[k]++
}

func main() {
	r := &Registry{}
	println("adding")
	r.Add("x")
}
