package main

func main() {
	defer func() {
		panic("final")
	}()
	func() {
		defer func() {
			println("recovered:", recover().(string))
		}()
		panic("handled")
	}()
	println("still running")
}
