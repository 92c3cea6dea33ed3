//go:build go1.99

package p
