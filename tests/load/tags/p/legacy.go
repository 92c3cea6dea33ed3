// +build linux,!arm64

package p
