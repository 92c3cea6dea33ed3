package main

type grid [4]grid

func main() {
}
