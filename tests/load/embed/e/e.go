// Package e embeds files.
package e

import "embed"

//go:embed hello.txt static
var files embed.FS

//go:embed "all:static" *.txt
var all embed.FS
