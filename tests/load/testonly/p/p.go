// Package p is tested with packages only its tests import.
package p

// F is f.
func F() int { return 1 }
