// Package cfg stands in for cmd/go/internal/cfg in the scandir oracle:
// the build context, as go/build's default reads the environment.
package cfg

import "go/build"

var BuildContext = build.Default
