package main

func greet(name string, times) {
}

func main() {
}
