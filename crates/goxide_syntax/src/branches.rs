//! Label and branch checks of a function body (gc's `syntax/branches.go`,
//! run by the parser in `CheckBranches` mode, as gc's compiler always does).
//!
//! One walk over the body's blocks: labels are declared per function; each
//! block keeps its forward `goto`s until the label appears; a `goto` that
//! jumps over a variable declaration in the same block, or into a block,
//! is an error; `break`/`continue` targets come from the enclosing
//! statement or label. Messages and positions are gc's. Resolved targets
//! are stored in the `Branch` statements.
//!
//! Unlike gc, labels never declared as used are reported in declaration
//! order (gc iterates a map; its error list is sorted afterwards, so the
//! printed result is the same).

use crate::ast::{ExprKind, File, List, Name, StmtId, StmtKind};
use crate::parser::Parser;
use crate::pos::Pos;
use crate::token::Token;

struct Label {
    name: String,
    /// Index of the block declaring the label.
    parent: usize,
    /// The labeled statement.
    lstmt: StmtId,
    label: Name,
    used: bool,
}

struct Block {
    parent: Option<usize>,
    start: Pos,
    lstmt: Option<StmtId>,
}

#[derive(Clone, Copy)]
struct Targets {
    breaks: Option<StmtId>,
    continues: Option<StmtId>,
    /// Case index of the immediately enclosing switch, if any.
    case_index: Option<usize>,
}

/// The statements of a block, clause or `else` branch, read in place
/// from the file's pool (no copy per block).
#[derive(Clone, Copy)]
enum Body {
    List(List<StmtId>),
    One(StmtId),
}

impl Body {
    fn len(self) -> usize {
        match self {
            Body::List(l) => l.len(),
            Body::One(_) => 1,
        }
    }

    fn get(self, f: &File, i: usize) -> StmtId {
        match self {
            Body::List(l) => f.stmts_of(l)[i],
            Body::One(s) => s,
        }
    }
}

/// A forward goto: the statement and its label.
#[derive(Clone, Copy)]
struct Fwd {
    stmt: StmtId,
    label: Name,
}

enum Enclosing {
    None,
    Invalid,
    Found(StmtId),
}

struct Checker<'p> {
    p: &'p mut Parser,
    labels: Vec<Label>,
    blocks: Vec<Block>,
}

/// Checks the body of a function (a `Block` statement).
pub(crate) fn check_branches(p: &mut Parser, body: StmtId) {
    let StmtKind::Block { stmts, .. } = p.f.stmt(body).kind else { return };
    let start = p.f.stmt(body).pos;
    let mut c = Checker { p, labels: Vec::new(), blocks: Vec::new() };
    let fwd = c.block_branches(None, Targets { breaks: None, continues: None, case_index: None }, None, start, Body::List(stmts));
    for g in fwd {
        let name = c.name(g.label);
        if let Some(i) = c.find(&name) {
            c.labels[i].used = true; // avoid "defined and not used" error
            let start = c.blocks[c.labels[i].parent].start;
            let at = c.p.pos_string(start);
            c.err(g.label.pos, format!("goto {name} jumps into block starting at {at}"));
        } else {
            c.err(g.label.pos, format!("label {name} not defined"));
        }
    }
    for i in 0..c.labels.len() {
        if !c.labels[i].used {
            let l = c.labels[i].label;
            let name = c.labels[i].name.clone();
            c.err(l.pos, format!("label {name} defined and not used"));
        }
    }
}

impl Checker<'_> {
    fn err(&mut self, pos: Pos, msg: String) {
        self.p.report_at(pos, msg);
    }

    fn name(&self, n: Name) -> String {
        self.p.f.name_str(n).to_string()
    }

    fn find(&self, name: &str) -> Option<usize> {
        self.labels.iter().position(|l| l.name == name)
    }

    fn declare(&mut self, b: usize, s: StmtId, label: Name) -> usize {
        let name = self.name(label);
        if let Some(alt) = self.find(&name) {
            let at = self.p.pos_string(self.labels[alt].label.pos);
            self.err(label.pos, format!("label {name} already defined at {at}"));
            return alt;
        }
        self.labels.push(Label { name, parent: b, lstmt: s, label, used: false });
        self.labels.len() - 1
    }

    fn goto_target(&mut self, mut b: Option<usize>, name: &str) -> Option<StmtId> {
        let i = self.find(name)?;
        self.labels[i].used = true; // even if it's not a valid target
        while let Some(bi) = b {
            if self.labels[i].parent == bi {
                return Some(self.labels[i].lstmt);
            }
            b = self.blocks[bi].parent;
        }
        None
    }

    fn enclosing_target(&mut self, mut b: Option<usize>, name: &str) -> Enclosing {
        let Some(i) = self.find(name) else { return Enclosing::None };
        self.labels[i].used = true; // even if it's not a valid target
        while let Some(bi) = b {
            if Some(self.labels[i].lstmt) == self.blocks[bi].lstmt {
                return Enclosing::Found(self.labels[i].lstmt);
            }
            b = self.blocks[bi].parent;
        }
        Enclosing::Invalid
    }

    fn block_branches(
        &mut self,
        parent: Option<usize>,
        ctxt: Targets,
        lstmt: Option<StmtId>,
        start: Pos,
        body: Body,
    ) -> Vec<Fwd> {
        self.blocks.push(Block { parent, start, lstmt });
        let b = self.blocks.len() - 1;

        let mut var_pos: Option<Pos> = None;
        let mut var_name = String::new();
        let mut fwd_gotos: Vec<Fwd> = Vec::new();
        let mut bad_gotos: Vec<StmtId> = Vec::new();

        // trim trailing empty statements
        let mut n = body.len();
        while n > 0 && matches!(self.p.f.stmt(body.get(&self.p.f, n - 1)).kind, StmtKind::Empty) {
            n -= 1;
        }

        let mut lstmt: Option<StmtId>;
        for index in 0..n {
            lstmt = None;
            let mut stmt = body.get(&self.p.f, index);
            loop {
                let kind = self.p.f.stmt(stmt).kind.clone();
                let spos = self.p.f.stmt(stmt).pos;
                match kind {
                    StmtKind::Decl(decls) => {
                        for &d in self.p.f.decls_of(decls) {
                            if let crate::ast::DeclKind::Var { names, .. } = self.p.f.decl(d).kind {
                                var_pos = Some(self.p.f.decl(d).pos);
                                var_name = self.p.f.name_str(self.p.f.names_of(names)[0]).to_string();
                                bad_gotos = fwd_gotos.iter().map(|g| g.stmt).collect();
                                break; // the first VarDecl will do
                            }
                        }
                    }
                    StmtKind::Labeled { label, stmt: inner } => {
                        let name = self.name(label);
                        if name != "_" {
                            let l = self.declare(b, stmt, label);
                            let mut kept = Vec::with_capacity(fwd_gotos.len());
                            for g in std::mem::take(&mut fwd_gotos) {
                                if self.name(g.label) == name {
                                    self.set_target(g.stmt, stmt);
                                    self.labels[l].used = true;
                                    if let Some(vp) = var_pos {
                                        if bad_gotos.contains(&g.stmt) {
                                            let at = self.p.pos_string(vp);
                                            self.err(
                                                g.label.pos,
                                                format!("goto {name} jumps over declaration of {var_name} at {at}"),
                                            );
                                        }
                                    }
                                } else {
                                    kept.push(g);
                                }
                            }
                            fwd_gotos = kept;
                            lstmt = Some(stmt);
                        }
                        stmt = inner;
                        continue;
                    }
                    StmtKind::Branch { tok, label: None, .. } => match tok {
                        Token::Break => match ctxt.breaks {
                            Some(t) => self.set_target(stmt, t),
                            None => self.err(spos, "break is not in a loop, switch, or select".into()),
                        },
                        Token::Continue => match ctxt.continues {
                            Some(t) => self.set_target(stmt, t),
                            None => self.err(spos, "continue is not in a loop".into()),
                        },
                        Token::Fallthrough => {
                            let mut msg = Some("fallthrough statement out of place");
                            if let Some(t) = ctxt.breaks {
                                if let StmtKind::Switch { tag, body, .. } = self.p.f.stmt(t).kind {
                                    let type_switch =
                                        tag.is_some_and(|x| matches!(self.p.f.expr(x).kind, ExprKind::TypeSwitchGuard { .. }));
                                    if type_switch {
                                        msg = Some("cannot fallthrough in type switch");
                                    } else if ctxt.case_index.is_none() || index + 1 < n {
                                        // out of place
                                    } else if ctxt.case_index.unwrap() + 1 == body.len() {
                                        msg = Some("cannot fallthrough final case in switch");
                                    } else {
                                        msg = None; // fallthrough ok
                                    }
                                }
                            }
                            if let Some(m) = msg {
                                self.err(spos, m.into());
                            }
                        }
                        _ => {} // goto always has a label
                    },
                    StmtKind::Branch { tok, label: Some(label), .. } => {
                        let name = self.name(label);
                        match tok {
                            Token::Break => match self.enclosing_target(Some(b), &name) {
                                Enclosing::Found(t) => {
                                    let StmtKind::Labeled { stmt: inner, .. } = self.p.f.stmt(t).kind else { unreachable!() };
                                    match self.p.f.stmt(inner).kind {
                                        StmtKind::Switch { .. } | StmtKind::Select { .. } | StmtKind::For { .. } => {
                                            self.set_target(stmt, inner)
                                        }
                                        _ => self.err(label.pos, format!("invalid break label {name}")),
                                    }
                                }
                                Enclosing::Invalid => self.err(label.pos, format!("invalid break label {name}")),
                                Enclosing::None => self.err(label.pos, format!("break label not defined: {name}")),
                            },
                            Token::Continue => match self.enclosing_target(Some(b), &name) {
                                Enclosing::Found(t) => {
                                    let StmtKind::Labeled { stmt: inner, .. } = self.p.f.stmt(t).kind else { unreachable!() };
                                    if matches!(self.p.f.stmt(inner).kind, StmtKind::For { .. }) {
                                        self.set_target(stmt, inner)
                                    } else {
                                        self.err(label.pos, format!("invalid continue label {name}"))
                                    }
                                }
                                Enclosing::Invalid => self.err(label.pos, format!("invalid continue label {name}")),
                                Enclosing::None => self.err(label.pos, format!("continue label not defined: {name}")),
                            },
                            Token::Goto => match self.goto_target(Some(b), &name) {
                                Some(t) => self.set_target(stmt, t),
                                None => fwd_gotos.push(Fwd { stmt, label }),
                            },
                            _ => {} // fallthrough never has a label
                        }
                    }
                    StmtKind::Assign { op: crate::token::Operator::Def, lhs, .. } => {
                        var_pos = Some(spos);
                        var_name = crate::printer::expr_string(&self.p.f, lhs);
                        bad_gotos = fwd_gotos.iter().map(|g| g.stmt).collect();
                    }
                    StmtKind::Block { stmts, .. } => {
                        let inner = Targets { case_index: None, ..ctxt };
                        fwd_gotos.extend(self.block_branches(Some(b), inner, lstmt, spos, Body::List(stmts)));
                    }
                    StmtKind::If { then, els, .. } => {
                        let inner = Targets { case_index: None, ..ctxt };
                        let tpos = self.p.f.stmt(then).pos;
                        let list = self.block_list(then);
                        fwd_gotos.extend(self.block_branches(Some(b), inner, lstmt, tpos, list));
                        if let Some(e) = els {
                            let epos = self.p.f.stmt(e).pos;
                            fwd_gotos.extend(self.block_branches(Some(b), inner, lstmt, epos, Body::One(e)));
                        }
                    }
                    StmtKind::For { body, .. } => {
                        let inner = Targets { breaks: Some(stmt), continues: Some(stmt), case_index: None };
                        let bpos = self.p.f.stmt(body).pos;
                        let list = self.block_list(body);
                        fwd_gotos.extend(self.block_branches(Some(b), inner, lstmt, bpos, list));
                    }
                    StmtKind::Switch { body, .. } => {
                        for i in 0..body.len() {
                            let cc = self.p.f.stmts_of(body)[i];
                            let inner = Targets { breaks: Some(stmt), continues: ctxt.continues, case_index: Some(i) };
                            let cpos = self.p.f.stmt(cc).pos;
                            let list = self.clause_list(cc);
                            fwd_gotos.extend(self.block_branches(Some(b), inner, lstmt, cpos, list));
                        }
                    }
                    StmtKind::Select { body, .. } => {
                        for i in 0..body.len() {
                            let cc = self.p.f.stmts_of(body)[i];
                            let inner = Targets { breaks: Some(stmt), continues: ctxt.continues, case_index: None };
                            let cpos = self.p.f.stmt(cc).pos;
                            let list = self.clause_list(cc);
                            fwd_gotos.extend(self.block_branches(Some(b), inner, lstmt, cpos, list));
                        }
                    }
                    _ => {}
                }
                break;
            }
        }
        fwd_gotos
    }

    fn block_list(&self, block: StmtId) -> Body {
        match self.p.f.stmt(block).kind {
            StmtKind::Block { stmts, .. } => Body::List(stmts),
            _ => Body::List(List::EMPTY),
        }
    }

    fn clause_list(&self, clause: StmtId) -> Body {
        match self.p.f.stmt(clause).kind {
            StmtKind::CaseClause { body, .. } | StmtKind::CommClause { body, .. } => Body::List(body),
            _ => Body::List(List::EMPTY),
        }
    }

    fn set_target(&mut self, branch: StmtId, target: StmtId) {
        if let StmtKind::Branch { target: t, .. } = &mut self.p.f.stmt_mut(branch).kind {
            *t = Some(target);
        }
    }
}
