package main

type intPtr *int

func (p intPtr) get() int { return *p }

func main() {
}
