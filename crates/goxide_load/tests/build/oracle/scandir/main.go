// Command scandir is the oracle for goxide_load's import scan
// (build::scan_dir): cmd/go/internal/imports' ScanDir itself. That package
// is internal to cmd/go, so the test copies its build.go, read.go and
// scan.go from the reference GOROOT into ./imports of a copy of this
// module (in the target directory), pointing their imports of cmd/go/internal/cfg,
// cmd/go/internal/fsys and internal/syslist at the stand-ins beside them
// (the build context, the OS file system, and a copy of syslist).
//
// For each directory read from stdin it prints "@dir DIR", then
// "Imports", "TestImports" and "Error" lines (escaped as importdir's); -tags gives the tag set
// (comma-separated; "*" for any tag), GOOS the target.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"goxide.test/buildoracle/scandir/imports"
)

// esc and list format strings and lists as importdir's do.
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

func main() {
	tags := flag.String("tags", "*", "comma-separated tag set")
	flag.Parse()
	set := map[string]bool{}
	for _, t := range strings.Split(*tags, ",") {
		if t != "" {
			set[t] = true
		}
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		dir := in.Text()
		imps, tests, err := imports.ScanDir(dir, set)
		errText := ""
		if err != nil {
			errText = esc(err.Error())
		}
		fmt.Fprintf(w, "@dir %s\nImports %s\nTestImports %s\nError %s\n", dir, list(imps), list(tests), errText)
	}
}
