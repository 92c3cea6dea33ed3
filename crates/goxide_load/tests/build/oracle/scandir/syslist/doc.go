// Package syslist stands in for internal/syslist in the scandir oracle: the
// test copies GOROOT's syslist.go beside this file, in its copy of the module.
package syslist
