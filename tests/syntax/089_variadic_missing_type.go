package main

func log(args ...) {
}

func main() {
}
