package main

func parse() (err error) {
	if true {
		err := error(nil)
		_ = err
		return
	}
	return
}

func main() {
}
