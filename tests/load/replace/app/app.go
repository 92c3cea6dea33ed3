// Package app imports a module replaced by a local directory.
package app

import (
	"example.com/lib"
	"example.com/lib/inner"
)

var _ = lib.X + inner.Y
