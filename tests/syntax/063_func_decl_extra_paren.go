package main

func main()) {
}
