package main

func main() {
	goto done
	msg := "skipped"
	println(msg)
done:
	println("done")
}
