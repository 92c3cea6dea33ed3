// Package imp imports a command and a relative path.
package imp

import (
	_ "example.com/odd/prog"
	_ "./rel"
)
