// Command goastdump is the oracle half of goxide_syntax's differential
// parser test (tests/differential.rs): it parses each file named on
// stdin with go/parser and prints a canonical list of node events, the
// same list goxide's side computes from its own tree. Events name a node
// kind, a byte offset (the token gc positions that node at), and facts
// about its shape (element counts, operators of binary children), so that
// two parsers agree on the events only if they built the same tree.
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
)

func main() {
	fset := token.NewFileSet()
	in := bufio.NewScanner(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		path := in.Text()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		fmt.Fprintf(out, "== %s\n", path)
		if err != nil {
			fmt.Fprintf(out, "error %v\n", err)
			continue
		}
		d := &dumper{fset: fset, out: out, skip: map[ast.Node]bool{}}
		ast.Inspect(f, d.visit)
	}
}

type dumper struct {
	fset *token.FileSet
	out  *bufio.Writer
	skip map[ast.Node]bool // nodes gc has no counterpart for
}

func (d *dumper) off(p token.Pos) int { return d.fset.Position(p).Offset }

func (d *dumper) emit(format string, args ...any) {
	fmt.Fprintf(d.out, format+"\n", args...)
}

// binop is the operator of x if it is a binary expression, else "-".
func binop(x ast.Expr) string {
	if b, ok := x.(*ast.BinaryExpr); ok {
		return b.Op.String()
	}
	return "-"
}

// count is the number of fields in a list, one per name.
func count(l *ast.FieldList) int {
	if l == nil {
		return 0
	}
	n := 0
	for _, f := range l.List {
		if len(f.Names) == 0 {
			n++
		} else {
			n += len(f.Names)
		}
	}
	return n
}

func b(v bool) int {
	if v {
		return 1
	}
	return 0
}

func (d *dumper) visit(n ast.Node) bool {
	if n == nil || d.skip[n] {
		return true
	}
	switch n := n.(type) {
	case *ast.File:
		// the package name is an Ident, visited below
	case *ast.Ident:
		d.emit("id %d %s", d.off(n.NamePos), n.Name)
	case *ast.BasicLit:
		d.emit("lit %d", d.off(n.ValuePos))
	case *ast.CallExpr:
		d.emit("call %d %d %d", d.off(n.Lparen), len(n.Args), b(n.Ellipsis.IsValid()))
	case *ast.BinaryExpr:
		d.emit("bin %d %s %s %s", d.off(n.OpPos), n.Op, binop(n.X), binop(n.Y))
	case *ast.UnaryExpr:
		d.emit("un %d %s", d.off(n.OpPos), n.Op)
	case *ast.StarExpr:
		d.emit("un %d *", d.off(n.Star))
	case *ast.CompositeLit:
		d.emit("complit %d %d %d", d.off(n.Lbrace), len(n.Elts), b(n.Type != nil))
	case *ast.FuncLit:
		d.emit("funclit %d", d.off(n.Type.Func))
	case *ast.IndexExpr:
		d.emit("index %d 1", d.off(n.Lbrack))
	case *ast.IndexListExpr:
		d.emit("index %d %d", d.off(n.Lbrack), len(n.Indices))
	case *ast.SliceExpr:
		d.emit("slice %d %d %d %d %d", d.off(n.Lbrack), b(n.Low != nil), b(n.High != nil), b(n.Max != nil), b(n.Slice3))
	case *ast.TypeAssertExpr:
		d.emit("assert %d %d", d.off(n.Lparen)-1, b(n.Type == nil))
	case *ast.KeyValueExpr:
		d.emit("kv %d", d.off(n.Colon))
	case *ast.SelectorExpr:
		d.emit("sel %d", d.off(n.Sel.NamePos))
	case *ast.ArrayType:
		switch l := n.Len.(type) {
		case nil:
			d.emit("slicet %d", d.off(n.Lbrack))
		case *ast.Ellipsis:
			d.skip[l] = true
			d.emit("array %d ...", d.off(n.Lbrack))
		default:
			d.emit("array %d n", d.off(n.Lbrack))
		}
	case *ast.Ellipsis:
		d.emit("dots %d", d.off(n.Ellipsis))
	case *ast.MapType:
		d.emit("map %d", d.off(n.Map))
	case *ast.ChanType:
		dir := map[ast.ChanDir]string{ast.SEND: "send", ast.RECV: "recv", ast.SEND | ast.RECV: "both"}[n.Dir]
		// gc drops parentheses in types and positions a func type at its
		// parameter list.
		v := ast.Unparen(n.Value)
		p := v.Pos()
		if ft, ok := v.(*ast.FuncType); ok {
			p = ft.Params.Opening
			if ft.TypeParams != nil {
				p = ft.TypeParams.Opening
			}
		}
		d.emit("chan %d %s", d.off(p), dir)
	case *ast.StructType:
		d.emit("struct %d %d", d.off(n.Struct), count(n.Fields))
	case *ast.InterfaceType:
		d.emit("iface %d %d", d.off(n.Interface), len(n.Methods.List))
	case *ast.FuncType:
		open := n.Params.Opening
		if n.TypeParams != nil {
			open = n.TypeParams.Opening
		}
		d.emit("functype %d %d %d", d.off(open), count(n.Params), count(n.Results))
	case *ast.AssignStmt:
		d.emit("assign %d %s", d.off(n.TokPos), n.Tok)
	case *ast.IncDecStmt:
		d.emit("incdec %d", d.off(n.TokPos))
	case *ast.SendStmt:
		d.emit("send %d", d.off(n.Arrow))
	case *ast.GoStmt:
		d.emit("go %d", d.off(n.Go))
	case *ast.DeferStmt:
		d.emit("defer %d", d.off(n.Defer))
	case *ast.ReturnStmt:
		d.emit("return %d %d", d.off(n.Return), len(n.Results))
	case *ast.BranchStmt:
		d.emit("branch %d %s", d.off(n.TokPos), n.Tok)
	case *ast.LabeledStmt:
		d.emit("label %d", d.off(n.Colon))
	case *ast.BlockStmt:
		d.emit("block %d", d.off(n.Lbrace))
	case *ast.IfStmt:
		d.emit("if %d", d.off(n.If))
	case *ast.ForStmt:
		d.emit("for %d", d.off(n.For))
	case *ast.RangeStmt:
		d.emit("for %d", d.off(n.For))
		d.emit("range %d", d.off(n.Range))
	case *ast.SwitchStmt:
		d.skip[n.Body] = true
		d.emit("switch %d", d.off(n.Switch))
	case *ast.TypeSwitchStmt:
		d.skip[n.Body] = true
		if a, ok := n.Assign.(*ast.AssignStmt); ok {
			d.skip[a] = true // gc: a TypeSwitchGuard with a name
		}
		d.emit("switch %d", d.off(n.Switch))
	case *ast.SelectStmt:
		d.skip[n.Body] = true
		d.emit("select %d", d.off(n.Select))
	case *ast.CaseClause:
		d.emit("case %d", d.off(n.Case))
	case *ast.CommClause:
		d.emit("case %d", d.off(n.Case))
	case *ast.ImportSpec:
		d.emit("import %d", d.off(n.Path.ValuePos))
	case *ast.ValueSpec:
		d.emit("value %d %d", d.off(n.Names[0].NamePos), len(n.Names))
	case *ast.TypeSpec:
		d.emit("typedecl %d %d %d", d.off(n.Name.NamePos), b(n.Assign.IsValid()), count(n.TypeParams))
	case *ast.FuncDecl:
		d.emit("func %d %d %d %d", d.off(n.Name.NamePos), count(n.Type.TypeParams), b(n.Body != nil), b(n.Recv != nil))
	}
	return true
}

