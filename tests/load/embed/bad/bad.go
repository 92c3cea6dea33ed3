// Package bad embeds a file that does not exist.
package bad

import _ "embed"

//go:embed nothere.txt
var s string
