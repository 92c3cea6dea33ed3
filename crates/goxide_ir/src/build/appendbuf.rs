//! gc's stack backing store for `append` (go1.25+, `ssagen`
//! `getBackingStoreInfoForAppend` and `append`): when the result of an
//! `append(x, e...)` does not escape, the append may use a 32-byte frame
//! buffer (`K = 32 / sizeof(T)` elements) as the backing array when it
//! must grow, the new length is at most `K`, the old length is 0 and the
//! buffer was not handed out yet in this call — so the capacities a
//! program observes are gc's (`cap` 4 after the first `append` to an
//! empty `[]int`, 32 for a `[]byte`).
//!
//! Which sites: gc keys a buffer by the appended-to operand (`n.Args[0]`:
//! one per variable, else one per site) and emits the buffer code only at
//! the first site of a key that qualifies in generation order
//! (`usedStatic`); later sites of the same variable always call
//! `growslice`. This takes, per key, the first site in source order whose
//! result does not escape according to [`super::escape`] (a conservative
//! escape analysis with interprocedural parameter summaries, so a slice
//! passed to a function of the package that does not leak it keeps its
//! buffer). `append(x, y...)` never uses a buffer (gc's walk rewrites it
//! to `growslice` directly).
//!
//! A site of a slice that [`super::move2heap`] moves to the heap before
//! its one transition counts as not escaping (gc's `slice` pass), unless
//! its capacity is observed: then every site of it grows inside the
//! buffer with `growsliceBuf` instead.
//!
//! Invariant: a site in the set has a result that no value outliving the
//! frame can reach (the escape analysis over-approximates, or the value
//! is moved off the frame before any such value can exist), and it lies
//! in `body` itself, not in a nested function literal: the frame buffer
//! never outlives the call whose frame holds it.

use std::collections::{HashMap, HashSet};

use goxide_syntax::ast::{ExprId, StmtId};
use goxide_types::types::ObjId;

use super::escape::{analyse_body, AppendKey};
use super::move2heap::SlicePlan;
use super::PkgCtx;

/// gc's `base.Debug.VariableMakeThreshold` default: the buffer's bytes.
pub(crate) const STACK_BUFFER_BYTES: i64 = 32;

/// The `append` calls of `body` that may use a frame buffer; `heap`: the
/// body's locals that live on the heap; `plan`: the slices `move2heap`
/// moves at their transition.
pub(crate) fn stack_appends(ctx: &PkgCtx, fi: usize, body: StmtId, heap: &HashSet<ObjId>, plan: &SlicePlan) -> HashSet<ExprId> {
    let facts = analyse_body(ctx, fi, body);
    let mut first: HashMap<AppendKey, ExprId> = HashMap::new();
    for site in &facts.appends {
        let on_heap = matches!(site.key, AppendKey::Var(o) if heap.contains(&o));
        // A site of a slice moved to the heap at its transition does not
        // escape (gc's `slice` pass sets `EscNone`); one whose capacity
        // is observed grows in the buffer instead (`growsliceBuf`).
        let moved = plan.appends.get(&site.call).and_then(|o| plan.vars.get(o));
        if moved.is_some_and(|m| m.cap_used) || (site.escapes && moved.is_none()) || on_heap {
            continue;
        }
        first.entry(site.key).or_insert(site.call);
    }
    first.into_values().collect()
}
