package main

func kind[T any](v any) {
	switch v.(type) {
	case T, T:
	}
}

func main() {
}
