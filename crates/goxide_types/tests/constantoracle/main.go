// Command constantoracle evaluates small stack programs with go/constant
// and prints what goxide's constant package must reproduce. It is the
// oracle of crates/goxide_types/tests/constant_differential.rs, built and
// run by that test with the reference go; the product never runs it.
//
// Input: one program per line, tokens separated by single spaces,
// evaluated left to right on a stack:
//
//	int:HEX float:HEX imag:HEX char:HEX string:HEX   MakeFromLiteral of the hex-decoded text
//	i64:N u64:N f64:BITS str:HEX                     MakeInt64, MakeUint64, MakeFloat64, MakeString
//	unknown true false                               MakeUnknown, MakeBool
//	+ - * / quo % & | ^ &^ && ||                     BinaryOp (quo: token.QUO_ASSIGN, integer division)
//	pos neg not cpl:PREC                             UnaryOp (cpl: ^ with that prec)
//	shl:S shr:S                                      Shift
//	== != < <= > >=                                  Compare (pushes a Bool)
//	toint tofloat tocomplex realpart imagpart num denom makeimag bytes
//	                                                 conversions (bytes: MakeFromBytes(Bytes(x)))
//
// Output: one line per program, "panic" if go/constant panicked, else a
// description of the top of the stack (see describe). A line "isprint"
// instead prints the ranges of code points strconv.IsPrint accepts.
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"go/constant"
	"go/token"
	"math"
	"os"
	"strconv"
	"strings"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		line := in.Text()
		if line == "isprint" {
			fmt.Fprintln(out, isPrintRanges())
			continue
		}
		fmt.Fprintln(out, run(line))
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func isPrintRanges() string {
	var b strings.Builder
	start := -1
	for r := 0; r <= 0x110000; r++ {
		p := r <= 0x10ffff && strconv.IsPrint(rune(r))
		if p && start < 0 {
			start = r
		} else if !p && start >= 0 {
			fmt.Fprintf(&b, "%x-%x,", start, r-1)
			start = -1
		}
	}
	return b.String()
}

func run(line string) (res string) {
	defer func() {
		if p := recover(); p != nil {
			res = "panic"
		}
	}()
	var st []constant.Value
	pop := func() constant.Value {
		x := st[len(st)-1]
		st = st[:len(st)-1]
		return x
	}
	for _, tok := range strings.Split(line, " ") {
		name, arg, _ := strings.Cut(tok, ":")
		lit := func(k token.Token) constant.Value {
			b, err := hex.DecodeString(arg)
			if err != nil {
				panic(err)
			}
			return constant.MakeFromLiteral(string(b), k, 0)
		}
		switch name {
		case "int":
			st = append(st, lit(token.INT))
		case "float":
			st = append(st, lit(token.FLOAT))
		case "imag":
			st = append(st, lit(token.IMAG))
		case "char":
			st = append(st, lit(token.CHAR))
		case "string":
			st = append(st, lit(token.STRING))
		case "str":
			b, _ := hex.DecodeString(arg)
			st = append(st, constant.MakeString(string(b)))
		case "i64":
			n, _ := strconv.ParseInt(arg, 10, 64)
			st = append(st, constant.MakeInt64(n))
		case "u64":
			n, _ := strconv.ParseUint(arg, 10, 64)
			st = append(st, constant.MakeUint64(n))
		case "f64":
			n, _ := strconv.ParseUint(arg, 16, 64)
			st = append(st, constant.MakeFloat64(math.Float64frombits(n)))
		case "unknown":
			st = append(st, constant.MakeUnknown())
		case "true", "false":
			st = append(st, constant.MakeBool(name == "true"))
		case "+", "-", "*", "/", "quo", "%", "&", "|", "^", "&^", "&&", "||":
			y, x := pop(), pop()
			st = append(st, constant.BinaryOp(x, binTok[name], y))
		case "==", "!=", "<", "<=", ">", ">=":
			y, x := pop(), pop()
			st = append(st, constant.MakeBool(constant.Compare(x, cmpTok[name], y)))
		case "pos", "neg", "not":
			st = append(st, constant.UnaryOp(map[string]token.Token{"pos": token.ADD, "neg": token.SUB, "not": token.NOT}[name], pop(), 0))
		case "cpl":
			p, _ := strconv.ParseUint(arg, 10, 32)
			st = append(st, constant.UnaryOp(token.XOR, pop(), uint(p)))
		case "shl", "shr":
			s, _ := strconv.ParseUint(arg, 10, 32)
			op := token.SHL
			if name == "shr" {
				op = token.SHR
			}
			st = append(st, constant.Shift(pop(), op, uint(s)))
		case "toint":
			st = append(st, constant.ToInt(pop()))
		case "tofloat":
			st = append(st, constant.ToFloat(pop()))
		case "tocomplex":
			st = append(st, constant.ToComplex(pop()))
		case "realpart":
			st = append(st, constant.Real(pop()))
		case "imagpart":
			st = append(st, constant.Imag(pop()))
		case "num":
			st = append(st, constant.Num(pop()))
		case "denom":
			st = append(st, constant.Denom(pop()))
		case "makeimag":
			st = append(st, constant.MakeImag(pop()))
		case "bytes":
			st = append(st, constant.MakeFromBytes(constant.Bytes(pop())))
		default:
			panic("bad token " + tok)
		}
	}
	return describe(pop())
}

var binTok = map[string]token.Token{
	"+": token.ADD, "-": token.SUB, "*": token.MUL, "/": token.QUO, "quo": token.QUO_ASSIGN,
	"%": token.REM, "&": token.AND, "|": token.OR, "^": token.XOR, "&^": token.AND_NOT,
	"&&": token.LAND, "||": token.LOR,
}

var cmpTok = map[string]token.Token{
	"==": token.EQL, "!=": token.NEQ, "<": token.LSS, "<=": token.LEQ, ">": token.GTR, ">=": token.GEQ,
}

// describe prints x's kind, String(), ExactString() and the accessors
// that apply to its kind.
func describe(x constant.Value) string {
	s := fmt.Sprintf("%s|%s|%s", x.Kind(), x.String(), x.ExactString())
	switch x.Kind() {
	case constant.Int:
		i, ie := constant.Int64Val(x)
		u, ue := constant.Uint64Val(x)
		s += fmt.Sprintf("|i64=%d,%t|u64=%d,%t|bitlen=%d|bytes=%x", i, ie, u, ue, constant.BitLen(x), constant.Bytes(x))
		s += floats(x)
	case constant.Float:
		s += floats(x)
		s += fmt.Sprintf("|toint=%s|num=%s|denom=%s", constant.ToInt(x).ExactString(), constant.Num(x).ExactString(), constant.Denom(x).ExactString())
	case constant.Complex:
		s += fmt.Sprintf("|sign=%d|tofloat=%s|toint=%s", constant.Sign(x), constant.ToFloat(x).ExactString(), constant.ToInt(x).ExactString())
	case constant.String:
		s += fmt.Sprintf("|len=%d", constant.StringLen(x))
	case constant.Bool:
		s += fmt.Sprintf("|%t", constant.BoolVal(x))
	}
	return s
}

func floats(x constant.Value) string {
	f, fe := constant.Float64Val(x)
	g, ge := constant.Float32Val(x)
	return fmt.Sprintf("|f64=%x,%t|f32=%x,%t|sign=%d", math.Float64bits(f), fe, math.Float32bits(g), ge, constant.Sign(x))
}
