package main

type RW interface { Read() Write() }

func main() {
}
