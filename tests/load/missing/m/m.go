// Package m imports packages that do not exist.
package m

import (
	_ "example.com/elsewhere/x"
	_ "example.com/missing/nothere"
	_ "example.com/missing/empty"
	_ "notstd/foo"
	_ "fmt"
)
