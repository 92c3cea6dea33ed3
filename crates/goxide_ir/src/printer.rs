//! The IR as text, in Cranelift's style: one function per `func` block,
//! each block with its typed parameters, one instruction per line with
//! its results on the left, types as Go prints them (types2's
//! `typestring`, unqualified). Used by tests and by `GOXIDE_DUMP_IR`-style
//! debugging; the text is not parsed back.
//!
//! ```text
//! func main.add(v0: int, v1: int) (int) {
//! block0(v0: int, v1: int):
//!     v2 = add v0, v1
//!     return v2
//! }
//! ```
//!
//! Invariant: printing never fails on an ill-formed function (a dangling
//! id prints as itself), so the verifier's errors can show it.

use std::fmt::Write as _;

use goxide_types::types::TypeId;
use goxide_types::typestring::type_string;

use crate::ir::*;

fn ty(t: TypeId) -> String {
    type_string(t, &|_| String::new())
}

fn values(vs: &[Value]) -> String {
    vs.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ")
}

fn block_call(bc: &BlockCall) -> String {
    if bc.args.is_empty() { bc.block.to_string() } else { format!("{}({})", bc.block, values(&bc.args)) }
}

/// Escapes a string constant as a Go string literal (bytes ≥ 0x80 and
/// control bytes as `\xNN`).
fn quote_bytes(b: &[u8]) -> String {
    let mut s = String::from("\"");
    for &c in b {
        match c {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\t' => s.push_str("\\t"),
            0x20..=0x7e => s.push(c as char),
            _ => {
                let _ = write!(s, "\\x{c:02x}");
            }
        }
    }
    s.push('"');
    s
}

/// One instruction's right-hand side.
pub fn inst_text(f: &Function, inst: Inst, pkg: Option<&Package>) -> String {
    let Some(data) = f.insts.get(inst.index()) else { return format!("<bad {inst}>") };
    let func_name = |id: FuncId| match pkg.and_then(|p| p.funcs.get(id.index())) {
        Some(callee) => callee.name.clone(),
        None => id.to_string(),
    };
    match &data.kind {
        InstKind::Const(Const::Int(v)) => format!("iconst {v}"),
        InstKind::Const(Const::Bool(b)) => format!("bconst {b}"),
        InstKind::Const(Const::String(s)) => format!("sconst {}", quote_bytes(s)),
        InstKind::Const(Const::Float(b)) => format!("fconst {}", f64::from_bits(*b)),
        InstKind::Const(Const::Complex(re, im)) => format!("cconst ({}, {})", f64::from_bits(*re), f64::from_bits(*im)),
        InstKind::Const(Const::Zero) => "zero".into(),
        InstKind::Extract { arg, n } => format!("extract {arg}.{n}"),
        InstKind::Compose { parts } => format!("compose ({})", values(parts)),
        InstKind::CallIndirect { code, args } => format!("call_indirect {code}({})", values(args)),
        InstKind::FuncAddr { func } => format!("func_addr {}", func_name(*func)),
        InstKind::StaticClosure { func } => format!("static_closure {}", func_name(*func)),
        InstKind::TypeDesc { ty: t } => format!("type_desc {}", ty(*t)),
        InstKind::ItabAddr { itab } => format!("itab_addr {itab}"),
        InstKind::FramePointer => "frame_pointer".into(),
        InstKind::Alloca { ty: t } => format!("alloca {}", ty(*t)),
        InstKind::New { ty: t } => format!("new {}", ty(*t)),
        InstKind::Zero { addr } => format!("zero {addr}"),
        InstKind::Copy { dst, src } => format!("copy {dst}, {src}"),
        InstKind::CopyElems { dst, src, count } => format!("copy_elems {dst}, {src}, {count}"),
        InstKind::ZeroElems { base, count } => format!("zero_elems {base}, {count}"),
        InstKind::FieldAddr { base, field } => format!("field_addr {base}.{field}"),
        InstKind::ElemAddr { base, index } => format!("elem_addr {base}[{index}]"),
        InstKind::NilCheck { ptr } => format!("nil_check {ptr}"),
        InstKind::NilCheckField { ptr, field } => format!("nil_check {ptr}.{field}"),
        InstKind::BoundsCheck { kind, index, len } => format!("bounds_check.{kind:?} {index}, {len}"),
        InstKind::Unary { op, arg } => format!("{} {arg}", format!("{op:?}").to_lowercase()),
        InstKind::Binary { op, lhs, rhs } => format!("{} {lhs}, {rhs}", format!("{op:?}").to_lowercase()),
        InstKind::Compare { op, lhs, rhs } => format!("cmp.{} {lhs}, {rhs}", format!("{op:?}").to_lowercase()),
        InstKind::Convert { arg } => format!("convert {arg}"),
        InstKind::StringLen { arg } => format!("strlen {arg}"),
        InstKind::Call { callee, args } => format!("call {}({})", func_name(*callee), values(args)),
        InstKind::RuntimeCall { func, args } => format!("rtcall {}({})", func.name(), values(args)),
        InstKind::GlobalAddr { global } => match pkg.and_then(|p| p.globals.get(global.index())) {
            Some(g) => format!("global_addr {}", g.name),
            None => format!("global_addr {global}"),
        },
        InstKind::Load { addr } => format!("load {addr}"),
        InstKind::Store { addr, value } => format!("store {addr}, {value}"),
        InstKind::Jump { dest } => format!("jump {}", block_call(dest)),
        InstKind::Branch { cond, then_dest, else_dest } => {
            format!("branch {cond}, {}, {}", block_call(then_dest), block_call(else_dest))
        }
        InstKind::Return { values: vs } => {
            if vs.is_empty() { "return".into() } else { format!("return {}", values(vs)) }
        }
        InstKind::Unreachable => "unreachable".into(),
    }
}

/// The function as text; `pkg` names callees and globals.
pub fn function_text(f: &Function, pkg: Option<&Package>) -> String {
    let mut out = String::new();
    let params: Vec<String> = match f.blocks.first() {
        Some(entry) => entry.params.iter().map(|&v| format!("{v}: {}", value_ty(f, v))).collect(),
        None => f.params.iter().map(|&t| ty(t)).collect(),
    };
    let results: Vec<String> = f.results.iter().map(|&t| ty(t)).collect();
    let _ = write!(out, "func {}({})", f.name, params.join(", "));
    if !results.is_empty() {
        let _ = write!(out, " ({})", results.join(", "));
    }
    out.push_str(" {\n");
    for (i, b) in f.blocks.iter().enumerate() {
        let id = BlockId::new(i);
        if b.params.is_empty() {
            let _ = writeln!(out, "{id}:");
        } else {
            let ps: Vec<String> = b.params.iter().map(|&v| format!("{v}: {}", value_ty(f, v))).collect();
            let _ = writeln!(out, "{id}({}):", ps.join(", "));
        }
        for &inst in &b.insts {
            let rhs = inst_text(f, inst, pkg);
            match f.insts.get(inst.index()).map(|d| d.results.as_slice()) {
                Some(rs) if !rs.is_empty() => {
                    let _ = writeln!(out, "    {} = {rhs}", values(rs));
                }
                _ => {
                    let _ = writeln!(out, "    {rhs}");
                }
            }
        }
    }
    out.push_str("}\n");
    out
}

fn value_ty(f: &Function, v: Value) -> String {
    match f.values.get(v.index()) {
        Some(d) => ty(d.ty),
        None => "?".into(),
    }
}

/// The package as text: its globals, then its functions, then its
/// initialisers and main.
pub fn package_text(p: &Package) -> String {
    let mut out = String::new();
    for g in &p.globals {
        let _ = writeln!(out, "var {} {}", g.name, ty(g.ty));
    }
    for f in &p.funcs {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&function_text(f, Some(p)));
    }
    let inits: Vec<String> = p.inits.iter().map(|&i| p.funcs.get(i.index()).map_or(i.to_string(), |f| f.name.clone())).collect();
    let _ = writeln!(out, "\ninits [{}]", inits.join(", "));
    if let Some(m) = p.main {
        let _ = writeln!(out, "main {}", p.funcs.get(m.index()).map_or(m.to_string(), |f| f.name.clone()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repr::basic;
    use goxide_types::types::BasicKind;

    #[test]
    fn prints_blocks_params_and_calls() {
        let int = basic(BasicKind::Int);
        let mut f = Function::new("main.add".into(), vec![int, int], vec![int], None);
        let [a, b] = [f.blocks[0].params[0], f.blocks[0].params[1]];
        let sum = f.append_inst(Function::ENTRY, InstKind::Binary { op: BinaryOp::Add, lhs: a, rhs: b }, &[int], None);
        let s = f.insts[sum.index()].results[0];
        f.append_inst(Function::ENTRY, InstKind::Return { values: vec![s] }, &[], None);
        assert_eq!(
            function_text(&f, None),
            "func main.add(v0: int, v1: int) (int) {\nblock0(v0: int, v1: int):\n    v2 = add v0, v1\n    return v2\n}\n"
        );
        assert_eq!(quote_bytes(b"a\"\n\xff"), "\"a\\\"\\n\\xff\"");
    }
}
