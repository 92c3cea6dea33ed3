// Package lib is in the second module.
package lib

// Do does.
func Do() {}
