package main

func main() {
	i := 0
	if i++ {
	}
}
