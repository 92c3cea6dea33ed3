// Command importdir is the oracle of goxide_load's build differential test
// (tests/build_differential.rs): for each directory read from stdin it
// prints what go/build's ImportDir returns, one line per field, in the
// format the test also renders goxide's result in.
//
// The target comes from the environment, as build.Default reads it
// (GOOS, GOARCH, CGO_ENABLED, GOEXPERIMENT, GOAMD64...); flags add build
// tags, the import mode, and fix GOROOT (GOPATH is emptied).
//
// Format: "@dir DIR" starts a record; then "Field value" lines. Strings are
// escaped by esc (backslash, newline, return, tab, '|'), lists are joined
// by '|', positions are file:line:col:offset.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"go/build"
	"go/scanner"
	"go/token"
	"os"
	"sort"
	"strings"
)

var (
	tags          = flag.String("tags", "", "comma-separated build tags")
	goroot        = flag.String("goroot", "", "GOROOT")
	importComment = flag.Bool("importcomment", false, "use build.ImportComment")
)

func esc(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\r", `\r`, "\t", `\t`, "|", `\|`).Replace(s)
}

func list(l []string) string {
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = esc(s)
	}
	return strings.Join(out, "|")
}

func pos(p token.Position) string {
	return fmt.Sprintf("%s:%d:%d:%d", p.Filename, p.Line, p.Column, p.Offset)
}

func posMap(m map[string][]token.Position) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		var ps []string
		for _, p := range m[k] {
			ps = append(ps, pos(p))
		}
		out = append(out, esc(k+"@"+strings.Join(ps, ",")))
	}
	return strings.Join(out, "|")
}

func directives(ds []build.Directive) string {
	var out []string
	for _, d := range ds {
		out = append(out, esc(d.Text+"@"+pos(d.Pos)))
	}
	return strings.Join(out, "|")
}

func errKind(err error) string {
	var nogo *build.NoGoError
	var multi *build.MultiplePackageError
	switch {
	case err == nil:
		return "none"
	case errors.As(err, &nogo):
		return "nogo"
	case errors.As(err, &multi):
		return "multiple"
	}
	switch err.(type) {
	case scanner.ErrorList:
		return "parse"
	case *scanner.Error:
		return "parse"
	}
	return "other"
}

func main() {
	flag.Parse()
	ctxt := build.Default
	ctxt.GOROOT = *goroot
	ctxt.GOPATH = ""
	if *tags != "" {
		ctxt.BuildTags = strings.Split(*tags, ",")
	}
	var mode build.ImportMode
	if *importComment {
		mode |= build.ImportComment
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "@context\nGOOS %s\nGOARCH %s\nCgoEnabled %v\nCompiler %s\nToolTags %s\nReleaseTags %s\n",
		ctxt.GOOS, ctxt.GOARCH, ctxt.CgoEnabled, ctxt.Compiler, list(ctxt.ToolTags), list(ctxt.ReleaseTags))
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		dir := in.Text()
		p, err := ctxt.ImportDir(dir, mode)
		f := func(name, value string) { fmt.Fprintf(w, "%s %s\n", name, value) }
		fmt.Fprintf(w, "@dir %s\n", dir)
		errText := ""
		if err != nil {
			errText = err.Error()
		}
		f("Error", errKind(err)+" "+esc(errText))
		f("Dir", esc(p.Dir))
		f("Name", esc(p.Name))
		f("ImportPath", esc(p.ImportPath))
		f("Root", esc(p.Root))
		f("Goroot", fmt.Sprint(p.Goroot))
		f("ConflictDir", esc(p.ConflictDir))
		f("Doc", esc(p.Doc))
		f("ImportComment", esc(p.ImportComment))
		f("AllTags", list(p.AllTags))
		f("BinaryOnly", fmt.Sprint(p.BinaryOnly))
		f("GoFiles", list(p.GoFiles))
		f("CgoFiles", list(p.CgoFiles))
		f("IgnoredGoFiles", list(p.IgnoredGoFiles))
		f("InvalidGoFiles", list(p.InvalidGoFiles))
		f("IgnoredOtherFiles", list(p.IgnoredOtherFiles))
		f("CFiles", list(p.CFiles))
		f("CXXFiles", list(p.CXXFiles))
		f("MFiles", list(p.MFiles))
		f("HFiles", list(p.HFiles))
		f("FFiles", list(p.FFiles))
		f("SFiles", list(p.SFiles))
		f("SwigFiles", list(p.SwigFiles))
		f("SwigCXXFiles", list(p.SwigCXXFiles))
		f("SysoFiles", list(p.SysoFiles))
		f("CgoCFLAGS", list(p.CgoCFLAGS))
		f("CgoCPPFLAGS", list(p.CgoCPPFLAGS))
		f("CgoCXXFLAGS", list(p.CgoCXXFLAGS))
		f("CgoFFLAGS", list(p.CgoFFLAGS))
		f("CgoLDFLAGS", list(p.CgoLDFLAGS))
		f("CgoPkgConfig", list(p.CgoPkgConfig))
		f("TestGoFiles", list(p.TestGoFiles))
		f("XTestGoFiles", list(p.XTestGoFiles))
		f("Directives", directives(p.Directives))
		f("TestDirectives", directives(p.TestDirectives))
		f("XTestDirectives", directives(p.XTestDirectives))
		f("Imports", list(p.Imports))
		f("ImportPos", posMap(p.ImportPos))
		f("TestImports", list(p.TestImports))
		f("TestImportPos", posMap(p.TestImportPos))
		f("XTestImports", list(p.XTestImports))
		f("XTestImportPos", posMap(p.XTestImportPos))
		f("EmbedPatterns", list(p.EmbedPatterns))
		f("EmbedPatternPos", posMap(p.EmbedPatternPos))
		f("TestEmbedPatterns", list(p.TestEmbedPatterns))
		f("TestEmbedPatternPos", posMap(p.TestEmbedPatternPos))
		f("XTestEmbedPatterns", list(p.XTestEmbedPatterns))
		f("XTestEmbedPatternPos", posMap(p.XTestEmbedPatternPos))
	}
}
