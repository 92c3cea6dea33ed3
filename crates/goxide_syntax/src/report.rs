//! gc's error-reporting policy (`cmd/compile/internal/base/print.go`).
//!
//! While errors arrive (`ErrorfAt`): only one syntax error per line, and
//! only one of several equal non-syntax errors per line. When printed
//! (`FlushErrors`): stably sorted by position, exact duplicates dropped.
//! After the 10th error gc stops with `pos: too many errors` (unless
//! `-e`), where `pos` is that 10th error's position.
//!
//! Invariant: [`diagnostics`] keeps arrival order; [`flush`] is the only
//! place that sorts, so callers can merge the errors of several files of
//! one package before flushing, as gc does.

use crate::ast::File;
use crate::pos::{Pos, PosTable};
use crate::Diagnostic;

/// Turns raw parser errors (offset, message) into diagnostics, applying
/// gc's per-line filters in arrival order.
pub(crate) fn diagnostics(f: &File, raw: Vec<(Pos, String)>) -> Vec<Diagnostic> {
    if raw.is_empty() {
        return Vec::new();
    }
    let table = PosTable::new(f.filename.clone(), &f.src, f.line_bases.clone());
    let line_key = |pos: Pos| {
        // gc's `sameline`: same position base and same (absolute) line.
        let base = f.line_bases.partition_point(|b| b.at <= pos);
        (base, table.lines.line_col(pos).0)
    };
    let mut out = Vec::with_capacity(raw.len());
    let mut last_syntax: Option<(usize, u32)> = None;
    let mut last_other: Option<((usize, u32), String)> = None;
    for (offset, msg) in raw {
        let key = line_key(offset);
        if msg.starts_with("syntax error") {
            if last_syntax == Some(key) {
                continue;
            }
            last_syntax = Some(key);
        } else {
            if matches!(&last_other, Some((k, m)) if *k == key && *m == msg) {
                continue;
            }
            last_other = Some((key, msg.clone()));
        }
        out.push(Diagnostic { offset, pos: table.relative(offset), msg });
    }
    out
}

/// The lines gc prints for a package's diagnostics (given in arrival
/// order): sorted, de-duplicated, and cut after `limit` errors with a
/// `too many errors` line (`limit` 0 means no limit, gc's `-e`).
pub fn flush(diags: &[Diagnostic], limit: usize) -> Vec<String> {
    let (kept, too_many) = match limit {
        0 => (diags, None),
        n if diags.len() >= n => (&diags[..n], Some(&diags[n - 1])),
        _ => (diags, None),
    };
    let mut sorted: Vec<&Diagnostic> = kept.iter().collect();
    sorted.sort_by(|a, b| (&*a.pos.filename, a.offset).cmp(&(&*b.pos.filename, b.offset)));
    let mut lines: Vec<String> = Vec::with_capacity(sorted.len() + 1);
    for d in sorted {
        let line = d.to_string();
        if lines.last() != Some(&line) {
            lines.push(line);
        }
    }
    if let Some(d) = too_many {
        lines.push(format!("{}: too many errors", d.pos));
    }
    lines
}
