// Package fsys stands in for cmd/go/internal/fsys in the scandir oracle:
// the OS file system, without overlays.
package fsys

import (
	"io/fs"
	"os"
)

func ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }
func Open(name string) (*os.File, error)         { return os.Open(name) }
func Stat(name string) (fs.FileInfo, error)      { return os.Stat(name) }
