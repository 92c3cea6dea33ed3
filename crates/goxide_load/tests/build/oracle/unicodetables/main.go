package main

import (
	"fmt"
	"os"
	"strings"
	"unicode"
)

// Command unicodetables prints src/build/unicode_tables.rs: the Unicode
// properties go/scanner, go/build and go/doc consult, as Go defines them.
//
//	(cd tests/build/oracle && go run ./unicodetables) > src/build/unicode_tables.rs

// ranges of non-ASCII code points where f holds.
func ranges(f func(rune) bool) [][2]rune {
	var out [][2]rune
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !f(r) {
			continue
		}
		if n := len(out); n > 0 && out[n-1][1] == r-1 {
			out[n-1][1] = r
		} else {
			out = append(out, [2]rune{r, r})
		}
	}
	return out
}

func emit(b *strings.Builder, name, doc string, f func(rune) bool) {
	rs := ranges(f)
	fmt.Fprintf(b, "/// %s\npub(super) static %s: [(u32, u32); %d] = [\n", doc, name, len(rs))
	for i, r := range rs {
		if i%4 == 0 {
			b.WriteString("   ")
		}
		fmt.Fprintf(b, " (0x%04X, 0x%04X),", r[0], r[1])
		if i%4 == 3 || i == len(rs)-1 {
			b.WriteString("\n")
		}
	}
	b.WriteString("];\n\n")
}

func main() {
	var b strings.Builder
	b.WriteString("//! Unicode property tables, generated from Go's `unicode` package\n" +
		"//! (Unicode " + unicode.Version + ") by `tests/build/oracle/unicodetables`; do not edit.\n" +
		"//!\n" +
		"//! Each table lists the inclusive ranges of non-ASCII code points where\n" +
		"//! the property holds: sorted, disjoint, non-adjacent. `unicode.rs` answers\n" +
		"//! ASCII itself and searches these for the rest.\n\n")
	emit(&b, "LETTER", "`unicode.IsLetter` above ASCII.", unicode.IsLetter)
	emit(&b, "DIGIT", "`unicode.IsDigit` above ASCII.", unicode.IsDigit)
	emit(&b, "UPPER", "`unicode.IsUpper` above ASCII.", unicode.IsUpper)
	emit(&b, "PRINT", "`strconv.IsPrint` above ASCII.", func(r rune) bool { return unicode.IsPrint(r) })
	emit(&b, "GRAPHIC", "`unicode.IsGraphic` above ASCII.", unicode.IsGraphic)
	emit(&b, "SPACE", "`unicode.IsSpace` above ASCII.", unicode.IsSpace)
	emit(&b, "PUNCT", "`unicode.IsPunct` above ASCII.", unicode.IsPunct)
	os.Stdout.WriteString(b.String())
}
