// Package c is fine, but its test imports d, which imports c.
package c
