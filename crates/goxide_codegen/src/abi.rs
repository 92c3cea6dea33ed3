//! Values and signatures at the machine level, as goxide_runtime's
//! contract ("Calling conventions", "Flattening") fixes them: a Go value
//! is one Cranelift value per scalar (`bool` → I8, an integer → its
//! width, a string → (ptr I64, len I64), a pointer → I64); Go functions
//! use `CallConv::Tail` with `g` as the `VMContext` parameter first;
//! runtime entry points use the platform C ABI with `g` first and
//! narrow arguments extended (`bool` zero-extended).
//!
//! Invariant: [`flatten`] and [`field_offsets`] agree (the n-th flattened
//! scalar lives at the n-th offset in memory, gc's layout).

use cranelift_codegen::ir::{types, AbiParam, ArgumentPurpose, Signature, Type};
use cranelift_codegen::isa::CallConv;
use goxide_ir::ir::RuntimeFunc;
use goxide_ir::repr::{repr_of, Repr};
use goxide_types::types::TypeId;

use crate::CodegenError;

/// The Cranelift scalars of a value of Go type `t` (never a struct or
/// array: the IR keeps those in memory).
pub fn flatten(t: TypeId) -> Result<Vec<Type>, CodegenError> {
    Ok(match repr_of(t) {
        Some(Repr::Bool) => vec![types::I8],
        Some(Repr::Int { bits, .. }) => vec![int_type(bits)],
        Some(Repr::Float { bits: 32 }) => vec![types::F32],
        Some(Repr::Float { .. }) => vec![types::F64],
        Some(Repr::Complex { bits: 64 }) => vec![types::F32, types::F32],
        Some(Repr::Complex { .. }) => vec![types::F64, types::F64],
        Some(Repr::String | Repr::Interface { .. }) => vec![types::I64, types::I64],
        Some(Repr::Slice) => vec![types::I64, types::I64, types::I64],
        Some(Repr::Pointer) => vec![types::I64],
        Some(Repr::Memory) | None => {
            return Err(CodegenError(format!(
                "no machine representation for type {}",
                goxide_types::typestring::type_string(t, &|_| String::new())
            )));
        }
    })
}

/// The byte offset of each flattened scalar in memory (gc's layout).
pub fn field_offsets(t: TypeId) -> Result<Vec<i32>, CodegenError> {
    Ok(match repr_of(t) {
        Some(Repr::Complex { bits: 64 }) => vec![0, 4],
        Some(Repr::Complex { .. } | Repr::String | Repr::Interface { .. }) => vec![0, 8],
        Some(Repr::Slice) => vec![0, 8, 16],
        _ => {
            flatten(t)?;
            vec![0]
        }
    })
}

/// A value's C-ABI parameters: its scalars, narrow integers and bools
/// extended to 32 bits by their signedness (the contract's rule).
pub fn c_params(t: TypeId) -> Result<Vec<AbiParam>, CodegenError> {
    let ext_signed = matches!(repr_of(t), Some(Repr::Int { signed: true, .. }));
    Ok(flatten(t)?
        .into_iter()
        .map(|ty| {
            let p = AbiParam::new(ty);
            if ty.is_int() && ty.bits() < 32 {
                if ext_signed { p.sext() } else { p.uext() }
            } else {
                p
            }
        })
        .collect())
}

pub fn int_type(bits: u8) -> Type {
    match bits {
        8 => types::I8,
        16 => types::I16,
        32 => types::I32,
        _ => types::I64,
    }
}

/// A Go function's signature: `tail`, `g` first, then the flattened
/// parameters; the flattened results.
pub fn go_signature(params: &[TypeId], results: &[TypeId]) -> Result<Signature, CodegenError> {
    let mut sig = Signature::new(CallConv::Tail);
    sig.params.push(AbiParam::special(types::I64, ArgumentPurpose::VMContext));
    for &p in params {
        sig.params.extend(flatten(p)?.into_iter().map(AbiParam::new));
    }
    for &r in results {
        sig.returns.extend(flatten(r)?.into_iter().map(AbiParam::new));
    }
    Ok(sig)
}

/// A runtime entry point the compiler calls: one of the IR's, or the
/// failure paths of inline checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuntimeEntry {
    Ir(RuntimeFunc),
    PanicDivide,
    PanicShift,
    /// `cmpstring(a, b string) int`.
    CmpString,
}

impl RuntimeEntry {
    /// The symbol (`goxide_rt_` + gc's runtime function name).
    pub fn symbol(self) -> String {
        let name = match self {
            RuntimeEntry::Ir(f) => f.name(),
            RuntimeEntry::PanicDivide => "panicdivide",
            RuntimeEntry::PanicShift => "panicshift",
            RuntimeEntry::CmpString => "cmpstring",
        };
        format!("goxide_rt_{name}")
    }

    /// The C signature of the fixed entries, `g` first; the IR's entries
    /// take their signature from the call's values ([`runtime_signature`]).
    pub fn fixed_signature(self, call_conv: CallConv) -> Option<Signature> {
        let mut sig = Signature::new(call_conv);
        let i64p = AbiParam::new(types::I64);
        sig.params.push(i64p);
        match self {
            RuntimeEntry::Ir(_) => return None,
            RuntimeEntry::PanicDivide | RuntimeEntry::PanicShift => {}
            RuntimeEntry::CmpString => {
                sig.params.extend([i64p; 4]);
                sig.returns.push(i64p);
            }
        }
        Some(sig)
    }
}

/// The C signature of a runtime call with Go-typed arguments `args` and
/// results `results`: `g`, then the flattened, extended arguments.
pub fn runtime_signature(call_conv: CallConv, args: &[TypeId], results: &[TypeId]) -> Result<Signature, CodegenError> {
    let mut sig = Signature::new(call_conv);
    sig.params.push(AbiParam::new(types::I64));
    for &a in args {
        sig.params.extend(c_params(a)?);
    }
    for &r in results {
        sig.returns.extend(c_params(r)?);
    }
    Ok(sig)
}

#[cfg(test)]
mod tests {
    use super::*;
    use goxide_types::types::{table, BasicKind};

    #[test]
    fn flattening_is_the_contracts() {
        let t = |k| table().basic(k);
        assert_eq!(flatten(t(BasicKind::Bool)).unwrap(), [types::I8]);
        assert_eq!(flatten(t(BasicKind::Int16)).unwrap(), [types::I16]);
        assert_eq!(flatten(t(BasicKind::Uint)).unwrap(), [types::I64]);
        assert_eq!(flatten(t(BasicKind::String)).unwrap(), [types::I64, types::I64]);
        assert_eq!(field_offsets(t(BasicKind::String)).unwrap(), [0, 8]);
        assert_eq!(flatten(t(BasicKind::Float64)).unwrap(), [types::F64]);
        assert_eq!(field_offsets(t(BasicKind::Complex64)).unwrap(), [0, 4]);
        let arr = table().intern(goxide_types::types::Type::Array { len: 2, elem: t(BasicKind::Int) });
        assert!(flatten(arr).is_err());
        let sig = go_signature(&[t(BasicKind::String), t(BasicKind::Int8)], &[t(BasicKind::Bool)]).unwrap();
        assert_eq!(sig.call_conv, CallConv::Tail);
        assert_eq!(sig.params.len(), 4);
        assert_eq!(sig.params[0].purpose, ArgumentPurpose::VMContext);
        assert_eq!(sig.returns.len(), 1);
        let rt = RuntimeEntry::Ir(RuntimeFunc::PrintBool);
        assert_eq!(rt.symbol(), "goxide_rt_printbool");
        let sig = runtime_signature(CallConv::SystemV, &[t(BasicKind::Bool)], &[]).unwrap();
        assert_eq!(sig.params[1], AbiParam::new(types::I8).uext());
        let sig = runtime_signature(CallConv::SystemV, &[t(BasicKind::Int8)], &[]).unwrap();
        assert_eq!(sig.params[1], AbiParam::new(types::I8).sext());
    }
}
