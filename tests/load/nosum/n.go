// Package nosum requires a module whose hashes go.sum lacks.
package nosum

import "example.com/dep"

var _ = dep.Hello()
