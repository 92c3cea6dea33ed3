// Command gotypescheck stands in for `goxide tool check -e -types2test ...`
// (the contract in crates/goxide/tests/types2_corpus.rs), built on go/types,
// to exercise the types2 corpus harness end to end: go/types is types2's
// twin and passes the same corpus in its own test, so a harness that reads
// the corpus right scores it (nearly) fully. Run through goxide.sh.
//
// It parses the named files (go/parser, all errors), type-checks them as
// one package named after the first file's package clause, with -lang,
// -fakeImportC and -predeclaredTestFuncs as types2's harness applies them,
// and prints every error as `file:line:col: msg` in the order reported.
// Like go/types' own harness it drops the secondary, tab-led errors that
// go/types reports apart from their primary error. Exit status 1 if it
// printed an error.
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"strings"
)

func main() {
	fs := flag.NewFlagSet("check", flag.ExitOnError)
	fs.Bool("e", false, "")
	fs.Bool("types2test", false, "")
	testFuncs := fs.Bool("predeclaredTestFuncs", false, "")
	lang := fs.String("lang", "", "")
	fakeC := fs.Bool("fakeImportC", false, "")
	fs.String("goexperiment", "", "")
	fs.Parse(os.Args[1:])
	if *testFuncs {
		types.DefPredeclaredTestFuncs()
	}
	fset := token.NewFileSet()
	n := 0
	report := func(pos token.Position, msg string) {
		fmt.Fprintf(os.Stderr, "%s:%d:%d: %s\n", pos.Filename, pos.Line, pos.Column, msg)
		n++
	}
	var files []*ast.File
	for _, name := range fs.Args() {
		f, err := parser.ParseFile(fset, name, nil, parser.AllErrors|parser.SkipObjectResolution)
		if list, ok := err.(scanner.ErrorList); ok {
			for _, e := range list {
				report(e.Pos, e.Msg)
			}
		} else if err != nil {
			report(token.Position{Filename: name}, err.Error())
		}
		if f != nil {
			files = append(files, f)
		}
	}
	conf := types.Config{
		GoVersion:   *lang,
		FakeImportC: *fakeC,
		Importer:    importer.ForCompiler(fset, "source", nil),
		Error: func(err error) {
			e := err.(types.Error)
			if strings.HasPrefix(e.Msg, "\t") {
				return
			}
			report(fset.Position(e.Pos), e.Msg)
		},
	}
	name := "p"
	if len(files) > 0 {
		name = files[0].Name.Name
	}
	conf.Check(name, fset, files, nil)
	if n > 0 {
		os.Exit(1)
	}
}
