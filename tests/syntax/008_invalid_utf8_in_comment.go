package main

func main() {
	// Latin-1 comment: résumé
}
