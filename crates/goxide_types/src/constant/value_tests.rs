//! The tables and tests of Go's `go/constant/value_test.go` (Go 1.27.3),
//! ported one for one: `TestNumbers` (intTests, floatTests, imagTests),
//! `TestOps` (opTests, with Go's panic messages as string results),
//! `TestString`, `TestStringLen`, `TestFractions`, `TestBytes`,
//! `TestUnknown`, `TestMakeFloat64`, `TestMake`, `TestBitLen`, and the
//! `BenchmarkStringAdd` workload as a functional test. The helpers `val`,
//! `optab`, `doOp` and `eql` are Go's.

use goxide_syntax::token::LitKind;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::One;

use super::*;

const INT_TESTS: &[&str] = &[
    // 0-octals
    "0_123 = 0123",
    "0123_456 = 0123456",
    // decimals
    "1_234 = 1234",
    "1_234_567 = 1234567",
    // hexadecimals
    "0X_0 = 0",
    "0X_1234 = 0x1234",
    "0X_CAFE_f00d = 0xcafef00d",
    // octals
    "0o0 = 0",
    "0o1234 = 01234",
    "0o01234567 = 01234567",
    "0O0 = 0",
    "0O1234 = 01234",
    "0O01234567 = 01234567",
    "0o_0 = 0",
    "0o_1234 = 01234",
    "0o0123_4567 = 01234567",
    "0O_0 = 0",
    "0O_1234 = 01234",
    "0O0123_4567 = 01234567",
    // binaries
    "0b0 = 0",
    "0b1011 = 0xb",
    "0b00101101 = 0x2d",
    "0B0 = 0",
    "0B1011 = 0xb",
    "0B00101101 = 0x2d",
    "0b_0 = 0",
    "0b10_11 = 0xb",
    "0b_0010_1101 = 0x2d",
];

// The RHS operand may be a floating-point quotient n/d of two integer values n and d.
const FLOAT_TESTS: &[&str] = &[
    // decimal floats
    "1_2_3. = 123.",
    "0_123. = 123.",
    "0_0e0 = 0.",
    "1_2_3e0 = 123.",
    "0_123e0 = 123.",
    "0e-0_0 = 0.",
    "1_2_3E+0 = 123.",
    "0123E1_2_3 = 123e123",
    "0.e+1 = 0.",
    "123.E-1_0 = 123e-10",
    "01_23.e123 = 123e123",
    ".0e-1 = .0",
    ".123E+10 = .123e10",
    ".0123E123 = .0123e123",
    "1_2_3.123 = 123.123",
    "0123.01_23 = 123.0123",
    "1e-1000000000 = 0",
    "1e+1000000000 = ?",
    "6e5518446744 = ?",
    "-6e5518446744 = ?",
    // hexadecimal floats
    "0x0.p+0 = 0.",
    "0Xdeadcafe.p-10 = 0xdeadcafe/1024",
    "0x1234.P84 = 0x1234000000000000000000000",
    "0x.1p-0 = 1/16",
    "0X.deadcafep4 = 0xdeadcafe/0x10000000",
    "0x.1234P+12 = 0x1234/0x10",
    "0x0p0 = 0.",
    "0Xdeadcafep+1 = 0x1bd5b95fc",
    "0x1234P-10 = 0x1234/1024",
    "0x0.0p0 = 0.",
    "0Xdead.cafep+1 = 0x1bd5b95fc/0x10000",
    "0x12.34P-10 = 0x1234/0x40000",
    "0Xdead_cafep+1 = 0xdeadcafep+1",
    "0x_1234P-10 = 0x1234p-10",
    "0X_dead_cafe.p-10 = 0xdeadcafe.p-10",
    "0x12_34.P1_2_3 = 0x1234.p123",
];

const IMAG_TESTS: &[&str] = &[
    "1_234i = 1234i",
    "1_234_567i = 1234567i",
    "0.i = 0i",
    "123.i = 123i",
    "0123.i = 123i",
    "0.e+1i = 0i",
    "123.E-1_0i = 123e-10i",
    "01_23.e123i = 123e123i",
    "1e-1000000000i = 0i",
    "1e+1000000000i = ?",
    "6e5518446744i = ?",
    "-6e5518446744i = ?",
];

fn test_numbers(kind: LitKind, tests: &[&str]) -> Vec<String> {
    let mut errors = Vec::new();
    for test in tests {
        let (lhs, rhs) = test.split_once(" = ").expect("invalid test case");
        let x = make_from_literal(lhs, kind);
        let y = if rhs == "?" {
            make_unknown()
        } else {
            let y = match rhs.split_once('/') {
                Some((ns, ds)) if kind == LitKind::Float => {
                    let n = make_from_literal(ns, LitKind::Int);
                    let d = make_from_literal(ds, LitKind::Int);
                    binary_op(&n, BinOp::Quo, &d)
                }
                _ => make_from_literal(rhs, kind),
            };
            assert_ne!(y.kind(), Kind::Unknown, "invalid test case: {test}");
            y
        };
        if x.kind() != y.kind() {
            errors.push(format!("{test}: got kind {} != {}", x.kind(), y.kind()));
            continue;
        }
        if y.kind() == Kind::Unknown {
            continue;
        }
        if !compare(&x, CmpOp::Eql, &y) {
            errors.push(format!("{test}: {x} != {y}"));
        }
    }
    errors
}

#[test]
fn numbers() {
    let mut errors = test_numbers(LitKind::Int, INT_TESTS);
    errors.extend(test_numbers(LitKind::Float, FLOAT_TESTS));
    errors.extend(test_numbers(LitKind::Imag, IMAG_TESTS));
    assert!(errors.is_empty(), "{errors:#?}");
}

const OP_TESTS: &[&str] = &[
    // unary operations
    "+ 0 = 0",
    "+ ? = ?",
    "- 1 = -1",
    "- ? = ?",
    "^ 0 = -1",
    "^ ? = ?",
    "! true = false",
    "! false = true",
    "! ? = ?",
    // binary operations
    r#""" + "" = """#,
    r#""foo" + "" = "foo""#,
    r#""" + "bar" = "bar""#,
    r#""foo" + "bar" = "foobar""#,
    "0 + 0 = 0",
    "0 + 0.1 = 0.1",
    "0 + 0.1i = 0.1i",
    "0.1 + 0.9 = 1",
    "1e100 + 1e100 = 2e100",
    "? + 0 = ?",
    "0 + ? = ?",
    "0 - 0 = 0",
    "0 - 0.1 = -0.1",
    "0 - 0.1i = -0.1i",
    "1e100 - 1e100 = 0",
    "? - 0 = ?",
    "0 - ? = ?",
    "0 * 0 = 0",
    "1 * 0.1 = 0.1",
    "1 * 0.1i = 0.1i",
    "1i * 1i = -1",
    "? * 0 = ?",
    "0 * ? = ?",
    "0 * 1e+1000000000 = ?",
    r#"0 / 0 = "division_by_zero""#,
    "10 / 2 = 5",
    "5 / 3 = 5/3",
    "5i / 3i = 5/3",
    "? / 0 = ?",
    "0 / ? = ?",
    "0 * 1e+1000000000i = ?",
    r#"0 % 0 = "runtime_error:_integer_divide_by_zero""#,
    "10 % 3 = 1",
    "? % 0 = ?",
    "0 % ? = ?",
    "0 & 0 = 0",
    "12345 & 0 = 0",
    "0xff & 0xf = 0xf",
    "? & 0 = ?",
    "0 & ? = ?",
    "0 | 0 = 0",
    "12345 | 0 = 12345",
    "0xb | 0xa0 = 0xab",
    "? | 0 = ?",
    "0 | ? = ?",
    "0 ^ 0 = 0",
    "1 ^ -1 = -2",
    "? ^ 0 = ?",
    "0 ^ ? = ?",
    "0 &^ 0 = 0",
    "0xf &^ 1 = 0xe",
    "1 &^ 0xf = 0",
    // shifts
    "0 << 0 = 0",
    "1 << 10 = 1024",
    "0 >> 0 = 0",
    "1024 >> 10 == 1",
    "? << 0 == ?",
    "? >> 10 == ?",
    // comparisons
    "false == false = true",
    "false == true = false",
    "true == false = false",
    "true == true = true",
    "false != false = false",
    "false != true = true",
    "true != false = true",
    "true != true = false",
    r#""foo" == "bar" = false"#,
    r#""foo" != "bar" = true"#,
    r#""foo" < "bar" = false"#,
    r#""foo" <= "bar" = false"#,
    r#""foo" > "bar" = true"#,
    r#""foo" >= "bar" = true"#,
    "0 == 0 = true",
    "0 != 0 = false",
    "0 < 10 = true",
    "10 <= 10 = true",
    "0 > 10 = false",
    "10 >= 10 = true",
    "1/123456789 == 1/123456789 == true",
    "1/123456789 != 1/123456789 == false",
    "1/123456789 < 1/123456788 == true",
    "1/123456788 <= 1/123456789 == false",
    "0.11 > 0.11 = false",
    "0.11 >= 0.11 = true",
    "? == 0 = false",
    "? != 0 = false",
    "? < 10 = false",
    "? <= 10 = false",
    "? > 10 = false",
    "? >= 10 = false",
    "0 == ? = false",
    "0 != ? = false",
    "0 < ? = false",
    "10 <= ? = false",
    "0 > ? = false",
    "10 >= ? = false",
];

/// Go's `optab` entries, as the operator kinds of this port.
#[derive(Clone, Copy)]
enum TestOp {
    Unary(UnaryOp),
    Binary(BinOp),
    Shift(ShiftOp),
    Cmp(CmpOp),
}

fn optab(s: &str, binary: bool) -> TestOp {
    match (s, binary) {
        ("!", _) => TestOp::Unary(UnaryOp::Not),
        ("+", false) => TestOp::Unary(UnaryOp::Pos),
        ("-", false) => TestOp::Unary(UnaryOp::Neg),
        ("^", false) => TestOp::Unary(UnaryOp::Xor),
        ("+", true) => TestOp::Binary(BinOp::Add),
        ("-", true) => TestOp::Binary(BinOp::Sub),
        ("*", _) => TestOp::Binary(BinOp::Mul),
        ("/", _) => TestOp::Binary(BinOp::Quo),
        ("%", _) => TestOp::Binary(BinOp::Rem),
        ("<<", _) => TestOp::Shift(ShiftOp::Shl),
        (">>", _) => TestOp::Shift(ShiftOp::Shr),
        ("&", _) => TestOp::Binary(BinOp::And),
        ("|", _) => TestOp::Binary(BinOp::Or),
        ("^", true) => TestOp::Binary(BinOp::Xor),
        ("&^", _) => TestOp::Binary(BinOp::AndNot),
        ("==", _) => TestOp::Cmp(CmpOp::Eql),
        ("!=", _) => TestOp::Cmp(CmpOp::Neq),
        ("<", _) => TestOp::Cmp(CmpOp::Lss),
        ("<=", _) => TestOp::Cmp(CmpOp::Leq),
        (">", _) => TestOp::Cmp(CmpOp::Gtr),
        (">=", _) => TestOp::Cmp(CmpOp::Geq),
        _ => panic!("missing optab entry for {s}"),
    }
}

/// Go's test helper `val`.
fn val(lit: &str) -> Value {
    if lit.is_empty() {
        return make_unknown();
    }
    match lit {
        "?" => return make_unknown(),
        "true" => return make_bool(true),
        "false" => return make_bool(false),
        _ => {}
    }
    if let Some((a, b)) = lit.split_once('/') {
        let a = make_from_literal(a, LitKind::Int);
        let b = make_from_literal(b, LitKind::Int);
        return binary_op(&a, BinOp::Quo, &b);
    }
    let (first, last) = (lit.as_bytes()[0], lit.as_bytes()[lit.len() - 1]);
    let (kind, lit) = if first == b'"' || first == b'`' {
        (LitKind::String, lit.replace('_', " "))
    } else if first == b'\'' {
        (LitKind::Rune, lit.to_string())
    } else if last == b'i' {
        (LitKind::Imag, lit.to_string())
    } else if !lit.starts_with("0x") && lit.contains(['.', '/', 'E', 'e']) {
        (LitKind::Float, lit.to_string())
    } else {
        (LitKind::Int, lit.to_string())
    };
    make_from_literal(lit, kind)
}

/// Go's `doOp`, with its panic handler turning panics into String values.
fn do_op(x: Option<&Value>, op: TestOp, y: &Value) -> Value {
    let r = match (x, op) {
        (None, TestOp::Unary(op)) => try_unary_op(op, y, 0),
        (Some(x), TestOp::Cmp(op)) => try_compare(x, op, y).map(make_bool),
        (Some(x), TestOp::Shift(op)) => try_shift(x, op, y.int64_val().0 as u32),
        (Some(x), TestOp::Binary(op)) => try_binary_op(x, op, y),
        _ => panic!("operator/arity mismatch"),
    };
    r.unwrap_or_else(|e| make_string(e.to_string()))
}

/// Go's `eql`.
fn eql(x: &Value, y: &Value) -> bool {
    let (ux, uy) = (x.kind() == Kind::Unknown, y.kind() == Kind::Unknown);
    if ux || uy {
        return ux == uy;
    }
    compare(x, CmpOp::Eql, y)
}

#[test]
fn ops() {
    let mut errors = Vec::new();
    for test in OP_TESTS {
        let a: Vec<&str> = test.split(' ').collect();
        let (x, i) = match a.len() {
            4 => (None, 0),
            5 => (Some(val(a[0])), 1),
            _ => panic!("invalid test case: {test}"),
        };
        let op = optab(a[i], x.is_some());
        let y = val(a[i + 1]);
        let (x0, y0) = (x.clone(), y.clone());
        let got = do_op(x.as_ref(), op, &y);
        let want = val(a[i + 3]);
        if !eql(&got, &want) {
            errors.push(format!("{test}: got {got}; want {want}"));
            continue;
        }
        if let (Some(x), Some(x0)) = (&x, &x0) {
            assert!(eql(x, x0), "{test}: x changed");
        }
        assert!(eql(&y, &y0), "{test}: y changed");
    }
    assert!(errors.is_empty(), "{errors:#?}");
}

const ISSUE14262: &str = "\"بموجب الشروط التالية نسب المصنف — يجب عليك أن تنسب العمل بالطريقة التي تحددها المؤلف أو المرخص (ولكن ليس بأي حال من الأحوال أن توحي وتقترح بتحول أو استخدامك للعمل).  المشاركة على قدم المساواة — إذا كنت يعدل ، والتغيير ، أو الاستفادة من هذا العمل ، قد ينتج عن توزيع العمل إلا في ظل تشابه او تطابق فى واحد لهذا الترخيص.\"";

#[test]
fn string() {
    let xxx = "x".repeat(68);
    let q = |s: &str| format!("\"{s}\"");
    let tests: Vec<(String, String, String)> = vec![
        // Unknown
        ("".into(), "unknown".into(), "unknown".into()),
        ("0x".into(), "unknown".into(), "unknown".into()),
        ("'".into(), "unknown".into(), "unknown".into()),
        ("1f0".into(), "unknown".into(), "unknown".into()),
        ("unknown".into(), "unknown".into(), "unknown".into()),
        // Bool
        ("true".into(), "true".into(), "true".into()),
        ("false".into(), "false".into(), "false".into()),
        // String
        (q(""), q(""), q("")),
        (q("foo"), q("foo"), q("foo")),
        (q(&format!("{xxx}xx")), q(&format!("{xxx}xx")), q(&format!("{xxx}xx"))),
        (q(&format!("{xxx}xxx")), format!("\"{xxx}..."), q(&format!("{xxx}xxx"))),
        (q(&format!("{xxx}{xxx}xxx")), format!("\"{xxx}..."), q(&format!("{xxx}{xxx}xxx"))),
        (
            ISSUE14262.into(),
            "\"بموجب الشروط التالية نسب المصنف — يجب عليك أن تنسب العمل بالطريقة ال...".into(),
            ISSUE14262.into(),
        ),
        // Int
        ("0".into(), "0".into(), "0".into()),
        ("-1".into(), "-1".into(), "-1".into()),
        ("12345".into(), "12345".into(), "12345".into()),
        ("-12345678901234567890".into(), "-12345678901234567890".into(), "-12345678901234567890".into()),
        ("12345678901234567890".into(), "12345678901234567890".into(), "12345678901234567890".into()),
        // Float
        ("0.".into(), "0".into(), "0".into()),
        ("-0.0".into(), "0".into(), "0".into()),
        ("10.0".into(), "10".into(), "10".into()),
        ("2.1".into(), "2.1".into(), "21/10".into()),
        ("-2.1".into(), "-2.1".into(), "-21/10".into()),
        ("1e9999".into(), "1e+9999".into(), "0x.f8d4a9da224650a8cb2959e10d985ad92adbd44c62917e608b1f24c0e1b76b6f61edffeb15c135a4b601637315f7662f325f82325422b244286a07663c9415d2p+33216".into()),
        ("1e-9999".into(), "1e-9999".into(), "0x.83b01ba6d8c0425eec1b21e96f7742d63c2653ed0a024cf8a2f9686df578d7b07d7a83d84df6a2ec70a921d1f6cd5574893a7eda4d28ee719e13a5dce2700759p-33215".into()),
        ("2.71828182845904523536028747135266249775724709369995957496696763".into(), "2.71828".into(), "271828182845904523536028747135266249775724709369995957496696763/100000000000000000000000000000000000000000000000000000000000000".into()),
        ("0e9999999999".into(), "0".into(), "0".into()), // issue #16176
        ("-6e-1886451601".into(), "0".into(), "0".into()), // issue #20228
        // Complex
        ("0i".into(), "(0 + 0i)".into(), "(0 + 0i)".into()),
        ("-0i".into(), "(0 + 0i)".into(), "(0 + 0i)".into()),
        ("10i".into(), "(0 + 10i)".into(), "(0 + 10i)".into()),
        ("-10i".into(), "(0 + -10i)".into(), "(0 + -10i)".into()),
        ("1e9999i".into(), "(0 + 1e+9999i)".into(), "(0 + 0x.f8d4a9da224650a8cb2959e10d985ad92adbd44c62917e608b1f24c0e1b76b6f61edffeb15c135a4b601637315f7662f325f82325422b244286a07663c9415d2p+33216i)".into()),
    ];
    for (input, short, exact) in tests {
        let x = val(&input);
        assert_eq!(x.to_string(), short, "{input}: short string");
        assert_eq!(x.exact_string(), exact, "{input}: exact string");
    }
}

#[test]
fn string_len() {
    let tests = [
        (make_unknown(), 0),
        (val(r#""""#), 0),
        (val(r#""foo""#), 3),
        (val(r#""世界""#), 6),
        (binary_op(&val(r#""foo""#), BinOp::Add, &val(r#""bar""#)), 6),
        (binary_op(&val(r#""世界""#), BinOp::Add, &val(r#""!""#)), 7),
        (binary_op(&val(r#""a""#), BinOp::Add, &binary_op(&val(r#""b""#), BinOp::Add, &val(r#""c""#))), 3),
    ];
    for (x, want) in tests {
        assert_eq!(x.string_len(), want, "StringLen({x})");
    }
}

#[test]
fn fractions() {
    for test in ["0", "1", "-1", "1.2", "-0.991", "2.718281828", "3.14159265358979323e-10", "1e100", "1e1000"] {
        let x = val(test);
        let q = binary_op(&x.num(), BinOp::Quo, &x.denom());
        assert_eq!(q.to_string(), x.to_string(), "{x}: quotient");
    }
}

#[test]
fn bytes() {
    for test in ["0", "1", "123456789", "123456789012345678901234567890123456789012345678901234567890"] {
        let x = val(test);
        let bytes = x.bytes();
        if x.sign() == 0 {
            assert!(bytes.is_empty(), "{test}: got {bytes:?}; want empty byte slice");
        }
        assert_ne!(bytes.last(), Some(&0), "{test}: got {bytes:?}; want no leading 0 byte");
        let got = make_from_bytes(&bytes);
        assert!(eql(&got, &x), "{test}: got {got}; want {x} (bytes = {bytes:?})");
    }
}

#[test]
fn unknown() {
    let u = make_unknown();
    let values = [
        u.clone(),
        make_bool(false), // token.ADD ok below, operation is never considered
        make_string(""),
        make_int64(1),
        make_from_literal("''", LitKind::Rune),
        make_from_literal("-1234567890123456789012345678901234567890", LitKind::Int),
        make_float64(1.2),
        make_imag(&make_float64(1.2)),
    ];
    for v in &values {
        for (x, y) in [(v, &u), (&u, v)] {
            let got = binary_op(x, BinOp::Add, y);
            assert_eq!(got.kind(), Kind::Unknown, "{x} + {y}: got {got}; want {u}");
            assert!(!compare(x, CmpOp::Eql, y), "{x} == {y}: got true; want false");
            assert!(!compare(x, CmpOp::Neq, y), "{x} != {y}: got true; want false");
        }
    }
}

#[test]
fn make_float64_values() {
    let args = [-f64::from(f32::MAX), -10.0, -0.5, -0.0, 0.0, 1.0, 10.0, 123456789.87654321e-23, 1e10, f64::MAX];
    for arg in args {
        let v = make_float64(arg);
        assert_eq!(v.kind(), Kind::Float, "{arg}: kind");
        // -0.0 is mapped to 0.0
        let (got, exact) = v.float64_val();
        assert!(exact && got.to_bits() == (arg + 0.0).to_bits(), "{arg}: got {got} (exact = {exact})");
    }
    for arg in [f64::NEG_INFINITY, f64::INFINITY] {
        assert_eq!(make_float64(arg).kind(), Kind::Unknown, "{arg}");
    }
}

#[test]
fn make_values() {
    let one_62 = BigInt::one() << 62u32;
    let one_63 = BigInt::one() << 63u32;
    let two = BigFloat::from_i64(2, 53);
    let third = BigRational::new(BigInt::from(1), BigInt::from(3));
    let zero = BigFloat::zero(PREC);
    let tests: Vec<(Kind, MakeArg, ValRef)> = vec![
        (Kind::Bool, MakeArg::Bool(false), ValRef::Bool(false)),
        (Kind::String, MakeArg::String(b"hello".to_vec()), ValRef::String(std::sync::Arc::from(&b"hello"[..]))),
        (Kind::Int, MakeArg::Int64(1), ValRef::Int64(1)),
        (Kind::Int, MakeArg::BigInt(BigInt::from(10)), ValRef::Int64(10)),
        (Kind::Int, MakeArg::BigInt(one_62), ValRef::Int64(1 << 62)),
        (Kind::Int, MakeArg::BigInt(one_63.clone()), ValRef::BigInt(&one_63)),
        (Kind::Float, MakeArg::BigFloat(BigFloat::from_i64(0, 53)), ValRef::BigFloat(&zero)),
        (Kind::Float, MakeArg::BigFloat(two.clone()), ValRef::BigFloat(&two)),
        (Kind::Float, MakeArg::BigRat(third.clone()), ValRef::BigRat(&third)),
    ];
    for (kind, arg, want) in tests {
        let v = make(arg);
        assert_eq!(v.kind(), kind);
        assert_eq!(v.val(), want);
    }
}

#[test]
fn string_add() {
    // BenchmarkStringAdd's workload at its largest size, as a functional test.
    let x = make_string("x".repeat(100));
    let mut y = x.clone();
    for _ in 0..65536 - 1 {
        y = binary_op(&y, BinOp::Add, &x);
    }
    assert_eq!(y.string_len(), 65536 * 100);
    assert_eq!(y.string_val().len(), 65536 * 100);
    // A right-deep tree and a deep drop must not overflow the stack either.
    let mut z = x.clone();
    for _ in 0..200_000 {
        z = binary_op(&x, BinOp::Add, &z);
    }
    assert_eq!(z.string_len(), 200_001 * 100);
    drop(z);
}

#[test]
fn bit_len() {
    let tests: [(i64, u64); 7] =
        [(0, 0), (1, 1), (-16, 5), (1 << 61, 62), (1 << 62, 63), (-1 << 62, 63), (i64::MIN, 64)];
    for (v, want) in tests {
        assert_eq!(make_int64(v).bit_len(), want, "{v}");
    }
}

#[test]
fn no_input_panics() {
    // Random literal-like byte strings of every kind, then every operation
    // on the values they give: nothing may panic (Go panics become Err).
    let mut state: u64 = 0x5eed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    const ALPHABET: &[u8] = b"0123456789abcdefxXoObBpPeEi._+-'\\\"`uUn\r\n\xff\xe2\x82\xac";
    let kinds = [LitKind::Int, LitKind::Float, LitKind::Imag, LitKind::Rune, LitKind::String];
    let mut values = vec![make_unknown(), make_bool(true), make_string("s"), make_int64(i64::MIN), make_float64(1e300)];
    for _ in 0..20_000 {
        let len = (next() % 12) as usize;
        let lit: Vec<u8> = (0..len).map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize]).collect();
        let v = make_from_literal(&lit, kinds[(next() % 5) as usize]);
        let _ = (v.to_string(), v.exact_string());
        if v.kind() != Kind::Unknown && values.len() < 400 {
            values.push(v);
        }
    }
    let bins = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::Quo,
        BinOp::QuoInt,
        BinOp::Rem,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
        BinOp::AndNot,
        BinOp::LAnd,
        BinOp::LOr,
    ];
    for _ in 0..20_000 {
        let x = &values[(next() % values.len() as u64) as usize];
        let y = &values[(next() % values.len() as u64) as usize];
        let op = bins[(next() % bins.len() as u64) as usize];
        let z = binary_op(x, op, y);
        let _ = (
            z.to_string(),
            z.exact_string(),
            z.int64_val(),
            z.float64_val(),
            z.float32_val(),
            z.to_int(),
            z.num(),
            z.bytes(),
        );
        let _ = (
            compare(x, CmpOp::Lss, y),
            shift(x, ShiftOp::Shl, (next() % 80) as u32),
            unary_op(UnaryOp::Xor, x, (next() % 70) as u32),
        );
        let _ =
            (unary_op(UnaryOp::Neg, x, 0), unary_op(UnaryOp::Not, x, 0), x.to_complex().real(), make_imag(x).imag());
    }
}

#[test]
fn values_are_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Value>();
    // A lazily concatenated string flattened from two threads at once.
    let x = make_string("ab");
    let mut y = x.clone();
    for _ in 0..1000 {
        y = binary_op(&y, BinOp::Add, &x);
    }
    let (a, b) = (y.clone(), y.clone());
    let ta = std::thread::spawn(move || a.string_val().len());
    let tb = std::thread::spawn(move || b.string_val().len());
    assert_eq!((ta.join().unwrap(), tb.join().unwrap()), (2002, 2002));
}

#[test]
fn negation_rounds_to_prec_like_new_float() {
    // Make keeps a big.Float's own precision; -x goes through
    // newFloat().Neg(x), which rounds to 512 bits first.
    let wide = make(MakeArg::BigFloat(BigFloat::from_int(&((BigInt::one() << 600u32) + 1), 0)));
    let neg = unary_op(UnaryOp::Neg, &wide, 0);
    assert_eq!(neg.exact_string(), "-0x.8p+601");
    assert_eq!(wide.exact_string().len(), "0x.".len() + 151 + "p+601".len());
}
