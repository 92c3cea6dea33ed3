package main

func main() {
	var v any = 1
	var t any
	switch t = v.(type) {
	case int:
		println(t)
	}
}
