package main

var config Settings

func main() {
	_ = config
}
