//! The order in which package-level variables are initialised: the
//! checker's (`Info::init_order`, types2's `initOrder`: the spec's
//! "earliest variable ready for initialisation", dependencies through
//! function bodies included), mapped onto the builder's initialisers.
//!
//! Invariant: every initialiser is emitted exactly once; one the checker's
//! order does not mention (which would be a checker bug) follows in
//! declaration order rather than being lost.

use super::{PkgCtx, VarInit};

/// The indices of `inits` in initialisation order.
pub(super) fn order(ctx: &PkgCtx, inits: &[VarInit]) -> Vec<usize> {
    let mut done = vec![false; inits.len()];
    let mut out = Vec::with_capacity(inits.len());
    for lhs in &ctx.input.info.init_order {
        let Some(first) = lhs.first() else { continue };
        if let Some(i) = inits.iter().position(|v| v.objs.contains(first))
            && !done[i]
        {
            done[i] = true;
            out.push(i);
        }
    }
    out.extend((0..inits.len()).filter(|&i| !done[i]));
    out
}
