// Package a imports b, which imports a.
package a

import _ "example.com/cycle/b"
