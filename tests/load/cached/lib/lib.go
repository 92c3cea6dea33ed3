// Package lib uses modules from the module cache.
package lib

import (
	"example.com/Upper"
	"example.com/dep/sub"
	"example.com/other"
)

// All says it all.
func All() string { return upper.Shout + sub.Name + other.Say() }
