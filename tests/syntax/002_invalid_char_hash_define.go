package main

#define N 10

func main() {
}
