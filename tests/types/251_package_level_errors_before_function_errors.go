package main

func main() {
	undefinedCall()
}

var global int = "text"

type broken struct{ f missingType }
