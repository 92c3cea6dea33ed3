package main

func a() {}
func b() {}

func main() {
	f := a
	switch f {
	case b:
	}
}
