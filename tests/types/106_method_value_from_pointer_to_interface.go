package main

type speaker interface{ Speak() }

func main() {
	var s speaker
	p := &s
	p.Speak()
}
