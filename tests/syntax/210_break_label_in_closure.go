package main

func main() {
loop:
	for {
		func() {
			break loop
		}()
	}
}
