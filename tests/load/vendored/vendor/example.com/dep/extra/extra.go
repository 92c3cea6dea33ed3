// Package extra appeared in v1.1.0.
package extra

import "example.com/dep"

// Greeting greets.
func Greeting() string { return "hello, " + dep.Hello() }
