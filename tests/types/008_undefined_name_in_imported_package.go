package main

import "strings"

func main() {
	_ = strings.Reverse("abc")
}
