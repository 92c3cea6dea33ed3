package main

func main() {
unused:
	break
	break
	break
	break
	break
	break
	break
	break
	break
}
