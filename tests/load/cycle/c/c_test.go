package c

import (
	"testing"

	_ "example.com/cycle/d"
)

func TestC(t *testing.T) {}
