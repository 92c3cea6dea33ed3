package main

func f(x ~int) {
}

func main() {
}
