package main

type B struct{}

func (b B) Add() B { return b }

func main() {
	b := B{}
	b.Add()
	.Add()
}
