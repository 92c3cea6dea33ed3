// Package lib is replaced by a directory of the main module's tree.
package lib

// X is x.
const X = 1
