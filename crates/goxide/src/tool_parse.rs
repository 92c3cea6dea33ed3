//! `goxide tool parse [-j N] path...`: parses Go files with
//! `goxide_syntax::parse_file` and reports syntax errors, as a driver for
//! testing and timing the parser.
//!
//! Files: each path that is a file is parsed whatever its name; each
//! directory is walked as `filepath.WalkDir` does (entries in lexical
//! byte order, recursing in place) collecting `*.go` files, skipping
//! directories named `testdata` or starting with `.` or `_` (the go
//! command's `./...` rule) and files starting with `.` or `_` (which
//! go/build ignores). Symbolic links to directories are not followed.
//! Names are joined as given (`dir` + `/` + name, no cleaning). Files under
//! GOROOT/src are parsed with gc's standard-library directive policy.
//!
//! Output: diagnostics (`file:line:col: msg`) go to stderr — where the go
//! command shows compile errors — in file-list order whatever `-j`, each
//! file's sorted and cut after 10 errors as gc reports a package's, with
//! paths shown as `go build` shows them (see `Worker::parse_one`); then
//! `N files, M errors` on stdout. Exit status 1 if M > 0. A parser panic
//! is reported as `file: internal compiler error: <panic message>` and
//! counted as an error; the driver goes on with the other files.
//!
//! Parallelism: N scoped worker threads (with large stacks, for deeply
//! nested sources) take file indexes from an atomic counter, each reusing
//! one read buffer, and send each file's formatted output to the main
//! thread, which prints in order as results arrive.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use std::path::{Component, Path, PathBuf};

use goxide_build::cfg::Config;
use goxide_build::os_error::path_error;
use goxide_build::osenv::OsEnv;
use goxide_syntax::directive::Policy;
use goxide_syntax::parser::Mode;

use crate::flags::{FlagSet, Kind, ParseError};
use crate::output;

const USAGE: &str = "usage: goxide tool parse [-j N] path...\n";

/// Worker stack size: deeply nested source must not overflow a parser
/// thread (the address space is reserved, not committed).
const WORKER_STACK: usize = 256 << 20;

/// Runs the tool; returns the exit status.
pub fn run(args: &[Vec<u8>]) -> i32 {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut flags = FlagSet::new(&[("j", Kind::Int)]).default_int("j", cpus as i64);
    let paths = match flags.parse(args) {
        Ok(p) => p,
        Err(ParseError::Help) => return usage(None),
        Err(ParseError::Failed(msg)) => return usage(Some(&msg)),
    };
    let jobs = flags.int("j");
    if jobs < 1 {
        return usage(Some(&format!(
            "invalid value \"{jobs}\" for flag -j: must be at least 1"
        )));
    }
    if paths.is_empty() {
        return usage(None);
    }

    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in &paths {
        collect(p, &mut files, &mut problems);
    }
    for msg in &problems {
        output::stderr_line(msg);
    }
    let mut errors = problems.len();
    let ctx = Context::new();
    errors += parse_all(&ctx, &files, jobs as usize);
    output::stdout(format!("{} files, {} errors\n", files.len(), errors).as_bytes());
    if errors > 0 { 1 } else { 0 }
}

fn usage(msg: Option<&str>) -> i32 {
    let mut text = String::new();
    if let Some(m) = msg {
        text.push_str(m);
        text.push('\n');
    }
    text.push_str(USAGE);
    output::stderr(text.as_bytes());
    2
}

fn os(p: &[u8]) -> &OsStr {
    OsStr::from_bytes(p)
}

/// Adds the files `path` names to `files`, and a go-style message to
/// `problems` for each path or directory that cannot be read (the rest
/// of the walk goes on).
pub fn collect(path: &[u8], files: &mut Vec<Vec<u8>>, problems: &mut Vec<String>) {
    match std::fs::metadata(os(path)) {
        Err(e) => problems.push(path_error("stat", path, &e)),
        Ok(meta) if meta.is_dir() => walk(path, files, problems),
        Ok(_) => files.push(path.to_vec()),
    }
}

fn skipped(name: &[u8]) -> bool {
    name.starts_with(b".") || name.starts_with(b"_")
}

fn walk(dir: &[u8], files: &mut Vec<Vec<u8>>, problems: &mut Vec<String>) {
    let rd = match std::fs::read_dir(os(dir)) {
        Ok(rd) => rd,
        Err(e) => return problems.push(path_error("open", dir, &e)),
    };
    let mut entries = Vec::new();
    for entry in rd {
        match entry {
            Ok(entry) => entries.push((entry.file_name().into_vec(), entry.file_type())),
            Err(e) => {
                problems.push(path_error("readdirent", dir, &e));
                break;
            }
        }
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, ft) in entries {
        let mut joined = dir.to_vec();
        if !joined.ends_with(b"/") {
            joined.push(b'/');
        }
        joined.extend_from_slice(&name);
        let Ok(ft) = ft else { continue };
        if ft.is_dir() {
            if name != b"testdata" && !skipped(&name) {
                walk(&joined, files, problems);
            }
        } else if name.ends_with(b".go") && !skipped(&name) {
            let is_file = ft.is_file()
                || (ft.is_symlink() && std::fs::metadata(os(&joined)).is_ok_and(|m| m.is_file()));
            if is_file {
                files.push(joined);
            }
        }
    }
}

/// One file's result: its output lines and error count.
struct Report {
    index: usize,
    text: String,
    errors: usize,
}

/// Parses `files` with `jobs` workers, printing diagnostics in order;
/// returns the number of errors.
fn parse_all(ctx: &Context, files: &[Vec<u8>], jobs: usize) -> usize {
    if files.is_empty() {
        return 0;
    }
    let workers = jobs.min(files.len());
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<Report>();

    // Parser panics are reported per file; silence the default message.
    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));

    let mut total = 0usize;
    std::thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..workers {
            let tx = tx.clone();
            let next = &next;
            let spawned = std::thread::Builder::new()
                .stack_size(WORKER_STACK)
                .spawn_scoped(scope, move || work(ctx, files, next, &tx));
            match spawned {
                Ok(_) => started += 1,
                Err(e) => {
                    output::stderr_line(&format!("goxide: starting a parse worker: {e}"));
                    break;
                }
            }
        }
        if started == 0 {
            // No thread could start: parse on this one.
            work(ctx, files, &next, &tx);
        }
        drop(tx);

        let stderr = std::io::stderr();
        let mut err = std::io::BufWriter::with_capacity(64 * 1024, stderr.lock());
        let mut pending: BTreeMap<usize, Report> = BTreeMap::new();
        let mut want = 0usize;
        for report in rx {
            pending.insert(report.index, report);
            while let Some(r) = pending.remove(&want) {
                total += r.errors;
                let _ = err.write_all(r.text.as_bytes());
                want += 1;
            }
        }
        let _ = err.flush();
    });

    panic::set_hook(previous_hook);
    total
}

/// A worker: parses the files whose indexes it takes from `next`,
/// sending each report to the printer.
fn work(ctx: &Context, files: &[Vec<u8>], next: &AtomicUsize, tx: &mpsc::Sender<Report>) {
    let mut worker = Worker { ctx, buf: Vec::new(), last_dir: None };
    loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        let Some(name) = files.get(index) else { break };
        let (text, errors) = worker.parse_one(name);
        if tx
            .send(Report {
                index,
                text,
                errors,
            })
            .is_err()
        {
            break;
        }
    }
}

/// What every worker needs to know about this run.
pub struct Context {
    /// The working directory, absolute.
    cwd: PathBuf,
    /// GOROOT/src, canonical, if a GOROOT is configured.
    goroot_src: Option<PathBuf>,
}

impl Context {
    pub fn new() -> Context {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        let cfg = Config::load(OsEnv::from_process());
        let goroot_src = std::fs::canonicalize(Path::new(os(&cfg.goroot)).join("src")).ok();
        Context { cwd, goroot_src }
    }

    /// The directive policy for files of `dir`: gc's `-std` policy for a
    /// GOROOT package (`cmd/go` passes `-std` for every package under
    /// GOROOT/src), user code's otherwise.
    fn policy(&self, dir: &Path) -> Policy {
        let Some(src) = &self.goroot_src else { return Policy::default() };
        let Ok(dir) = std::fs::canonicalize(dir) else { return Policy::default() };
        match dir.strip_prefix(src) {
            Ok(rel) => Policy::for_std_package(&rel.to_string_lossy()),
            Err(_) => Policy::default(),
        }
    }
}

/// Per-worker state: the read buffer and the last directory's policy.
struct Worker<'a> {
    ctx: &'a Context,
    buf: Vec<u8>,
    last_dir: Option<(PathBuf, Policy)>,
}

impl Worker<'_> {
    /// Reads and parses one file; returns its output and error count.
    ///
    /// As the go command runs gc, the parser is given the file's absolute
    /// path, and the directory is then shortened in the output
    /// (cmd/go's `replacePrefix(out, dir, base.ShortPath(dir))`), so that
    /// positions moved by `//line` directives print as `go build` prints
    /// them. Diagnostics are sorted and cut after 10 as gc does.
    fn parse_one(&mut self, name: &[u8]) -> (String, usize) {
        let display = String::from_utf8_lossy(name);
        self.buf.clear();
        let read = std::fs::File::open(os(name))
            .map_err(|e| path_error("open", name, &e))
            .and_then(|mut f| {
                if let Ok(m) = f.metadata() {
                    self.buf.reserve(usize::try_from(m.len()).unwrap_or(0));
                }
                f.read_to_end(&mut self.buf).map_err(|e| path_error("read", name, &e))
            });
        if let Err(msg) = read {
            return (format!("{msg}\n"), 1);
        }
        let abs = lexical_clean(&self.ctx.cwd.join(os(name)));
        let dir = abs.parent().unwrap_or(Path::new("/")).to_path_buf();
        let policy = match &self.last_dir {
            Some((d, p)) if *d == dir => *p,
            _ => {
                let p = self.ctx.policy(&dir);
                self.last_dir = Some((dir.clone(), p));
                p
            }
        };
        let mode = Mode { directives: policy, ..Mode::default() };
        let abs_name = abs.to_string_lossy().into_owned();
        let src: &[u8] = &self.buf;
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            // The tree is not needed: `_` drops it at once (it can be large).
            let (_, diags) = goxide_syntax::parse_file_with(&abs_name, src, mode);
            diags
        }));
        match result {
            Ok(diags) if diags.is_empty() => (String::new(), 0),
            Ok(diags) => {
                let lines = goxide_syntax::report::flush(&diags, GC_ERROR_LIMIT);
                let errors = diags.len().min(GC_ERROR_LIMIT);
                let mut text = lines.join("\n");
                text.push('\n');
                let dir_s = dir.to_string_lossy();
                let short = short_path(&dir, &self.ctx.cwd);
                (replace_prefix(&text, &dir_s, &short.to_string_lossy()), errors)
            }
            Err(payload) => {
                let msg = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".to_string());
                (format!("{display}: internal compiler error: {msg}\n"), 1)
            }
        }
    }
}

/// gc stops after this many errors (without `-e`).
const GC_ERROR_LIMIT: usize = 10;

/// `filepath.Clean` of an absolute path, without touching the file system.
fn lexical_clean(p: &Path) -> PathBuf {
    let mut out = PathBuf::from("/");
    for c in p.components() {
        match c {
            Component::RootDir | Component::CurDir | Component::Prefix(_) => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
        }
    }
    out
}

/// cmd/go's `base.ShortPath`: `path` relative to `cwd` when that is
/// shorter and does not climb out of `cwd`.
fn short_path(path: &Path, cwd: &Path) -> PathBuf {
    if let Ok(rel) = path.strip_prefix(cwd) {
        let rel = if rel.as_os_str().is_empty() { PathBuf::from(".") } else { rel.to_path_buf() };
        if rel.as_os_str().len() < path.as_os_str().len() {
            return rel;
        }
    }
    path.to_path_buf()
}

/// cmd/go's `replacePrefix`: replaces `old` by `new` where it starts the
/// text, a line, a tab-indented line, or follows a blank.
pub(crate) fn replace_prefix(s: &str, old: &str, new: &str) -> String {
    if !s.contains(old) {
        return s.to_string();
    }
    let mut s = s
        .replace(&format!(" {old}"), &format!(" {new}"))
        .replace(&format!("\n{old}"), &format!("\n{new}"))
        .replace(&format!("\n\t{old}"), &format!("\n\t{new}"));
    if let Some(rest) = s.strip_prefix(old) {
        s = format!("{new}{rest}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_order_and_skips() {
        let root = std::env::temp_dir().join(format!("goxide-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for d in ["b", "testdata", "_x", ".y", "a"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        for f in [
            "z.go",
            "b/x.go",
            "testdata/t.go",
            "_x/u.go",
            ".y/v.go",
            "a/w.go",
            "a.go",
            "_a.go",
            "c.txt",
        ] {
            std::fs::write(root.join(f), "package p\n").unwrap();
        }
        let (mut files, mut problems) = (Vec::new(), Vec::new());
        let r = root.as_os_str().as_bytes().to_vec();
        collect(&r, &mut files, &mut problems);
        assert!(problems.is_empty());
        let rel: Vec<String> = files
            .iter()
            .map(|f| String::from_utf8_lossy(&f[r.len()..]).into_owned())
            .collect();
        assert_eq!(rel, vec!["/a/w.go", "/a.go", "/b/x.go", "/z.go"]);
        // Explicit files are always taken.
        let mut files = Vec::new();
        collect(
            root.join("_a.go").as_os_str().as_bytes(),
            &mut files,
            &mut problems,
        );
        assert_eq!(files.len(), 1);
        collect(b"/nonexistent/x", &mut files, &mut problems);
        assert_eq!(
            problems,
            vec!["stat /nonexistent/x: no such file or directory".to_string()]
        );
        let _ = std::fs::remove_dir_all(root);
    }
}
