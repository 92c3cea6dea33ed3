package main

func main() {
	m := map[func()]int{}
	_ = m
}
