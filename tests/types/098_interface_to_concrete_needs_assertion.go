package main

type named interface{ Name() string }

type user struct{}

func (u user) Name() string { return "u" }

func main() {
	var n named = user{}
	var u user = n
	_ = u
}
