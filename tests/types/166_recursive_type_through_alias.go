package main

type t = *u
type u [2]u

func main() {
}
