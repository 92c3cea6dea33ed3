// Package untidy imports a module it does not require: in an unpruned
// module graph, example.com/other's requirement selects it.
package untidy

import (
	"example.com/dep/extra"
	"example.com/other"
)

var _ = other.Say() + extra.Greeting()
