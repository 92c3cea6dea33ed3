package main

func main() {
	for k, v := range map[string]int{} {
		_ = v
	}
}
