package main

func main() {
	err := error(nil)
	if true {
		err := error(nil)
	}
	_ = err
}
