package main

func log(level int, format string, args ...any) {}

func main() {
	log(1)
}
