// Package implicit imports a package of a module it does not require.
package implicit

import (
	_ "example.com/dep/extra"
	_ "example.com/other"
)
