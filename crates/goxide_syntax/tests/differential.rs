//! Differential test of the parser against go/parser, over every `.go`
//! file of GOROOT/src outside `testdata`.
//!
//! Both sides reduce their tree to the same canonical multiset of node
//! events (`goastdump/main.go` for go/parser, `Events` below for goxide):
//! a kind, the byte offset of the token gc positions the node at, and
//! shape facts (element counts, operators of binary children, which slice
//! indices are present, channel directions). Two parsers produce the same
//! events only if they built the same tree, up to the representational
//! differences the two dumpers normalise (gc drops parentheses in types,
//! has no block for a switch body, and writes `x := y.(type)` as a guard).
//!
//! The oracle is built with the reference go (`GOXIDE_TEST_GOROOT` or
//! the setup's `.goroot-pkg/go`); tests may run it, the product never does.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use goxide_syntax::ast::*;
use goxide_syntax::token::Operator;
use goxide_syntax::walk::{walk_file, Visitor};

fn goroot() -> PathBuf {
    goxide_testing::goroot()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if p.is_dir() {
            if name != "testdata" {
                walk(&p, out);
            }
        } else if name.ends_with(".go") {
            out.push(p);
        }
    }
}

struct Events {
    out: Vec<String>,
}

fn binop(f: &File, x: ExprId) -> &'static str {
    match f.expr(x).kind {
        ExprKind::Operation { op, y: Some(_), .. } => op.as_str(),
        _ => "-",
    }
}

fn n_list(f: &File, x: Option<ExprId>) -> usize {
    f.unpack_list(x).len()
}

impl Events {
    fn id(&mut self, f: &File, n: Name) {
        self.out.push(format!("id {} {}", n.pos, f.name_str(n)));
    }
}

impl Visitor for Events {
    fn decl(&mut self, f: &File, d: DeclId) -> bool {
        let pos = f.decl(d).pos;
        let _ = pos;
        match f.decl(d).kind {
            DeclKind::Import { local_name, path, .. } => {
                if let Some(n) = local_name {
                    self.id(f, n);
                }
                if let Some(p) = path {
                    self.out.push(format!("import {}", f.expr(p).pos));
                }
            }
            DeclKind::Const { names, .. } | DeclKind::Var { names, .. } => {
                let names = f.names_of(names);
                self.out.push(format!("value {} {}", names[0].pos, names.len()));
                for &n in names {
                    self.id(f, n);
                }
            }
            DeclKind::Type { name, tparams, alias, .. } => {
                self.out.push(format!("typedecl {} {} {}", name.pos, alias as u8, tparams.len()));
                self.id(f, name);
            }
            DeclKind::Func { recv, name, tparams, body, .. } => {
                self.out.push(format!("func {} {} {} {}", name.pos, tparams.len(), body.is_some() as u8, recv.is_some() as u8));
                self.id(f, name);
            }
        }
        true
    }

    fn field(&mut self, f: &File, fd: FieldId) -> bool {
        if let Some(n) = f.field(fd).name {
            self.id(f, n);
        }
        true
    }

    fn expr(&mut self, f: &File, x: ExprId) -> bool {
        let pos = f.expr(x).pos;
        let e = match f.expr(x).kind {
            ExprKind::Bad => "bad".to_string(),
            ExprKind::Name(n) => format!("id {} {}", n.pos, f.name_str(n)),
            ExprKind::BasicLit { .. } => format!("lit {pos}"),
            ExprKind::Call { args, has_dots, .. } => format!("call {pos} {} {}", args.len(), has_dots as u8),
            ExprKind::Operation { op, x: l, y: Some(r) } => {
                format!("bin {pos} {} {} {}", op.as_str(), binop(f, l), binop(f, r))
            }
            ExprKind::Operation { op, y: None, .. } => format!("un {pos} {}", op.as_str()),
            ExprKind::CompositeLit { typ, elems, .. } => format!("complit {pos} {} {}", elems.len(), typ.is_some() as u8),
            ExprKind::FuncLit { .. } => format!("funclit {pos}"),
            ExprKind::Index { index, .. } => format!("index {pos} {}", n_list(f, Some(index))),
            ExprKind::Slice { index, full, .. } => format!(
                "slice {pos} {} {} {} {}",
                index[0].is_some() as u8,
                index[1].is_some() as u8,
                index[2].is_some() as u8,
                full as u8
            ),
            ExprKind::Assert { .. } => format!("assert {pos} 0"),
            ExprKind::TypeSwitchGuard { lhs, .. } => {
                if let Some(n) = lhs {
                    self.id(f, n);
                }
                format!("assert {pos} 1")
            }
            ExprKind::KeyValue { .. } => format!("kv {pos}"),
            ExprKind::Selector { sel, .. } => {
                self.id(f, sel);
                format!("sel {}", sel.pos)
            }
            ExprKind::ArrayType { len: None, .. } => format!("array {pos} ..."),
            ExprKind::ArrayType { len: Some(_), .. } => format!("array {pos} n"),
            ExprKind::SliceType { .. } => format!("slicet {pos}"),
            ExprKind::DotsType { .. } => format!("dots {pos}"),
            ExprKind::MapType { .. } => format!("map {pos}"),
            ExprKind::ChanType { dir, elem } => {
                let d = match dir {
                    ChanDir::Both => "both",
                    ChanDir::SendOnly => "send",
                    ChanDir::RecvOnly => "recv",
                };
                format!("chan {} {d}", f.start_pos(elem))
            }
            ExprKind::StructType { fields } => format!("struct {pos} {}", fields.len()),
            ExprKind::InterfaceType { methods } => format!("iface {pos} {}", methods.len()),
            ExprKind::FuncType { params, results } => format!("functype {pos} {} {}", params.len(), results.len()),
            ExprKind::Paren(_) | ExprKind::List(_) => return true,
        };
        self.out.push(e);
        true
    }

    fn stmt(&mut self, f: &File, s: StmtId) -> bool {
        let pos = f.stmt(s).pos;
        let e = match f.stmt(s).kind {
            StmtKind::Assign { rhs: None, .. } => format!("incdec {pos}"),
            StmtKind::Assign { op, .. } => {
                let tok = match op {
                    Operator::None => "=".to_string(),
                    Operator::Def => ":=".to_string(),
                    op => format!("{}=", op.as_str()),
                };
                format!("assign {pos} {tok}")
            }
            StmtKind::Send { .. } => format!("send {pos}"),
            StmtKind::Call { tok, .. } => format!("{} {pos}", tok.as_str()),
            StmtKind::Return { results } => format!("return {pos} {}", n_list(f, results)),
            StmtKind::Branch { tok, label, .. } => {
                if let Some(l) = label {
                    self.id(f, l);
                }
                format!("branch {pos} {}", tok.as_str())
            }
            StmtKind::Labeled { label, .. } => {
                self.id(f, label);
                format!("label {pos}")
            }
            StmtKind::Block { .. } => format!("block {pos}"),
            StmtKind::If { .. } => format!("if {pos}"),
            StmtKind::For { .. } => format!("for {pos}"),
            StmtKind::Range { .. } => format!("range {pos}"),
            StmtKind::Switch { .. } => format!("switch {pos}"),
            StmtKind::Select { .. } => format!("select {pos}"),
            StmtKind::CaseClause { .. } | StmtKind::CommClause { .. } => format!("case {pos}"),
            StmtKind::Empty | StmtKind::Expr(_) | StmtKind::Decl(_) => return true,
        };
        self.out.push(e);
        true
    }
}

/// Up to four elements of sorted `a` not matched in sorted `b`.
fn multiset_minus(a: &[String], b: &[String]) -> Vec<String> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && out.len() < 4 {
        if j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && b[j] < a[i] {
            j += 1;
        } else {
            out.push(a[i].clone());
            i += 1;
        }
    }
    out
}

fn goxide_events(path: &Path) -> Vec<String> {
    let src = std::fs::read(path).unwrap();
    let mode = goxide_syntax::parser::Mode {
        directives: goxide_syntax::directive::Policy { std: true, runtime: true, wasm: false },
        ..Default::default()
    };
    let (f, diags) = goxide_syntax::parse_file_with(&path.display().to_string(), &src, mode);
    let mut ev = Events { out: Vec::new() };
    for d in &diags {
        ev.out.push(format!("error {d}"));
    }
    ev.id(&f, f.pkg_name);
    walk_file(&f, &mut ev);
    ev.out.sort();
    ev.out
}

#[test]
fn trees_agree_with_go_parser() {
    let root = goroot();
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let dumper = tmp.join("goastdump");
    let status = Command::new(root.join("bin/go"))
        .args(["build", "-o"])
        .arg(&dumper)
        .arg(".")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/goastdump"))
        .env("GOROOT", &root)
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "")
        .env("GOCACHE", tmp.join("gocache"))
        .env("GOPATH", tmp.join("gopath"))
        .status()
        .expect("run the reference go");
    assert!(status.success(), "building goastdump failed");

    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    let mut child = Command::new(&dumper).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        let list: String = files.iter().map(|p| format!("{}\n", p.display())).collect();
        std::thread::spawn(move || stdin.write_all(list.as_bytes()).unwrap());
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();

    let mut oracle: HashMap<String, Vec<String>> = HashMap::new();
    let mut current = String::new();
    for line in text.lines() {
        if let Some(p) = line.strip_prefix("== ") {
            current = p.to_string();
            oracle.insert(current.clone(), Vec::new());
        } else {
            oracle.get_mut(&current).unwrap().push(line.to_string());
        }
    }

    let mut mismatched = Vec::new();
    let mut events = 0usize;
    for path in &files {
        let mut want = oracle.remove(&path.display().to_string()).expect("oracle output for every file");
        want.sort();
        let got = goxide_events(path);
        events += got.len();
        if got != want {
            // Show a few events on each side only.
            let only_want = multiset_minus(&want, &got);
            let only_got = multiset_minus(&got, &want);
            mismatched.push(format!("{}\n  go/parser only: {only_want:?}\n  goxide only:    {only_got:?}", path.display()));
        }
    }
    println!("differential: {} files, {events} events, {} files differ", files.len(), mismatched.len());
    goxide_testing::conformance(
        "syntax / GOROOT/src trees agree with go/parser",
        files.len() - mismatched.len(),
        files.len(),
    );
    assert!(
        mismatched.is_empty(),
        "{} of {} files differ from go/parser:\n{}",
        mismatched.len(),
        files.len(),
        mismatched.iter().take(15).cloned().collect::<Vec<_>>().join("\n")
    );
}
