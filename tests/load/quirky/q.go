// Package quirky uses a module read through the module index.
package quirky

import "example.com/quirk"

var _ = quirk.Q
