package main

type reader interface{ Read() }

func (r reader) ReadAll() {}

func main() {
}
