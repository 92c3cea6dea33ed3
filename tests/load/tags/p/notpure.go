//go:build !purego

package p
