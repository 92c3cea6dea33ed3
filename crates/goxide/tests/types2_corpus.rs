//! Scores goxide's type checker on types2's own test corpus,
//! `GOROOT/src/internal/types/testdata/{check,spec,examples,fixedbugs}`,
//! with the rules of types2's harness (`cmd/compile/internal/types2/check_test.go`,
//! Go 1.27.3), which this file ports.
//!
//! # The corpus and its conventions (as check_test.go reads them)
//!
//! - Each file of those directories is one package; each subdirectory is
//!   one package made of all its files (`testDirFiles`, `testDir`), read in
//!   name order.
//! - A file whose first `//go:build` (or `// +build`) line before the
//!   package clause is false is left out (`shouldTest`): tags true are
//!   `linux`, `amd64` and the release tags `go1.1`...`go1.27`. A package
//!   with no file left is skipped and not counted.
//! - Flags: the first line of the package's first file, if it is a line
//!   comment whose text starts with `-`, holds flags (`parseFlags`):
//!   `-lang=go1.N` (Config.GoVersion), `-fakeImportC`, `-goexperiment=...`.
//! - `testdata/check` runs with `assert` and `trace` predeclared
//!   (`DefPredeclaredTestFuncs`, called by `TestCheck`).
//! - Expected errors are comments `/* ERROR "pat" */`, `// ERROR "pat"`,
//!   `/* ERRORx "rx" */`, `// ERRORx "rx"` (comment text matching
//!   `^ ERRORx? `): the rest of the text, trimmed, is a Go string literal
//!   (`strconv.Unquote`; backquotes allowed). `ERROR` wants the reported
//!   message to *contain* the text; `ERRORx` wants the Go regexp to match
//!   it somewhere. An expectation is placed at the token immediately before
//!   the comment (automatic semicolons do not count; `syntax.CommentMap`),
//!   and filed under that token's line; several comments may follow one
//!   token.
//! - Matching (`testFiles`): every reported error, in the order reported,
//!   takes the expectations of its file and line; among those whose
//!   pattern matches its message (the whole message, continuation lines
//!   included), the one closest in column is used up. No match: "no error
//!   expected". The closest column more than `colDelta` away (check 50,
//!   spec 20, examples 125, fixedbugs 100 bytes — types2's own tolerances)
//!   is an error too (the expectation is still used up). Expectations left
//!   over: "unreported errors". Columns are byte columns, 1-based.
//! - Syntax errors count like type errors: types2's harness parses with
//!   no branch checks, keeps going after syntax errors and type-checks
//!   anyway, and lets types2 check labels itself.
//!
//! # What goxide is asked to do (the contract `tool check` meets)
//!
//! For each package: copy its files to a fresh directory and run there
//!
//! ```text
//! goxide tool check -e -types2test [-predeclaredTestFuncs] [header flags] ./a.go ./b.go ...
//! ```
//!
//! `-types2test` configures the checker as check_test.go configures types2,
//! instead of as gc's noder does: files are parsed without gc's branch
//! checks and type-checked even when they have syntax errors; types2's
//! label checks are on (Config.IgnoreBranchErrors false, so its words:
//! `label L declared and not used`); messages are types2's own, without the
//! suffixes gc adds (`(-lang was set to ...)`, `(file declares //go:build
//! ...)`) and without gc's checks after types2 (anonymous interface
//! cycles, not-in-heap type arguments); every error is printed, in the
//! order reported (no sorting, no deduplication); the package path is the
//! first file's package name. `-predeclaredTestFuncs` predeclares
//! `assert(bool)` and `trace(...)` as types2's `DefPredeclaredTestFuncs`.
//! Header flags are passed verbatim. Output: stderr lines
//! `./a.go:L:C: msg`, a multi-line message continuing on tab-indented lines;
//! `# ...` header lines are ignored; exit status 1 if an error was printed,
//! else 0.
//!
//! # Score and failures
//!
//! A package passes when every reported error is expected and every
//! expectation is reported (and goxide exits 1 exactly when it printed an
//! error). The test prints `types2 corpus: N/M packages pass` and records
//! `types2 corpus / files passing` in the conformance snapshot. The failing
//! packages are listed in `tests/types2-corpus-failures.txt`; the test
//! fails when that list is stale either way (a listed package passes, an
//! unlisted one fails, a listed one does not exist), when goxide crashes
//! (panic, internal compiler error, signal, 60 s timeout) on any package,
//! and, for a binary without `tool check`, at once with a message saying
//! so. Every step of the checker moves the list and the count: rewrite
//! both (`GOXIDE_BLESS_KNOWN=1`, `cargo xtask conformance`) with it.
//! `GOXIDE_BLESS_KNOWN=1` rewrites the list from the run.
//! `GOXIDE_TYPES2_CORPUS_BIN=/path/to/goxide` scores another binary.
//!
//! # Go regexps in Rust
//!
//! `ERRORx` patterns are RE2 syntax; the `regex` crate reads the same
//! syntax with these differences, handled in `go_regex`: Rust's `\d \w \s
//! \b` (and negations) are Unicode-aware where Go's are ASCII-only, so they
//! are rewritten to their ASCII forms; RE2 reads a `{` that starts no
//! repetition (`struct{}`, `T{}`) as a literal where Rust's regex rejects
//! it, so such braces are escaped (the 1.27.3 corpus has four such
//! patterns); Go's `\C` and `\Q...\E` have no Rust form and make the
//! pattern invalid (a failure of that package, as a bad pattern is in
//! types2's harness; the corpus uses neither).
//!
//! Invariant: every decision is a pure function (`should_test`,
//! `header_flags`, `comment_map`, `unquote`, `go_regex`, `parse_reported`,
//! `match_errors`, `verdict`, `stale`); the unit tests below give them
//! deliberately wrong expectations to show a difference is reported.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use goxide_syntax::pos::LineTable;
use goxide_syntax::scanner::{CommentMode, Scanner};
use goxide_syntax::token::Token;
use goxide_testing::goldens::{self, BLESS_ENV, Run};
use goxide_testing::{process, say};

/// The corpus directories under `GOROOT/src/internal/types/testdata`, with
/// types2's column tolerance for each and whether `assert`/`trace` are
/// predeclared (check_test.go's TestCheck, TestSpec, TestExamples,
/// TestFixedbugs).
const DIRS: &[(&str, u32, bool)] = &[
    ("check", 50, true),
    ("spec", 20, false),
    ("examples", 125, false),
    ("fixedbugs", 100, false),
];
const FAILURES_FILE: &str = "tests/types2-corpus-failures.txt";
const BIN_ENV: &str = "GOXIDE_TYPES2_CORPUS_BIN";
const TIMEOUT: Duration = Duration::from_secs(60);
/// The flags check_test.go's parseFlags defines.
const HEADER_FLAGS: &[&str] = &["lang", "goexperiment", "fakeImportC"];
/// Release tags true for Go 1.27 (go/build's ReleaseTags).
const GO_MINOR: u32 = 27;

// ---------------------------------------------------------------------------
// Packages of the corpus

/// One package of the corpus.
#[derive(Debug, Clone)]
struct Package {
    /// `check/const0.go`, or `fixedbugs/issue25008` for a directory.
    name: String,
    /// (file name, contents), after `should_test`, in name order.
    files: Vec<(String, Vec<u8>)>,
    col_delta: u32,
    test_funcs: bool,
}

/// check_test.go's `shouldTest`: the first build-constraint line before
/// the package clause decides; GOOS linux, GOARCH amd64, go1.1...go1.27.
fn should_test(src: &[u8]) -> bool {
    let tag = |t: &str| -> bool {
        if t == "linux" || t == "amd64" {
            return true;
        }
        t.strip_prefix("go1.")
            .and_then(|m| m.parse::<u32>().ok())
            .is_some_and(|m| (1..=GO_MINOR).contains(&m) && t == format!("go1.{m}"))
    };
    for line in src.split(|&b| b == b'\n') {
        if line.starts_with(b"package ") {
            break;
        }
        if let Ok(expr) = goxide_syntax::constraint::parse(line) {
            return expr.eval(&mut |t: &str| tag(t));
        }
    }
    true
}

/// check_test.go's `parseFlags`: the flags on the first line of `src`, if
/// it is a `//` comment whose text starts with `-`.
fn header_flags(src: &[u8]) -> Result<Vec<String>, String> {
    let Some(rest) = src.strip_prefix(b"//") else {
        return Ok(Vec::new());
    };
    match rest.iter().position(|&b| b == b'-') {
        Some(i) if rest[..i].iter().all(u8::is_ascii_whitespace) => {}
        _ => return Ok(Vec::new()),
    }
    let end = rest.iter().position(|&b| b == b'\n');
    let end = match end {
        Some(e) if e <= 256 => e,
        _ => return Err("flags comment line too long".into()),
    };
    let fields: Vec<String> = String::from_utf8_lossy(&rest[..end])
        .split_whitespace()
        .map(str::to_string)
        .collect();
    for f in &fields {
        let name = f.trim_start_matches('-').split('=').next().unwrap_or("");
        if !f.starts_with('-') || !HEADER_FLAGS.contains(&name) {
            return Err(format!("unknown flag {f:?} in the header line"));
        }
    }
    Ok(fields)
}

/// All packages of the corpus, in types2's order, and the names of those
/// whose files are all excluded by build constraints.
fn collect_packages(testdata: &Path) -> (Vec<Package>, Vec<String>) {
    fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    }
    let mut packages = Vec::new();
    let mut skipped = Vec::new();
    for &(dir, col_delta, test_funcs) in DIRS {
        for path in sorted_entries(&testdata.join(dir)) {
            let base = path.file_name().unwrap().to_string_lossy().into_owned();
            let files: Vec<PathBuf> = if path.is_dir() {
                sorted_entries(&path)
            } else {
                vec![path.clone()]
            };
            let mut kept = Vec::new();
            for f in files {
                let src = fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
                if should_test(&src) {
                    kept.push((f.file_name().unwrap().to_string_lossy().into_owned(), src));
                }
            }
            let name = format!("{dir}/{base}");
            if kept.is_empty() {
                skipped.push(name);
            } else {
                packages.push(Package {
                    name,
                    files: kept,
                    col_delta,
                    test_funcs,
                });
            }
        }
    }
    (packages, skipped)
}

// ---------------------------------------------------------------------------
// Expected errors

/// An `ERROR`/`ERRORx` comment: the position it applies to and its text
/// (comment markers stripped, e.g. ` ERROR "undefined" `).
#[derive(Debug, Clone, PartialEq)]
struct Want {
    line: u32,
    col: u32,
    text: String,
}

/// `syntax.CommentMap(src, "^ ERRORx? ")`: the matching comments, filed
/// under the line of the token before them, in source order. The position
/// is that token's (0:0 if there is none).
fn comment_map(src: &[u8]) -> BTreeMap<u32, Vec<Want>> {
    let lines = LineTable::new(src);
    let mut map: BTreeMap<u32, Vec<Want>> = BTreeMap::new();
    let mut prev = (0u32, 0u32);
    let mut s = Scanner::new(src, CommentMode::All);
    loop {
        s.next();
        for c in s.comments.drain(..) {
            let raw = &src[c.pos as usize..c.end as usize];
            let inner = if raw.starts_with(b"/*") {
                &raw[2..raw.len().saturating_sub(2).max(2)]
            } else {
                &raw[2..]
            };
            let text = String::from_utf8_lossy(inner).into_owned();
            if text.starts_with(" ERROR ") || text.starts_with(" ERRORx ") {
                map.entry(prev.0).or_default().push(Want {
                    line: prev.0,
                    col: prev.1,
                    text,
                });
            }
        }
        s.errors.clear();
        if s.tok == Token::Eof {
            break;
        }
        if s.tok == Token::Semi && s.semi != "semicolon" {
            continue;
        }
        prev = lines.line_col(s.pos);
    }
    map
}

/// Go's `strconv.Unquote` for the literals ERROR comments use: `"..."`
/// with Go's escapes, or a raw `` `...` `` (carriage returns dropped).
fn unquote(s: &str) -> Result<String, String> {
    let bad = || format!("cannot unquote {s}");
    if s.len() >= 2 && s.starts_with('`') && s.ends_with('`') {
        let body = &s[1..s.len() - 1];
        if body.contains('`') {
            return Err(bad());
        }
        return Ok(body.replace('\r', ""));
    }
    if !(s.len() >= 2 && s.starts_with('"') && s.ends_with('"')) {
        return Err(bad());
    }
    let body = &s[1..s.len() - 1];
    let mut out: Vec<u8> = Vec::new();
    let b = body.as_bytes();
    let mut i = 0;
    let hex =
        |h: &[u8]| -> Option<u32> { u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok() };
    while i < b.len() {
        match b[i] {
            b'"' | b'\n' => return Err(bad()),
            b'\\' => {
                let e = *b.get(i + 1).ok_or_else(bad)?;
                i += 2;
                let simple = match e {
                    b'a' => Some(7u8),
                    b'b' => Some(8),
                    b'f' => Some(12),
                    b'n' => Some(b'\n'),
                    b'r' => Some(b'\r'),
                    b't' => Some(b'\t'),
                    b'v' => Some(11),
                    b'\\' => Some(b'\\'),
                    b'"' => Some(b'"'),
                    _ => None,
                };
                if let Some(c) = simple {
                    out.push(c);
                    continue;
                }
                match e {
                    b'0'..=b'7' => {
                        let digits = b.get(i - 1..i + 2).ok_or_else(bad)?;
                        if !digits.iter().all(|d| (b'0'..=b'7').contains(d)) {
                            return Err(bad());
                        }
                        let v =
                            u32::from_str_radix(std::str::from_utf8(digits).unwrap(), 8).unwrap();
                        if v > 255 {
                            return Err(bad());
                        }
                        out.push(v as u8);
                        i += 2;
                    }
                    b'x' => {
                        let v = b.get(i..i + 2).and_then(hex).ok_or_else(bad)?;
                        out.push(v as u8);
                        i += 2;
                    }
                    b'u' | b'U' => {
                        let n = if e == b'u' { 4 } else { 8 };
                        let v = b.get(i..i + n).and_then(hex).ok_or_else(bad)?;
                        let c = char::from_u32(v).ok_or_else(bad)?;
                        out.extend_from_slice(c.to_string().as_bytes());
                        i += n;
                    }
                    _ => return Err(bad()),
                }
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    // Byte escapes may make invalid UTF-8; Go compares bytes, we compare
    // the lossy text (no pattern of the corpus does this).
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// A Go (RE2) regexp as a Rust `regex::Regex` (see the header).
fn go_regex(pattern: &str) -> Result<regex::Regex, String> {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(e) = chars.next() else {
                    return Err("trailing backslash".into());
                };
                match e {
                    'C' | 'Q' | 'E' => return Err(format!("\\{e} has no Rust regex form")),
                    'd' | 'D' | 'w' | 'W' | 's' | 'S' if in_class => {
                        let ascii = match e {
                            'd' => "0-9",
                            'w' => "0-9A-Za-z_",
                            's' => "\\t\\n\\x0C\\r ",
                            _ => {
                                return Err(format!(
                                    "\\{e} inside a character class is not supported"
                                ));
                            }
                        };
                        out.push_str(ascii);
                    }
                    'd' | 'D' | 'w' | 'W' | 's' | 'S' | 'b' | 'B' => {
                        // Go's \s is [\t\n\f\r ]; Rust's ASCII \s adds \v.
                        match e {
                            's' => out.push_str("[\\t\\n\\x0C\\r ]"),
                            'S' => out.push_str("[^\\t\\n\\x0C\\r ]"),
                            _ => {
                                out.push_str("(?-u:\\");
                                out.push(e);
                                out.push(')');
                            }
                        }
                    }
                    _ => {
                        out.push('\\');
                        out.push(e);
                    }
                }
            }
            '{' if !in_class => {
                // RE2 reads a `{` that does not start a repetition `{n}`,
                // `{n,}` or `{n,m}` as a literal; Rust's regex rejects it.
                let rest: String = chars.clone().collect();
                match repetition_len(&rest) {
                    Some(n) => {
                        out.push('{');
                        for _ in 0..n {
                            out.push(chars.next().unwrap());
                        }
                    }
                    None => out.push_str("\\{"),
                }
            }
            '}' if !in_class => out.push_str("\\}"),
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                // A `]` or `^]` right after `[` is a literal.
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().unwrap());
                }
                if chars.peek() == Some(&']') {
                    chars.next();
                    out.push_str("\\]");
                }
            }
            '[' if in_class => {
                // `[:alpha:]` classes and a literal `[`.
                if chars.peek() == Some(&':') {
                    out.push('[');
                    for d in chars.by_ref() {
                        out.push(d);
                        if d == ']' {
                            break;
                        }
                    }
                } else {
                    out.push_str("\\[");
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            _ => out.push(c),
        }
    }
    regex::Regex::new(&out).map_err(|e| format!("invalid regexp {pattern:?}: {e}"))
}

/// If `rest` (the text after a `{`) continues a repetition `n}`, `n,}` or
/// `n,m}` (RE2's forms), its length including the `}`.
fn repetition_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let n = digits(0);
    if n == 0 {
        return None;
    }
    let mut i = n;
    if b.get(i) == Some(&b',') {
        i += 1;
        i += digits(i);
    }
    (b.get(i) == Some(&b'}')).then_some(i + 1)
}

// ---------------------------------------------------------------------------
// Reported errors

/// One error goxide printed.
#[derive(Debug, Clone, PartialEq)]
struct Reported {
    file: String,
    line: u32,
    col: u32,
    /// The message, continuation lines joined with `\n` (as types2's Msg).
    msg: String,
}

/// Parses goxide's stderr: `./file.go:L:C: msg` lines, tab-indented
/// continuation lines, `# ...` headers (ignored). Other lines are returned
/// as unparsable.
fn parse_reported(stderr: &str) -> (Vec<Reported>, Vec<String>) {
    let mut out: Vec<Reported> = Vec::new();
    let mut bad = Vec::new();
    for line in stderr.lines() {
        if line.trim().is_empty() || line.starts_with("# ") {
            continue;
        }
        if line.starts_with('\t') {
            match out.last_mut() {
                Some(r) => {
                    r.msg.push('\n');
                    r.msg.push_str(line);
                }
                None => bad.push(line.to_string()),
            }
            continue;
        }
        match parse_position_line(line) {
            Some(r) => out.push(r),
            None => bad.push(line.to_string()),
        }
    }
    (out, bad)
}

fn parse_position_line(line: &str) -> Option<Reported> {
    let rest = line.strip_prefix("./").unwrap_or(line);
    let (file, rest) = rest.split_once(':')?;
    let (l, rest) = rest.split_once(':')?;
    let line_no: u32 = l.parse().ok()?;
    // `L:C: msg`, or `L: msg` without a column.
    let (col, msg) = match rest.split_once(':') {
        Some((c, m)) if !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()) => {
            (c.parse().ok()?, m)
        }
        _ => (0, rest),
    };
    let msg = msg.strip_prefix(' ')?;
    Some(Reported {
        file: file.to_string(),
        line: line_no,
        col,
        msg: msg.to_string(),
    })
}

// ---------------------------------------------------------------------------
// Matching, as check_test.go's testFiles

/// The differences between what was reported and what the ERROR comments
/// expect, in types2's words; empty when the package passes.
fn match_errors(files: &[(String, Vec<u8>)], reported: &[Reported], col_delta: u32) -> Vec<String> {
    let mut errmap: BTreeMap<String, BTreeMap<u32, Vec<Want>>> = BTreeMap::new();
    for (name, src) in files {
        let m = comment_map(src);
        if !m.is_empty() {
            errmap.insert(name.clone(), m);
        }
    }
    let mut problems = Vec::new();
    for r in reported {
        let list: Vec<Want> = errmap
            .get(&r.file)
            .and_then(|m| m.get(&r.line))
            .cloned()
            .unwrap_or_default();
        let mut indices = Vec::new();
        for (i, want) in list.iter().enumerate() {
            let (pattern, substr) = match want.text.strip_prefix(" ERROR ") {
                Some(p) => (p, true),
                None => (
                    want.text
                        .strip_prefix(" ERRORx ")
                        .expect("comment_map keeps only ERROR comments"),
                    false,
                ),
            };
            let unquoted = match unquote(pattern.trim()) {
                Ok(u) => u,
                Err(e) => {
                    problems.push(format!(
                        "{}:{}:{}: invalid ERROR pattern ({e})",
                        r.file, want.line, want.col
                    ));
                    continue;
                }
            };
            let hit = if substr {
                r.msg.contains(&unquoted)
            } else {
                match go_regex(&unquoted) {
                    Ok(rx) => rx.is_match(&r.msg),
                    Err(e) => {
                        problems.push(format!("{}:{}:{}: {e}", r.file, want.line, want.col));
                        continue;
                    }
                }
            };
            if hit {
                indices.push(i);
            }
        }
        if indices.is_empty() {
            problems.push(format!(
                "{}:{}:{}: no error expected: {:?}",
                r.file, r.line, r.col, r.msg
            ));
            continue;
        }
        // The matching expectation closest in column (the first on ties).
        let mut index = indices[0];
        let mut delta = r.col.abs_diff(list[index].col);
        for &i in &indices[1..] {
            let d = r.col.abs_diff(list[i].col);
            if d < delta {
                index = i;
                delta = d;
            }
        }
        if delta > col_delta {
            problems.push(format!(
                "{}:{}:{}: got col = {}; want {}",
                r.file, r.line, r.col, r.col, list[index].col
            ));
        }
        let filemap = errmap.get_mut(&r.file).unwrap();
        let entry = filemap.get_mut(&r.line).unwrap();
        entry.remove(index);
        if entry.is_empty() {
            filemap.remove(&r.line);
        }
        if filemap.is_empty() {
            errmap.remove(&r.file);
        }
    }
    for (file, filemap) in &errmap {
        for wants in filemap.values() {
            for w in wants {
                problems.push(format!(
                    "{file}:{}:{}: unreported error:{}",
                    w.line,
                    w.col,
                    w.text.trim_end()
                ));
            }
        }
    }
    problems
}

/// The verdict on one package: Ok, or the reasons it fails.
fn verdict(pkg: &Package, run: &Run) -> Result<(), Vec<String>> {
    let (reported, bad) = parse_reported(&run.stderr);
    let mut problems: Vec<String> = bad
        .iter()
        .map(|l| format!("unparsable output line: {l:?}"))
        .collect();
    problems.extend(match_errors(&pkg.files, &reported, pkg.col_delta));
    let want_exit = if reported.is_empty() { 0 } else { 1 };
    if run.exit != Some(want_exit) {
        problems.push(format!(
            "goxide exited {:?} after printing {} error(s); want {want_exit}",
            run.exit,
            reported.len()
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// A crash fails the whole test, whatever the snapshot says.
fn crash(run: &Run) -> Option<String> {
    if run.timed_out {
        return Some(format!(
            "goxide did not finish within {}s",
            TIMEOUT.as_secs()
        ));
    }
    if run.stderr.contains("panicked at")
        || run.stderr.contains("internal compiler error")
        || run.exit == Some(101)
    {
        let first = run
            .stderr
            .lines()
            .find(|l| l.contains("panicked") || l.contains("internal compiler error"));
        return Some(format!(
            "goxide panicked: {}",
            first.unwrap_or("exit status 101")
        ));
    }
    if run.exit.is_none() {
        return Some("goxide was killed by a signal".into());
    }
    None
}

// ---------------------------------------------------------------------------
// The failures snapshot

fn parse_failures(text: &str) -> Result<BTreeSet<String>, String> {
    let mut set = BTreeSet::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap().trim();
        if line.is_empty() {
            continue;
        }
        if line.contains(char::is_whitespace) || !line.contains('/') {
            return Err(format!(
                "{FAILURES_FILE}:{}: want `dir/name`, got {raw:?}",
                i + 1
            ));
        }
        if !set.insert(line.to_string()) {
            return Err(format!("{FAILURES_FILE}:{}: {line} listed twice", i + 1));
        }
    }
    Ok(set)
}

fn render_failures(failing: &BTreeSet<String>) -> String {
    let mut s = String::from(
        "# Packages of GOROOT/src/internal/types/testdata that `goxide tool check -types2test`\n\
         # does not pass (see crates/goxide/tests/types2_corpus.rs). One per line.\n\
         # Rewrite from a run: GOXIDE_BLESS_KNOWN=1 cargo test -p goxide --test types2_corpus\n",
    );
    for f in failing {
        s.push_str(f);
        s.push('\n');
    }
    s
}

/// Stale-snapshot failures: listed packages that pass or do not exist,
/// failing packages not listed.
fn stale(
    listed: &BTreeSet<String>,
    failing: &BTreeSet<String>,
    all: &BTreeSet<String>,
) -> Vec<String> {
    let mut out = Vec::new();
    for name in listed {
        if !all.contains(name) {
            out.push(format!(
                "{name}: listed in {FAILURES_FILE} but no such package; remove it"
            ));
        } else if !failing.contains(name) {
            out.push(format!(
                "{name}: now passes; remove it from {FAILURES_FILE}"
            ));
        }
    }
    for name in failing {
        if !listed.contains(name) {
            out.push(format!(
                "{name}: fails and is not listed in {FAILURES_FILE}"
            ));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Driving goxide

fn goxide_bin() -> PathBuf {
    match std::env::var_os(BIN_ENV) {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_goxide")),
    }
}

/// goxide's arguments for one package (file names are `./name`).
fn check_args(pkg: &Package) -> Result<Vec<String>, String> {
    let mut args: Vec<String> = ["tool", "check", "-e", "-types2test"]
        .map(String::from)
        .to_vec();
    if pkg.test_funcs {
        args.push("-predeclaredTestFuncs".into());
    }
    args.extend(header_flags(&pkg.files[0].1)?);
    args.extend(pkg.files.iter().map(|(n, _)| format!("./{n}")));
    Ok(args)
}

/// Copies the package to `work/<index>` and runs goxide there.
fn run_package(work: &Path, index: usize, pkg: &Package) -> Result<Run, String> {
    let args = check_args(pkg)?;
    let dir = work.join(format!("p{index:03}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, src) in &pkg.files {
        fs::write(dir.join(name), src).map_err(|e| format!("{name}: {e}"))?;
    }
    let mut cmd = Command::new(goxide_bin());
    cmd.args(&args).current_dir(&dir);
    let run = Run::from(process::run_with_timeout(&mut cmd, TIMEOUT));
    let _ = fs::remove_dir_all(&dir);
    Ok(run)
}

#[test]
fn types2_corpus() {
    let testdata = goxide_testing::goroot().join("src/internal/types/testdata");
    let (packages, skipped) = collect_packages(&testdata);
    assert!(
        packages.len() > 300,
        "only {} packages under {}",
        packages.len(),
        testdata.display()
    );
    let work = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("types2-corpus-{}", std::process::id()));
    if std::env::var_os(BIN_ENV).is_some_and(|v| !v.is_empty()) {
        say(&format!(
            "types2 corpus: scoring {} ({BIN_ENV})",
            goxide_bin().display()
        ));
    }
    let probe = run_package(&work, 0, &packages[0]).unwrap_or_default();
    if goldens::tool_missing(&probe) {
        let _ = fs::remove_dir_all(&work);
        panic!(
            "types2 corpus: `goxide tool check` does not exist yet: {} says {:?} (exit 2). \
             Every package of the types2 corpus fails until the tool is written.",
            goxide_bin().display(),
            probe.stderr.trim()
        );
    }
    let indexed: Vec<(usize, &Package)> = packages.iter().enumerate().collect();
    let runs = process::map_parallel(&indexed, process::default_jobs(), |(i, p)| {
        run_package(&work, *i, p)
    });
    let _ = fs::remove_dir_all(&work);

    let mut crashes = Vec::new();
    let mut failing = BTreeSet::new();
    let mut details = Vec::new();
    for (pkg, run) in packages.iter().zip(&runs) {
        let outcome = match run {
            Err(e) => Err(vec![e.clone()]),
            Ok(run) => {
                if let Some(c) = crash(run) {
                    crashes.push(format!("{}: {c}", pkg.name));
                }
                verdict(pkg, run)
            }
        };
        if let Err(problems) = outcome {
            failing.insert(pkg.name.clone());
            details.push(format!("{}:\n    {}", pkg.name, problems.join("\n    ")));
        }
    }
    let total = packages.len();
    let passed = total - failing.len();
    say(&format!(
        "types2 corpus: {passed}/{total} packages pass ({} skipped: all files excluded by build constraints)",
        skipped.len()
    ));
    if std::env::var_os("GOXIDE_TYPES2_CORPUS_VERBOSE").is_some() {
        say(&details.join("\n"));
    }

    let path = goxide_testing::repo_root().join(FAILURES_FILE);
    let bless = std::env::var_os(BLESS_ENV).is_some_and(|v| !v.is_empty() && v != "0");
    if bless {
        fs::write(&path, render_failures(&failing))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        say(&format!(
            "types2 corpus: {BLESS_ENV} set: wrote {} entries to {FAILURES_FILE}",
            failing.len()
        ));
    }
    let listed = parse_failures(&fs::read_to_string(&path).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    let all: BTreeSet<String> = packages.iter().map(|p| p.name.clone()).collect();
    let mut failures = crashes;
    if let Err(e) =
        goxide_testing::check_conformance("types2 corpus / files passing", passed, total)
    {
        failures.push(e);
    }
    if !bless {
        failures.extend(stale(&listed, &failing, &all));
    }
    if !failures.is_empty() {
        panic!(
            "types2 corpus: {} failure(s):\n{}\n(set GOXIDE_TYPES2_CORPUS_VERBOSE=1 for each package's differences; \
             rewrite {FAILURES_FILE} with {BLESS_ENV}=1)",
            failures.len(),
            failures.join("\n")
        );
    }
}

/// `check/a.go` for a one-file package, `fixedbugs/issue1/a.go` in a directory.
fn file_label(p: &Package, file: &str) -> String {
    if p.name.ends_with(&format!("/{file}")) {
        p.name.clone()
    } else {
        format!("{}/{file}", p.name)
    }
}

/// The corpus as this harness reads it, without goxide: the packages exist,
/// every ERROR pattern unquotes (and every ERRORx compiles as a Rust
/// regex), header flags are known, and the failures snapshot names only
/// real packages.
#[test]
fn corpus_reads_as_types2_reads_it() {
    let testdata = goxide_testing::goroot().join("src/internal/types/testdata");
    let (packages, skipped) = collect_packages(&testdata);
    assert!(packages.len() > 300, "only {} packages", packages.len());
    assert!(
        skipped.contains(&"fixedbugs/issue78346.go".to_string()),
        "{skipped:?}"
    );
    let mut wants = 0;
    let mut bad = Vec::new();
    for p in &packages {
        if let Err(e) = header_flags(&p.files[0].1) {
            bad.push(format!("{}: {e}", p.name));
        }
        for (name, src) in &p.files {
            for w in comment_map(src).values().flatten() {
                wants += 1;
                let (pat, substr) = match w.text.strip_prefix(" ERROR ") {
                    Some(p) => (p, true),
                    None => (w.text.strip_prefix(" ERRORx ").unwrap(), false),
                };
                match unquote(pat.trim()) {
                    Err(e) => bad.push(format!("{}:{}: {e}", file_label(p, name), w.line)),
                    Ok(u) if !substr => {
                        if let Err(e) = go_regex(&u) {
                            bad.push(format!("{}:{}: {e}", file_label(p, name), w.line));
                        }
                    }
                    Ok(_) => {}
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    assert!(wants > 2500, "only {wants} ERROR comments found");
    let listed = parse_failures(
        &fs::read_to_string(goxide_testing::repo_root().join(FAILURES_FILE)).unwrap(),
    )
    .unwrap();
    let all: BTreeSet<String> = packages.iter().map(|p| p.name.clone()).collect();
    for l in &listed {
        assert!(
            all.contains(l),
            "{FAILURES_FILE} lists {l}, which is no package"
        );
    }
}

// ---------------------------------------------------------------------------
// Unit tests

fn pkg(files: &[(&str, &str)], col_delta: u32) -> Package {
    Package {
        name: "check/x.go".into(),
        files: files
            .iter()
            .map(|(n, s)| (n.to_string(), s.as_bytes().to_vec()))
            .collect(),
        col_delta,
        test_funcs: false,
    }
}

fn reported(file: &str, line: u32, col: u32, msg: &str) -> Reported {
    Reported {
        file: file.into(),
        line,
        col,
        msg: msg.into(),
    }
}

const SRC: &str = "package p\n\nfunc f() {\n\t_ = x /* ERROR \"undefined: x\" */ + 1\n\tvar y int // ERRORx `declared and not used: [a-z]`\n}\n";

#[test]
fn comment_positions_are_the_previous_tokens() {
    let m = comment_map(SRC.as_bytes());
    // `x` is at 4:6; `int` at 5:8 (the automatic semicolon does not count).
    assert_eq!(
        m.values()
            .flatten()
            .map(|w| (w.line, w.col))
            .collect::<Vec<_>>(),
        [(4, 6), (5, 8)]
    );
    assert_eq!(m[&4][0].text, " ERROR \"undefined: x\" ");
    assert_eq!(m[&5][0].text, " ERRORx `declared and not used: [a-z]`");
    // Several comments after one token; a comment before any token is at 0:0;
    // non-ERROR comments and `ERROR` without a following blank are ignored.
    let m = comment_map(b"/* ERROR \"a\" */ package p\nvar _ = 1 /* ERROR \"b\" */ /* ERROR \"c\" */ // ERRORx \"d\"\n// ERROR: no\n/* not an error */\n");
    let got: Vec<(u32, u32, String)> = m
        .values()
        .flatten()
        .map(|w| (w.line, w.col, w.text.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (0, 0, " ERROR \"a\" ".to_string()),
            (2, 9, " ERROR \"b\" ".to_string()),
            (2, 9, " ERROR \"c\" ".to_string()),
            (2, 9, " ERRORx \"d\"".to_string()),
        ]
    );
}

#[test]
fn matching_follows_types2_rules() {
    let p = pkg(&[("x.go", SRC)], 0);
    let good = [
        reported("x.go", 4, 6, "undefined: x"),
        reported("x.go", 5, 6, "declared and not used: y"),
    ];
    // Column 6 vs expected 8 on line 5: outside a tolerance of 0.
    let probs = match_errors(&p.files, &good, 0);
    assert_eq!(probs, ["x.go:5:6: got col = 6; want 8"]);
    // Within a tolerance of 2 (or types2's 50 for check/): passes.
    assert!(match_errors(&p.files, &good, 2).is_empty());
    // A wrong message is "no error expected", and its expectation is left over.
    let wrong = [
        reported("x.go", 4, 6, "undefined: z"),
        reported("x.go", 5, 8, "declared and not used: y"),
    ];
    let probs = match_errors(&p.files, &wrong, 50);
    assert_eq!(probs.len(), 2, "{probs:?}");
    assert!(
        probs[0].contains("no error expected: \"undefined: z\""),
        "{probs:?}"
    );
    assert!(
        probs[1].contains("x.go:4:6: unreported error: ERROR \"undefined: x\""),
        "{probs:?}"
    );
    // The regexp is a regexp: `[a-z]` does not match `Y`.
    let upper = [
        reported("x.go", 4, 6, "undefined: x"),
        reported("x.go", 5, 8, "declared and not used: Y"),
    ];
    assert_eq!(match_errors(&p.files, &upper, 50).len(), 2);
    // ERROR is a substring match; the right line but another file is unexpected.
    let sub = [
        reported("x.go", 4, 6, "compile: undefined: x (and more)"),
        reported("x.go", 5, 8, "declared and not used: y"),
    ];
    assert!(match_errors(&p.files, &sub, 50).is_empty());
    let other = [reported("y.go", 4, 6, "undefined: x")];
    assert_eq!(match_errors(&p.files, &other, 50).len(), 3);
    // Nothing reported: both expectations are unreported.
    assert_eq!(match_errors(&p.files, &[], 50).len(), 2);
    // One error reported twice: the second has nothing left to match.
    let twice = [
        reported("x.go", 4, 6, "undefined: x"),
        reported("x.go", 4, 6, "undefined: x"),
        reported("x.go", 5, 8, "declared and not used: y"),
    ];
    assert_eq!(match_errors(&p.files, &twice, 50).len(), 1);
}

#[test]
fn closest_column_wins_among_matches() {
    let src = "package p\nvar _ = a /* ERROR \"undefined\" */ + b /* ERROR \"undefined\" */\n";
    let files = [("x.go".to_string(), src.as_bytes().to_vec())];
    // `a` is at 2:9, `b` at 2:37. b reported first takes the expectation at
    // b (the closer one), then a takes a's: exact columns, no tolerance needed.
    let r = [
        reported("x.go", 2, 37, "undefined: b"),
        reported("x.go", 2, 9, "undefined: a"),
    ];
    assert!(
        match_errors(&files, &r, 0).is_empty(),
        "{:?}",
        match_errors(&files, &r, 0)
    );
    // Both reported at b's column: the second can only take a's, 28 columns off.
    let r = [
        reported("x.go", 2, 37, "undefined: b"),
        reported("x.go", 2, 37, "undefined: a"),
    ];
    assert_eq!(
        match_errors(&files, &r, 20),
        ["x.go:2:37: got col = 37; want 9"]
    );
    assert!(match_errors(&files, &r, 28).is_empty());
}

#[test]
fn multi_line_messages_match_as_one() {
    let src = "package p\nfunc f(int, int)\nvar _ = f /* ERRORx `not enough arguments in call to f\\n\\thave \\(\\)\\n\\twant \\(int, int\\)` */ ()\n";
    let files = [("x.go".to_string(), src.as_bytes().to_vec())];
    let (r, bad) = parse_reported(
        "# p\n./x.go:3:9: not enough arguments in call to f\n\thave ()\n\twant (int, int)\n",
    );
    assert!(bad.is_empty());
    assert_eq!(r.len(), 1);
    assert!(match_errors(&files, &r, 0).is_empty());
    let (r, _) =
        parse_reported("./x.go:3:9: not enough arguments in call to f\n\thave ()\n\twant (int)\n");
    assert_eq!(match_errors(&files, &r, 0).len(), 2);
}

#[test]
fn reported_lines_parse() {
    let (r, bad) = parse_reported(
        "# command-line-arguments\n./a.go:3:14: x: y\nb.go:10: no column\n\tcontinued\ngarbage\n",
    );
    assert_eq!(
        r,
        [
            reported("a.go", 3, 14, "x: y"),
            reported("b.go", 10, 0, "no column\n\tcontinued")
        ]
    );
    assert_eq!(bad, ["garbage"]);
    assert_eq!(parse_reported("\tdangling\n").1, ["\tdangling"]);
}

#[test]
fn verdict_checks_exit_status_and_output() {
    let p = pkg(
        &[("x.go", "package p\nvar _ = x // ERROR \"undefined: x\"\n")],
        0,
    );
    let ok = goldens::parse_run(Some(1), false, "", "./x.go:2:9: undefined: x\n");
    assert_eq!(verdict(&p, &ok), Ok(()));
    let exit0 = goldens::parse_run(Some(0), false, "", "./x.go:2:9: undefined: x\n");
    assert!(verdict(&p, &exit0).is_err());
    let noise = goldens::parse_run(Some(1), false, "", "./x.go:2:9: undefined: x\nwhat?\n");
    assert!(verdict(&p, &noise).is_err());
    let clean = pkg(&[("x.go", "package p\n")], 0);
    assert_eq!(
        verdict(&clean, &goldens::parse_run(Some(0), false, "", "")),
        Ok(())
    );
    assert!(verdict(&clean, &goldens::parse_run(Some(1), false, "", "")).is_err());
    assert!(
        crash(&goldens::parse_run(
            Some(101),
            false,
            "",
            "thread 'main' panicked at x.rs:1:1:\n"
        ))
        .is_some()
    );
    assert!(crash(&goldens::parse_run(None, true, "", "")).is_some());
    assert!(crash(&ok).is_none());
}

#[test]
fn unquote_is_go_strconv_unquote() {
    assert_eq!(unquote(r#""a\tb\"c\\d""#).unwrap(), "a\tb\"c\\d");
    assert_eq!(unquote(r#""\x41\101\u00e9\U0001F600""#).unwrap(), "AAé😀");
    assert_eq!(unquote("`raw \\n ( `").unwrap(), "raw \\n ( ");
    for bad in [
        r#""unterminated"#,
        r#""a"b""#,
        r#""\q""#,
        "'c'x",
        "plain",
        r#""\400""#,
        r#""\uD800""#,
    ] {
        assert!(unquote(bad).is_err(), "{bad} accepted");
    }
}

#[test]
fn go_regexps_keep_their_meaning() {
    let m = |p: &str, s: &str| go_regex(p).unwrap().is_match(s);
    assert!(m(
        r"cannot use .* as (int|string) value",
        "cannot use x (variable) as int value"
    ));
    assert!(!m(r"^undefined: x$", "undefined: xy"));
    // Go's \d, \w, \s and \b are ASCII-only.
    assert!(!m(r"^\d$", "٣"));
    assert!(m(r"^\d+$", "42"));
    assert!(!m(r"^\w$", "é"));
    assert!(!m(r"^[\w]$", "é"));
    assert!(m(r"^[\w.]+$", "a.b_1"));
    assert!(!m(r"^\s$", "\u{a0}"));
    assert!(!m(r"^\s$", "\u{b}"));
    assert!(m(r"x\b", "x y"));
    assert!(m(r"^[]a]+$", "]a"));
    assert!(m(r"^[[:alpha:]]+$", "abc"));
    // Braces that start no repetition are literals.
    assert!(m(
        r"non-interface type (struct{}|notE)",
        "non-interface type struct{}"
    ));
    assert!(m(r"^g\[F\]{} .*$", "g[F]{} x"));
    assert!(m(r"^a{2}$", "aa"));
    assert!(!m(r"^a{2}$", "a{2}"));
    assert!(m(r"^a{2,}b{1,3}$", "aaabb"));
    assert!(m(r"^a{,2}$", "a{,2}"));
    assert!(m(r"^x}$", "x}"));
    assert!(go_regex(r"\Qa.b\E").is_err());
    assert!(go_regex("(unclosed").is_err());
}

#[test]
fn build_constraints_and_header_flags() {
    assert!(should_test(
        b"// -lang=go1.21\n\n//go:build go1.21\n\npackage p\n"
    ));
    assert!(!should_test(b"//go:build ignore && !386\n\npackage p\n"));
    assert!(!should_test(b"//go:build go1.28\n\npackage p\n"));
    assert!(!should_test(b"//go:build windows\n\npackage p\n"));
    assert!(should_test(b"//go:build linux && amd64\n\npackage p\n"));
    assert!(should_test(b"package p\n//go:build ignore\n"));
    assert!(should_test(b"// +build go1.9\n\npackage p\n"));
    assert_eq!(
        header_flags(b"// -lang=go1.17\n\npackage p\n").unwrap(),
        ["-lang=go1.17"]
    );
    assert_eq!(
        header_flags(b"//-fakeImportC -lang=go1.8\npackage p\n").unwrap(),
        ["-fakeImportC", "-lang=go1.8"]
    );
    assert!(
        header_flags(b"// Copyright -2024\npackage p\n")
            .unwrap()
            .is_empty()
    );
    assert!(
        header_flags(b"package p // -lang=go1.1\n")
            .unwrap()
            .is_empty()
    );
    assert!(header_flags(b"// -nosuchflag\npackage p\n").is_err());
    assert!(header_flags(b"// -lang=go1.17").is_err());
}

#[test]
fn snapshot_staleness_both_ways() {
    let set = |v: &[&str]| {
        v.iter()
            .map(|s| s.to_string())
            .collect::<BTreeSet<String>>()
    };
    let all = set(&["check/a.go", "check/b.go", "fixedbugs/c"]);
    let listed = parse_failures("# header\ncheck/a.go\nfixedbugs/c  # why\n").unwrap();
    assert!(stale(&listed, &set(&["check/a.go", "fixedbugs/c"]), &all).is_empty());
    // Listed but passing, failing but unlisted, listed but absent.
    let s = stale(&listed, &set(&["check/a.go", "check/b.go"]), &all);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(s.iter().any(|l| l.starts_with("fixedbugs/c: now passes")));
    assert!(
        s.iter()
            .any(|l| l.starts_with("check/b.go: fails and is not listed"))
    );
    let s = stale(&set(&["check/gone.go"]), &set(&[]), &all);
    assert!(s[0].contains("no such package"), "{s:?}");
    assert_eq!(parse_failures(&render_failures(&listed)).unwrap(), listed);
    assert!(parse_failures("check/a.go\ncheck/a.go\n").is_err());
    assert!(parse_failures("two words\n").is_err());
}

#[test]
fn package_arguments() {
    let mut p = pkg(
        &[
            ("a.go", "// -lang=go1.20\npackage p\n"),
            ("b.go", "// -lang=go1.9\npackage p\n"),
        ],
        50,
    );
    p.test_funcs = true;
    assert_eq!(
        check_args(&p).unwrap(),
        [
            "tool",
            "check",
            "-e",
            "-types2test",
            "-predeclaredTestFuncs",
            "-lang=go1.20",
            "./a.go",
            "./b.go"
        ]
    );
}
