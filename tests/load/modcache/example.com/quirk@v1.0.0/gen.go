//go:build ignore

package other
