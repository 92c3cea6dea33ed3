package main

func main() {
	for {
		continue next
	}
}
