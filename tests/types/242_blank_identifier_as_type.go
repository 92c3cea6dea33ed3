package main

var v _

func main() {
}
