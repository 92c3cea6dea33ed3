package main

type options struct{ verbose bool }

func main() {
	_ = options{Verbose: true}
}
