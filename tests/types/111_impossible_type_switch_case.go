package main

import "fmt"

type silent struct{}

func main() {
	var s fmt.Stringer
	switch s.(type) {
	case silent:
	}
}
