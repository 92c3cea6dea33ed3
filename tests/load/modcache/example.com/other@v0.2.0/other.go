// Package other requires a newer dep than its users do.
package other

import "example.com/dep/extra"

// Say says something.
func Say() string { return extra.Greeting() }
