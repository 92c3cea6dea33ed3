// Package dep is a dependency served from the module cache.
package dep

import "example.com/dep/sub"

// Hello names the sub package.
func Hello() string { return sub.Name }
