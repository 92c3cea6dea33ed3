// Package helper is imported only by tests.
package helper

import "testing"

// Check checks.
func Check(t *testing.T, v int) {
	if v == 0 {
		t.Fatal("zero")
	}
}
