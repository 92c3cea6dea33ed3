package main

type reader interface{ Read() }

type wrapped struct {
	*reader
}

func main() {
}
