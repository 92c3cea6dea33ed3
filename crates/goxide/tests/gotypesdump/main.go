// Command gotypesdump is the oracle of crates/goxide/tests/gotypes_differential.rs:
// it type-checks packages of the standard library with go/types and prints
// every package-level declaration's type and every constant's exact value,
// in the line format that `goxide tool check -dump-decls` must reproduce.
//
// Usage: gotypesdump < import-paths
//
// The import paths (one per line, as `go list std` prints them) are read
// from stdin. Packages are loaded from source by go/importer's "source"
// importer (go/build's Default context: set GOROOT, GOOS, GOARCH,
// CGO_ENABLED=0 and GO111MODULE=off in the environment), which checks each
// package once with IgnoreFuncBodies and gc's sizes and reuses it for its
// importers.
//
// Output, per package in input order:
//
//	package <import path>
//	<line>...
//
// with the package's lines sorted bytewise. One line per package-level
// object and per method of a defined type declared in the package:
//
//	<path>.<Name> const <type> <exact value>
//	<path>.<Name> var <type>
//	<path>.<Name> func <signature>
//	<path>.<Name> type <type> <underlying type>
//	<path>.<Name> alias <type> <aliased type>
//	<path>.<Type>.<Method> method <receiver type> <signature>
//	<path>.<Name> builtin
//
// Types print as types.TypeString with a qualifier giving the full import
// path of every package (so `*bufio.Reader` is `*bufio.Reader`, and
// `vendor/golang.org/x/net/dns/dnsmessage.Name` in full); a signature
// prints as types.TypeString prints a *types.Signature (parameter names,
// and type parameters for generic functions); a defined type's <type> is
// the named type with its type parameters (`sync/atomic.Pointer[T any]`);
// an alias's <type> is the alias itself and <aliased type> its right-hand
// side (types.Alias.Rhs). Exact values are constant.Value.ExactString().
// `builtin` lines are package unsafe's functions (Add, Sizeof, ...).
// A package that fails to type-check prints `error <message>` as its only
// line, and the command exits 1 after printing everything.
package main

import (
	"bufio"
	"fmt"
	"go/build"
	"go/constant"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"sort"
	"strings"
)

func qualifier(p *types.Package) string { return p.Path() }

func typeString(t types.Type) string { return types.TypeString(t, qualifier) }

// lines returns the sorted declaration lines of pkg.
func lines(pkg *types.Package) []string {
	var out []string
	path := pkg.Path()
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		q := path + "." + name
		switch obj := obj.(type) {
		case *types.Const:
			out = append(out, fmt.Sprintf("%s const %s %s", q, typeString(obj.Type()), exact(obj.Val())))
		case *types.Var:
			out = append(out, fmt.Sprintf("%s var %s", q, typeString(obj.Type())))
		case *types.Func:
			out = append(out, fmt.Sprintf("%s func %s", q, typeString(obj.Type())))
		case *types.TypeName:
			if alias, ok := obj.Type().(*types.Alias); ok && obj.IsAlias() {
				out = append(out, fmt.Sprintf("%s alias %s %s", q, typeString(alias), typeString(alias.Rhs())))
				continue
			}
			named, ok := obj.Type().(*types.Named)
			if !ok {
				out = append(out, fmt.Sprintf("%s type %s %s", q, typeString(obj.Type()), typeString(obj.Type().Underlying())))
				continue
			}
			out = append(out, fmt.Sprintf("%s type %s %s", q, typeString(named), typeString(named.Underlying())))
			for i := 0; i < named.NumMethods(); i++ {
				m := named.Method(i)
				sig := m.Type().(*types.Signature)
				out = append(out, fmt.Sprintf("%s.%s method %s %s", q, m.Name(), typeString(sig.Recv().Type()), typeString(sig)))
			}
		case *types.Builtin:
			out = append(out, fmt.Sprintf("%s builtin", q))
		default:
			panic(fmt.Sprintf("%s: unexpected object %T", q, obj))
		}
	}
	sort.Strings(out)
	return out
}

// exact is v.ExactString() on one line (it never has a newline today).
func exact(v constant.Value) string {
	return strings.ReplaceAll(v.ExactString(), "\n", `\n`)
}

func main() {
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil).(types.ImporterFrom)
	srcDir := build.Default.GOROOT + "/src"
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	failed := false
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		path := strings.TrimSpace(sc.Text())
		if path == "" {
			continue
		}
		fmt.Fprintf(w, "package %s\n", path)
		pkg, err := imp.ImportFrom(path, srcDir, 0)
		if err != nil {
			fmt.Fprintf(w, "error %s\n", strings.ReplaceAll(err.Error(), "\n", " "))
			failed = true
			continue
		}
		for _, l := range lines(pkg) {
			fmt.Fprintln(w, l)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "gotypesdump:", err)
		os.Exit(2)
	}
	w.Flush()
	if failed {
		os.Exit(1)
	}
}
