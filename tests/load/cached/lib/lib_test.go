package lib

import (
	"testing"

	"example.com/dep"
)

func TestAll(t *testing.T) {
	if All() == dep.Hello() {
		t.Fatal("same")
	}
}
