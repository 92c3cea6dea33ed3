// Package p imports a package with two package names.
package p

import _ "example.com/odd/q"
