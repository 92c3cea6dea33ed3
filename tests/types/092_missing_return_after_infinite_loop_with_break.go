package main

func loop() int {
	for {
		break
	}
}

func main() {
}
