//! Labels and labelled branches (types2's `labels.go`), for checkers
//! configured as types2's own tests are: gc leaves these checks to its
//! syntax package (`goxide_syntax::branches`, with its own words) and
//! sets types2's `IgnoreBranchErrors`, so this pass runs only when
//! `Config::ignore_branch_errors` is false.
//!
//! Algorithm (types2's): one label scope per function body; blocks are
//! walked in order, recording labelled statements per block; `goto`s to
//! labels not yet seen are forward jumps resolved when the label
//! appears (a jump over a variable declaration is an error) or reported
//! at the end ("jumps into block" if the label exists elsewhere, else
//! "not declared"); `break`/`continue` labels must name an enclosing
//! labelled `for`/`switch`/`select` (`for` for `continue`); unused labels
//! are reported.

use rustc_hash::FxHashMap as HashMap;

use goxide_syntax::ast::{DeclKind, Name, StmtId, StmtKind};
use goxide_syntax::token::{Operator, Token};
use goxide_syntax::Pos;

use super::Checker;

/// A label of the function: where declared, whether used.
struct Label {
    pos: Pos,
    used: bool,
}

/// A block of statements (types2's `block`).
struct Block<'b> {
    parent: Option<&'b Block<'b>>,
    /// The labelled statement the block belongs to.
    lstmt: Option<(Name, StmtId)>,
    labels: Vec<(String, StmtId)>,
}

impl Block<'_> {
    fn goto_target(&self, name: &str) -> bool {
        let mut b = Some(self);
        while let Some(s) = b {
            if s.labels.iter().any(|(n, _)| n == name) {
                return true;
            }
            b = s.parent;
        }
        false
    }

    fn enclosing_target(&self, file: &goxide_syntax::ast::File, name: &str) -> Option<StmtId> {
        let mut b = Some(self);
        while let Some(s) = b {
            if let Some((n, st)) = s.lstmt {
                if file.name_str(n) == name {
                    return Some(st);
                }
            }
            b = s.parent;
        }
        None
    }
}

/// A branch statement with a label: the label's name and position, and the statement.
#[derive(Clone, Copy)]
struct Jump {
    name: Name,
    stmt: StmtId,
}

impl Checker<'_> {
    /// types2's `labels`: checks the labels of function body `body`.
    pub(crate) fn labels(&mut self, body: &[StmtId]) {
        let mut all: HashMap<String, Label> = HashMap::default();
        let mut order: Vec<String> = Vec::new();
        let fwd = self.block_branches(&mut all, &mut order, None, None, body);
        let file = self.ctx.file.clone();
        let file = &*file;
        for j in fwd {
            let name = file.name_str(j.name).to_string();
            if let Some(l) = all.get_mut(&name) {
                l.used = true;
                self.error_pos(j.name.pos, format!("goto {name} jumps into block"));
            } else {
                self.error_pos(j.name.pos, format!("label {name} not declared"));
            }
        }
        for name in order {
            if let Some(l) = all.get(&name) {
                if !l.used {
                    self.soft_error_pos(l.pos, format!("label {name} declared and not used"));
                }
            }
        }
    }

    /// types2's `blockBranches`: the forward jumps out of `list`.
    fn block_branches(
        &mut self,
        all: &mut HashMap<String, Label>,
        order: &mut Vec<String>,
        parent: Option<&Block<'_>>,
        lstmt: Option<(Name, StmtId)>,
        list: &[StmtId],
    ) -> Vec<Jump> {
        let mut b = Block { parent, lstmt, labels: Vec::new() };
        let mut var_decl_pos: Option<Pos> = None;
        let mut fwd: Vec<Jump> = Vec::new();
        let mut bad: Vec<StmtId> = Vec::new();
        for &s in list {
            self.stmt_branches(all, order, &mut b, None, s, &mut fwd, &mut bad, &mut var_decl_pos);
        }
        fwd
    }

    #[allow(clippy::too_many_arguments)]
    fn stmt_branches(
        &mut self,
        all: &mut HashMap<String, Label>,
        order: &mut Vec<String>,
        b: &mut Block<'_>,
        lstmt: Option<(Name, StmtId)>,
        s: StmtId,
        fwd: &mut Vec<Jump>,
        bad: &mut Vec<StmtId>,
        var_decl_pos: &mut Option<Pos>,
    ) {
        let file = self.ctx.file.clone();
        let file = &*file;
        let mut record_var_decl = |pos: Pos, fwd: &Vec<Jump>, bad: &mut Vec<StmtId>| {
            *var_decl_pos = Some(pos);
            *bad = fwd.iter().map(|j| j.stmt).collect();
        };
        match file.stmt(s).kind.clone() {
            StmtKind::Decl(list) => {
                for &d in file.decls_of(list) {
                    if let DeclKind::Var { .. } = file.decl(d).kind {
                        record_var_decl(file.decl(d).pos, fwd, bad);
                    }
                }
            }
            StmtKind::Labeled { label, stmt } => {
                let name = file.name_str(label).to_string();
                let mut lstmt = lstmt;
                if name != "_" {
                    if let Some(alt) = all.get(&name) {
                        let sp = self.pos(self.ctx.fi, label.pos);
                        let ap = self.pos(self.ctx.fi, alt.pos);
                        self.error_count += 1;
                        self.report(
                            vec![(Some(sp), format!("label {name} already declared")), (Some(ap), format!("other declaration of {name}"))],
                            true,
                        );
                    } else {
                        all.insert(name.clone(), Label { pos: label.pos, used: false });
                        order.push(name.clone());
                        b.labels.push((name.clone(), s));
                    }
                    let mut keep = Vec::new();
                    for j in fwd.drain(..) {
                        if file.name_str(j.name) == name {
                            if let Some(l) = all.get_mut(&name) {
                                l.used = true;
                            }
                            if var_decl_pos.is_some() && bad.contains(&j.stmt) {
                                let line = crate::files::position(self.pos(self.ctx.fi, var_decl_pos.unwrap_or(0))).line;
                                self.soft_error_pos(j.name.pos, format!("goto {name} jumps over variable declaration at line {line}"));
                            }
                        } else {
                            keep.push(j);
                        }
                    }
                    *fwd = keep;
                    lstmt = Some((label, s));
                }
                self.stmt_branches(all, order, b, lstmt, stmt, fwd, bad, var_decl_pos);
            }
            StmtKind::Branch { tok, label: Some(l), .. } => {
                let name = file.name_str(l).to_string();
                match tok {
                    Token::Break => {
                        let valid = b.enclosing_target(file, &name).is_some_and(|t| {
                            let StmtKind::Labeled { stmt, .. } = file.stmt(t).kind else { return false };
                            matches!(file.stmt(stmt).kind, StmtKind::Switch { .. } | StmtKind::Select { .. } | StmtKind::For { .. })
                        });
                        if !valid {
                            self.error_pos(l.pos, format!("invalid break label {name}"));
                            return;
                        }
                    }
                    Token::Continue => {
                        let valid = b.enclosing_target(file, &name).is_some_and(|t| {
                            let StmtKind::Labeled { stmt, .. } = file.stmt(t).kind else { return false };
                            matches!(file.stmt(stmt).kind, StmtKind::For { .. })
                        });
                        if !valid {
                            self.error_pos(l.pos, format!("invalid continue label {name}"));
                            return;
                        }
                    }
                    Token::Goto => {
                        if !b.goto_target(&name) {
                            fwd.push(Jump { name: l, stmt: s });
                            return;
                        }
                    }
                    _ => return,
                }
                if let Some(lbl) = all.get_mut(&name) {
                    lbl.used = true;
                }
            }
            StmtKind::Assign { op: Operator::Def, .. } => {
                let p = file.stmt(s).pos;
                record_var_decl(p, fwd, bad);
            }
            StmtKind::Block { stmts, .. } => {
                let l = file.stmts_of(stmts).to_vec();
                let inner = self.block_branches(all, order, Some(b), lstmt, &l);
                fwd.extend(inner);
            }
            StmtKind::If { then, els, .. } => {
                self.stmt_branches(all, order, b, lstmt, then, fwd, bad, var_decl_pos);
                if let Some(e) = els {
                    self.stmt_branches(all, order, b, lstmt, e, fwd, bad, var_decl_pos);
                }
            }
            StmtKind::Switch { body, .. } | StmtKind::Select { body, .. } => {
                let inner_b = Block { parent: Some(b), lstmt, labels: Vec::new() };
                for &c in file.stmts_of(body) {
                    let cb = match file.stmt(c).kind {
                        StmtKind::CaseClause { body, .. } | StmtKind::CommClause { body, .. } => body,
                        _ => continue,
                    };
                    let l = file.stmts_of(cb).to_vec();
                    let inner = self.block_branches(all, order, Some(&inner_b), None, &l);
                    fwd.extend(inner);
                }
            }
            StmtKind::For { body, .. } => self.stmt_branches(all, order, b, lstmt, body, fwd, bad, var_decl_pos),
            _ => {}
        }
    }
}
