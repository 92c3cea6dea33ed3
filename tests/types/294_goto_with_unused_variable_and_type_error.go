package main

func main() {
	goto end
	var n int = "x"
end:
}
