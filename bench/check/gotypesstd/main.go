// Command gotypesstd is the reference side of goxide's type-check benchmark
// (`cargo xtask bench check`, see bench/README.md): it type-checks the
// packages named on the command line, and everything they import, from
// source with go/types, as `goxide tool check` does, and prints
// `N packages, M errors` as its last stdout line (N counts the named
// packages; M every error of every package checked). Exit status 1 if M > 0,
// 2 on bad usage.
//
// Packages are found by go/build's Default context (set GOROOT, GOOS,
// GOARCH, CGO_ENABLED=0 and GO111MODULE=off in the environment: GOROOT's
// vendored packages resolve from each importer's directory) and checked
// once each, on one goroutine, by an importer that is go/importer's
// "source" importer (go/internal/srcimporter) with one switch:
//
//	-bodies=false  skip function bodies (IgnoreFuncBodies), exactly as the
//	               "source" importer does
//	-bodies=true   check them too (default), as goxide's checker will
//
// with gc's sizes for GOARCH and the files go/build selects (GoFiles; no
// cgo).
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
)

type importer struct {
	ctxt   *build.Context
	fset   *token.FileSet
	sizes  types.Sizes
	bodies bool
	pkgs   map[string]*types.Package
	errors int
}

func (p *importer) Import(path string) (*types.Package, error) {
	return p.ImportFrom(path, p.ctxt.GOROOT+"/src", 0)
}

func (p *importer) ImportFrom(path, dir string, _ types.ImportMode) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	bp, err := p.ctxt.Import(path, dir, 0)
	if err != nil {
		return nil, err
	}
	if pkg, ok := p.pkgs[bp.ImportPath]; ok {
		if pkg == nil {
			return nil, fmt.Errorf("import cycle through package %q", bp.ImportPath)
		}
		return pkg, nil
	}
	p.pkgs[bp.ImportPath] = nil
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(p.fset, filepath.Join(bp.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			p.errors++
			fmt.Fprintln(os.Stderr, err)
		}
		if f != nil {
			files = append(files, f)
		}
	}
	conf := types.Config{
		Importer:         p,
		Sizes:            p.sizes,
		IgnoreFuncBodies: !p.bodies,
		Error: func(err error) {
			p.errors++
			fmt.Fprintln(os.Stderr, err)
		},
	}
	pkg, _ := conf.Check(bp.ImportPath, p.fset, files, nil)
	p.pkgs[bp.ImportPath] = pkg
	return pkg, nil
}

func main() {
	bodies := flag.Bool("bodies", true, "check function bodies")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: gotypesstd [-bodies=false] importpath...")
		os.Exit(2)
	}
	ctxt := build.Default
	p := &importer{
		ctxt:   &ctxt,
		fset:   token.NewFileSet(),
		sizes:  types.SizesFor("gc", runtime.GOARCH),
		bodies: *bodies,
		pkgs:   map[string]*types.Package{},
	}
	if goarch := os.Getenv("GOARCH"); goarch != "" {
		p.sizes = types.SizesFor("gc", goarch)
	}
	n := 0
	for _, path := range flag.Args() {
		if _, err := p.Import(path); err != nil {
			p.errors++
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		n++
	}
	fmt.Printf("%d packages, %d errors\n", n, p.errors)
	if p.errors > 0 {
		os.Exit(1)
	}
}
