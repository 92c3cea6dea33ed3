//go:build goxide

package p
