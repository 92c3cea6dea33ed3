// Command goparse is the reference side of goxide's parse benchmark
// (`cargo xtask bench parse`, see bench/README.md). It parses with go/parser
// every .go file under the paths given and prints, as its last stdout line,
// `N files, M errors`, exactly like `goxide tool parse`; it exits 1 when any
// file has an error, 2 on bad usage.
//
// The file set is goxide's: each PATH that is a file is parsed as is; each
// PATH that is a directory is walked recursively in lexical (byte-wise)
// order, skipping sub-directories named `testdata` or whose names begin with
// `_` or `.`, and every non-directory entry whose name ends in `.go` is
// parsed. Symbolic links inside the walk are not followed as directories
// (a PATH given on the command line is).
//
// Flags:
//
//	-j N     parse with N goroutines (default 1; 0 means runtime.NumCPU()).
//	         GOMAXPROCS is left as the Go runtime sets it.
//	-mode M  go/parser mode: `default` (0) or `fast`
//	         (parser.ParseComments|parser.SkipObjectResolution — goxide keeps
//	         comments and resolves no objects, so `fast` is the
//	         apples-to-apples comparison).
//
// Diagnostics go to stderr in file order, whatever -j is.
package main

import (
	"errors"
	"flag"
	"fmt"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

func main() {
	jobs := flag.Int("j", 1, "number of parsing goroutines (0: runtime.NumCPU())")
	modeName := flag.String("mode", "default", "go/parser mode: default or fast")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: goparse [-j N] [-mode default|fast] PATH...\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	var mode parser.Mode
	switch *modeName {
	case "default":
		mode = 0
	case "fast":
		mode = parser.ParseComments | parser.SkipObjectResolution
	default:
		fmt.Fprintf(os.Stderr, "goparse: unknown -mode %q (want default or fast)\n", *modeName)
		os.Exit(2)
	}
	if flag.NArg() == 0 || *jobs < 0 {
		flag.Usage()
		os.Exit(2)
	}
	if *jobs == 0 {
		*jobs = runtime.NumCPU()
	}

	var files []string
	walkErrors := 0
	for _, root := range flag.Args() {
		found, err := collect(root)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%v\n", err)
			walkErrors++
		}
		files = append(files, found...)
	}

	// Each file's diagnostics, filled by the workers, printed in file order.
	diags := make([][]string, len(files))
	next := make(chan int, *jobs)
	var wg sync.WaitGroup
	for w := 0; w < *jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				diags[i] = parseOne(files[i], mode)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()

	nerr := walkErrors
	for _, d := range diags {
		for _, line := range d {
			fmt.Fprintln(os.Stderr, line)
		}
		nerr += len(d)
	}
	fmt.Printf("%d files, %d errors\n", len(files), nerr)
	if nerr > 0 {
		os.Exit(1)
	}
}

// parseOne parses one file with its own FileSet (no lock shared between
// workers, and nothing retained after the file is done) and returns its
// diagnostics, one line each.
func parseOne(path string, mode parser.Mode) []string {
	src, err := os.ReadFile(path)
	if err != nil {
		return []string{err.Error()}
	}
	fset := token.NewFileSet()
	_, err = parser.ParseFile(fset, path, src, mode)
	if err == nil {
		return nil
	}
	var list scanner.ErrorList
	if errors.As(err, &list) {
		out := make([]string, len(list))
		for i, e := range list {
			out[i] = e.Error()
		}
		return out
	}
	return []string{err.Error()}
}

// collect returns the .go files of one command-line PATH, in walk order.
func collect(root string) ([]string, error) {
	info, err := os.Stat(root) // a root given by symlink is followed
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{root}, nil
	}
	var files []string
	err = walk(root, &files)
	return files, err
}

// walk appends the .go files under dir, in lexical order, to files.
func walk(dir string, files *[]string) error {
	entries, err := os.ReadDir(dir) // sorted by name, byte-wise
	if err != nil {
		return err
	}
	var firstErr error
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		if e.IsDir() {
			if skipDir(name) {
				continue
			}
			if err := walk(path, files); err != nil && firstErr == nil {
				firstErr = err
			}
			continue
		}
		if strings.HasSuffix(name, ".go") {
			*files = append(*files, path)
		}
	}
	return firstErr
}

// skipDir reports whether the walk leaves out a sub-directory of this name.
func skipDir(name string) bool {
	return name == "testdata" || strings.HasPrefix(name, "_") || strings.HasPrefix(name, ".")
}
