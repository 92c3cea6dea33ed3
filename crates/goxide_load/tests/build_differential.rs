//! Differential test of `goxide_load::build::import_dir` against go/build's
//! `Context.ImportDir`, over every directory of GOROOT/src (std and cmd;
//! `testdata`, `_x` and `.x` directories skipped) and the edge-case
//! fixtures under `tests/build/fixtures`, for several targets.
//!
//! The oracle (`tests/build/oracle/importdir`) is built once with the
//! reference go and run once per configuration, all at the same time; it
//! prints every field of each `build.Package` and the error, one line per
//! field. [`render`] prints goxide's result in the same format, and the two
//! are compared field by field. The context itself (tool, release tags,
//! cgo) is compared too, so `Context::new`'s defaults are checked against
//! `build.Default` for each target.
//!
//! Tests may run the reference go; the product never does.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use goxide_load::build::{
    Context, Directive, ImportError, ImportMode, Package, Position, import_dir,
};

/// One target and option set.
struct Config {
    name: &'static str,
    goos: &'static str,
    goarch: &'static str,
    cgo: bool,
    tags: &'static [&'static str],
    import_comment: bool,
}

const CONFIGS: &[Config] = &[
    Config {
        name: "linux/amd64",
        goos: "linux",
        goarch: "amd64",
        cgo: false,
        tags: &[],
        import_comment: false,
    },
    Config {
        name: "linux/arm64",
        goos: "linux",
        goarch: "arm64",
        cgo: false,
        tags: &[],
        import_comment: false,
    },
    Config {
        name: "darwin/arm64",
        goos: "darwin",
        goarch: "arm64",
        cgo: false,
        tags: &[],
        import_comment: false,
    },
    Config {
        name: "windows/amd64",
        goos: "windows",
        goarch: "amd64",
        cgo: false,
        tags: &[],
        import_comment: false,
    },
    Config {
        name: "wasip1/wasm",
        goos: "wasip1",
        goarch: "wasm",
        cgo: false,
        tags: &[],
        import_comment: false,
    },
    Config {
        name: "linux/amd64 -tags purego",
        goos: "linux",
        goarch: "amd64",
        cgo: false,
        tags: &["purego"],
        import_comment: false,
    },
    Config {
        name: "linux/amd64 cgo, ImportComment",
        goos: "linux",
        goarch: "amd64",
        cgo: true,
        tags: &[],
        import_comment: true,
    },
];

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '|' => out.push_str("\\|"),
            c => out.push(c),
        }
    }
    out
}

fn list(l: &[String]) -> String {
    l.iter().map(|s| esc(s)).collect::<Vec<_>>().join("|")
}

fn pos(p: &Position) -> String {
    format!("{}:{}:{}:{}", p.filename, p.line, p.column, p.offset)
}

fn pos_map(m: &BTreeMap<String, Vec<Position>>) -> String {
    m.iter()
        .map(|(k, ps)| {
            esc(&format!(
                "{k}@{}",
                ps.iter().map(pos).collect::<Vec<_>>().join(",")
            ))
        })
        .collect::<Vec<_>>()
        .join("|")
}

fn directives(ds: &[Directive]) -> String {
    ds.iter()
        .map(|d| esc(&format!("{}@{}", d.text, pos(&d.pos))))
        .collect::<Vec<_>>()
        .join("|")
}

/// One directory's result as (field, value) lines, in oracle order.
type Rendered = Vec<(String, String)>;

/// goxide's result in the oracle's format.
fn render(p: &Package, err: Option<&ImportError>) -> Rendered {
    let kind = match err {
        None => "none",
        Some(ImportError::NoGo { .. }) => "nogo",
        Some(ImportError::MultiplePackages { .. }) => "multiple",
        Some(ImportError::Parse(_)) => "parse",
        Some(ImportError::Other(_)) => "other",
    };
    let text = err.map(|e| e.to_string()).unwrap_or_default();
    let s = |p: &Path| esc(&p.to_string_lossy());
    let fields: Vec<(&str, String)> = vec![
        ("Error", format!("{kind} {}", esc(&text))),
        ("Dir", s(&p.dir)),
        ("Name", esc(&p.name)),
        ("ImportPath", esc(&p.import_path)),
        ("Root", s(&p.root)),
        ("Goroot", p.goroot.to_string()),
        ("ConflictDir", s(&p.conflict_dir)),
        ("Doc", esc(&p.doc)),
        ("ImportComment", esc(&p.import_comment)),
        ("AllTags", list(&p.all_tags)),
        ("BinaryOnly", p.binary_only.to_string()),
        ("GoFiles", list(&p.go_files)),
        ("CgoFiles", list(&p.cgo_files)),
        ("IgnoredGoFiles", list(&p.ignored_go_files)),
        ("InvalidGoFiles", list(&p.invalid_go_files)),
        ("IgnoredOtherFiles", list(&p.ignored_other_files)),
        ("CFiles", list(&p.c_files)),
        ("CXXFiles", list(&p.cxx_files)),
        ("MFiles", list(&p.m_files)),
        ("HFiles", list(&p.h_files)),
        ("FFiles", list(&p.f_files)),
        ("SFiles", list(&p.s_files)),
        ("SwigFiles", list(&p.swig_files)),
        ("SwigCXXFiles", list(&p.swig_cxx_files)),
        ("SysoFiles", list(&p.syso_files)),
        ("CgoCFLAGS", list(&p.cgo_cflags)),
        ("CgoCPPFLAGS", list(&p.cgo_cppflags)),
        ("CgoCXXFLAGS", list(&p.cgo_cxxflags)),
        ("CgoFFLAGS", list(&p.cgo_fflags)),
        ("CgoLDFLAGS", list(&p.cgo_ldflags)),
        ("CgoPkgConfig", list(&p.cgo_pkg_config)),
        ("TestGoFiles", list(&p.test_go_files)),
        ("XTestGoFiles", list(&p.xtest_go_files)),
        ("Directives", directives(&p.directives)),
        ("TestDirectives", directives(&p.test_directives)),
        ("XTestDirectives", directives(&p.xtest_directives)),
        ("Imports", list(&p.imports)),
        ("ImportPos", pos_map(&p.import_pos)),
        ("TestImports", list(&p.test_imports)),
        ("TestImportPos", pos_map(&p.test_import_pos)),
        ("XTestImports", list(&p.xtest_imports)),
        ("XTestImportPos", pos_map(&p.xtest_import_pos)),
        ("EmbedPatterns", list(&p.embed_patterns)),
        ("EmbedPatternPos", pos_map(&p.embed_pattern_pos)),
        ("TestEmbedPatterns", list(&p.test_embed_patterns)),
        ("TestEmbedPatternPos", pos_map(&p.test_embed_pattern_pos)),
        ("XTestEmbedPatterns", list(&p.xtest_embed_patterns)),
        ("XTestEmbedPatternPos", pos_map(&p.xtest_embed_pattern_pos)),
    ];
    fields
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

/// Directories under `dir` (itself included), skipping testdata and names
/// starting with `_` or `.`, in sorted order.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    out.push(dir.to_path_buf());
    let mut subs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    subs.sort();
    for p in subs {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if name == "testdata" || name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        walk(&p, out);
    }
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/build/fixtures")
}

/// The importdir oracle, built once per test process (the tests run in
/// parallel and share it).
fn build_oracle(root: &Path) -> PathBuf {
    static ORACLE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    ORACLE.get_or_init(|| build_importdir_oracle(root)).clone()
}

fn build_importdir_oracle(root: &Path) -> PathBuf {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let exe = tmp.join("build-oracle-importdir");
    let status = Command::new(root.join("bin/go"))
        .args(["build", "-o"])
        .arg(&exe)
        .arg("./importdir")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/build/oracle"))
        .env("GOROOT", root)
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "")
        .env("GOTELEMETRY", "off")
        .env_remove("GOOS")
        .env_remove("GOARCH")
        .env("GOCACHE", tmp.join("gocache"))
        .env("GOPATH", tmp.join("gopath"))
        .status()
        .expect("run the reference go");
    assert!(status.success(), "building the importdir oracle failed");
    exe
}

/// The oracle's records: the context's fields and, per directory, the
/// package's fields.
struct OracleOutput {
    context: BTreeMap<String, String>,
    dirs: BTreeMap<String, Rendered>,
}

fn parse_oracle(text: &str) -> OracleOutput {
    let mut context = BTreeMap::new();
    let mut dirs: BTreeMap<String, Rendered> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line == "@context" {
            current = None;
        } else if let Some(d) = line.strip_prefix("@dir ") {
            current = Some(d.to_string());
            dirs.insert(d.to_string(), Vec::new());
        } else {
            let (k, v) = line.split_once(' ').unwrap_or((line, ""));
            match &current {
                None => {
                    context.insert(k.to_string(), v.to_string());
                }
                Some(d) => dirs
                    .get_mut(d)
                    .unwrap()
                    .push((k.to_string(), v.to_string())),
            }
        }
    }
    OracleOutput { context, dirs }
}

fn goxide_context(cfg: &Config, root: &Path) -> Context {
    let mut ctx = Context::new(cfg.goos, cfg.goarch, root.to_path_buf());
    ctx.cgo_enabled = cfg.cgo;
    ctx.build_tags = cfg.tags.iter().map(|t| t.to_string()).collect();
    ctx
}

#[test]
fn import_dir_agrees_with_go_build() {
    let root = goxide_testing::goroot();
    let oracle = build_oracle(&root);

    let mut dirs = Vec::new();
    walk(&root.join("src"), &mut dirs);
    let n_goroot = dirs.len();
    walk(&fixtures_dir(), &mut dirs);
    let input: String = dirs.iter().map(|d| format!("{}\n", d.display())).collect();

    // Start every oracle run at once; they work while goxide does.
    let children: Vec<_> = CONFIGS
        .iter()
        .map(|cfg| {
            let mut cmd = Command::new(&oracle);
            cmd.arg(format!("-goroot={}", root.display()))
                .arg(format!("-tags={}", cfg.tags.join(",")))
                .arg(format!("-importcomment={}", cfg.import_comment))
                .env("GOOS", cfg.goos)
                .env("GOARCH", cfg.goarch)
                .env("CGO_ENABLED", if cfg.cgo { "1" } else { "0" })
                .env_remove("GOEXPERIMENT")
                .env_remove("GOAMD64")
                .env_remove("GOARM64")
                .env_remove("GOWASM")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped());
            let mut child = cmd.spawn().expect("run the oracle");
            let mut stdin = child.stdin.take().unwrap();
            let input = input.clone();
            std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
            child
        })
        .collect();

    // goxide's side, the configurations spread over two threads.
    let rendered: Vec<Vec<Rendered>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|t| {
                let dirs = &dirs;
                let root = &root;
                s.spawn(move || {
                    CONFIGS
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % 2 == t)
                        .map(|(i, cfg)| {
                            let ctx = goxide_context(cfg, root);
                            let mode = ImportMode {
                                import_comment: cfg.import_comment,
                                ..ImportMode::default()
                            };
                            let out: Vec<_> = dirs
                                .iter()
                                .map(|d| {
                                    let (p, err) = import_dir(&ctx, d, mode);
                                    render(&p, err.as_ref())
                                })
                                .collect();
                            (i, out)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut all: Vec<(usize, Vec<Rendered>)> = handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect();
        all.sort_by_key(|(i, _)| *i);
        all.into_iter().map(|(_, v)| v).collect()
    });

    let mut report = Vec::new();
    let mut total_agree = 0;
    let mut total = 0;
    let mut field_misses: BTreeMap<String, usize> = BTreeMap::new();
    for ((cfg, child), ours) in CONFIGS.iter().zip(children).zip(rendered) {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "oracle failed for {}", cfg.name);
        let text = String::from_utf8_lossy(&out.stdout);
        let want = parse_oracle(&text);

        let ctx = goxide_context(cfg, &root);
        let ctx_fields = [
            ("GOOS", ctx.goos.clone()),
            ("GOARCH", ctx.goarch.clone()),
            ("CgoEnabled", ctx.cgo_enabled.to_string()),
            ("Compiler", ctx.compiler.clone()),
            ("ToolTags", list(&ctx.tool_tags)),
            ("ReleaseTags", list(&ctx.release_tags)),
        ];
        for (k, v) in ctx_fields {
            assert_eq!(
                want.context.get(k),
                Some(&v),
                "{}: context field {k}",
                cfg.name
            );
        }

        let mut agree = 0;
        let mut agree_goroot = 0;
        for (i, (dir, got)) in dirs.iter().zip(&ours).enumerate() {
            let key = dir.display().to_string();
            let Some(expected) = want.dirs.get(&key) else {
                report.push(format!("[{}] {key}: no oracle record", cfg.name));
                continue;
            };
            let diffs: Vec<String> = expected
                .iter()
                .zip(got)
                .filter(|(w, g)| w != g)
                .map(|(w, g)| {
                    *field_misses.entry(w.0.clone()).or_default() += 1;
                    format!(
                        "    {}:\n      go/build: {}\n      goxide:   {}",
                        w.0, w.1, g.1
                    )
                })
                .collect();
            assert_eq!(expected.len(), got.len(), "field count for {key}");
            if diffs.is_empty() {
                agree += 1;
                if i < n_goroot {
                    agree_goroot += 1;
                }
            } else {
                report.push(format!("[{}] {key}\n{}", cfg.name, diffs.join("\n")));
            }
        }
        println!(
            "build [{}]: {agree}/{} directories agree ({agree_goroot}/{n_goroot} in GOROOT/src, {}/{} fixtures)",
            cfg.name,
            dirs.len(),
            agree - agree_goroot,
            dirs.len() - n_goroot
        );
        total_agree += agree;
        total += dirs.len();
    }
    println!("build: {total_agree}/{total} directories agree");
    if !field_misses.is_empty() {
        println!("mismatches by field: {field_misses:?}");
    }
    for r in report.iter().take(25) {
        println!("{r}");
    }
    assert!(
        report.is_empty(),
        "{} directory results differ from go/build (first 25 above)",
        report.len()
    );
    goxide_testing::conformance(
        "build / go/build ImportDir results agree, 7 configurations",
        total_agree,
        total,
    );
}

/// Not a test: how long goxide's `import_dir` and go/build's `ImportDir`
/// take over every GOROOT/src directory (linux/amd64, warm page cache),
/// median of 7 alternating runs. Printed, never asserted; run with
/// `cargo test --release -p goxide_load --test build_differential -- --ignored --nocapture`.
#[test]
#[ignore]
fn import_dir_speed() {
    use std::time::{Duration, Instant};
    let root = goxide_testing::goroot();
    let oracle = build_oracle(&root);
    let mut dirs = Vec::new();
    walk(&root.join("src"), &mut dirs);
    let input: String = dirs.iter().map(|d| format!("{}\n", d.display())).collect();
    let ctx = Context::new("linux", "amd64", root.clone());
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    let mut files = 0;
    for _ in 0..7 {
        let t = Instant::now();
        files = 0;
        for d in &dirs {
            let (p, _) = import_dir(&ctx, d, ImportMode::default());
            files += p.go_files.len()
                + p.test_go_files.len()
                + p.xtest_go_files.len()
                + p.ignored_go_files.len();
        }
        ours.push(t.elapsed());
        let t = Instant::now();
        let mut child = Command::new(&oracle)
            .arg(format!("-goroot={}", root.display()))
            .env("GOOS", "linux")
            .env("GOARCH", "amd64")
            .env("CGO_ENABLED", "0")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        assert!(child.wait().unwrap().success());
        theirs.push(t.elapsed());
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (a, b) = (median(&mut ours), median(&mut theirs));
    println!(
        "import_dir over {} GOROOT/src directories ({files} Go files): goxide {:.1} ms, go/build (oracle process) {:.1} ms, ratio {:.2}",
        dirs.len(),
        a.as_secs_f64() * 1e3,
        b.as_secs_f64() * 1e3,
        b.as_secs_f64() / a.as_secs_f64()
    );
}

// ---------------------------------------------------------------------------
// cmd/go's reading of the same fixtures: `ImportMode::module_index` against
// `go list -e -json`.
// ---------------------------------------------------------------------------

/// A JSON value, enough of it to read `go list -json`.
#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn str(&self, key: &str) -> String {
        match self.get(key) {
            Some(Json::Str(s)) => s.clone(),
            _ => String::new(),
        }
    }

    fn strings(&self, key: &str) -> Vec<String> {
        match self.get(key) {
            Some(Json::Arr(a)) => a
                .iter()
                .map(|v| match v {
                    Json::Str(s) => s.clone(),
                    other => format!("{other:?}"),
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Parses a stream of JSON values (what `go list -json` prints).
fn parse_json_stream(text: &str) -> Vec<Json> {
    struct P<'a> {
        b: &'a [u8],
        i: usize,
    }
    impl P<'_> {
        fn ws(&mut self) {
            while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
                self.i += 1;
            }
        }
        fn value(&mut self) -> Json {
            self.ws();
            match self.b[self.i] {
                b'{' => {
                    self.i += 1;
                    let mut fields = Vec::new();
                    loop {
                        self.ws();
                        if self.b[self.i] == b'}' {
                            self.i += 1;
                            return Json::Obj(fields);
                        }
                        let Json::Str(k) = self.value() else {
                            panic!("object key")
                        };
                        self.ws();
                        assert_eq!(self.b[self.i], b':');
                        self.i += 1;
                        let v = self.value();
                        fields.push((k, v));
                        self.ws();
                        if self.b[self.i] == b',' {
                            self.i += 1;
                        }
                    }
                }
                b'[' => {
                    self.i += 1;
                    let mut items = Vec::new();
                    loop {
                        self.ws();
                        if self.b[self.i] == b']' {
                            self.i += 1;
                            return Json::Arr(items);
                        }
                        items.push(self.value());
                        self.ws();
                        if self.b[self.i] == b',' {
                            self.i += 1;
                        }
                    }
                }
                b'"' => {
                    self.i += 1;
                    let mut s: Vec<u16> = Vec::new();
                    let mut out = String::new();
                    loop {
                        let c = self.b[self.i];
                        if c == b'"' {
                            self.i += 1;
                            out.push_str(&String::from_utf16_lossy(&s));
                            return Json::Str(out);
                        }
                        if c == b'\\' {
                            let e = self.b[self.i + 1];
                            self.i += 2;
                            let ch = match e {
                                b'n' => '\n',
                                b't' => '\t',
                                b'r' => '\r',
                                b'b' => '\u{8}',
                                b'f' => '\u{c}',
                                b'u' => {
                                    let h =
                                        std::str::from_utf8(&self.b[self.i..self.i + 4]).unwrap();
                                    self.i += 4;
                                    s.push(u16::from_str_radix(h, 16).unwrap());
                                    continue;
                                }
                                other => other as char,
                            };
                            let mut buf = [0u16; 2];
                            s.extend_from_slice(ch.encode_utf16(&mut buf));
                            continue;
                        }
                        // A run of plain UTF-8.
                        let start = self.i;
                        while self.i < self.b.len()
                            && self.b[self.i] != b'"'
                            && self.b[self.i] != b'\\'
                        {
                            self.i += 1;
                        }
                        let chunk = String::from_utf8_lossy(&self.b[start..self.i]);
                        s.extend(chunk.encode_utf16());
                    }
                }
                b't' => {
                    self.i += 4;
                    Json::Bool(true)
                }
                b'f' => {
                    self.i += 5;
                    Json::Bool(false)
                }
                b'n' => {
                    self.i += 4;
                    Json::Null
                }
                _ => {
                    let start = self.i;
                    while self.i < self.b.len()
                        && (self.b[self.i] == b'-'
                            || self.b[self.i].is_ascii_alphanumeric()
                            || self.b[self.i] == b'.')
                    {
                        self.i += 1;
                    }
                    Json::Num(String::from_utf8_lossy(&self.b[start..self.i]).into_owned())
                }
            }
        }
    }
    let mut p = P {
        b: text.as_bytes(),
        i: 0,
    };
    let mut out = Vec::new();
    loop {
        p.ws();
        if p.i >= p.b.len() {
            return out;
        }
        out.push(p.value());
    }
}

/// Copies a fixture tree to `to` (symlinks as symlinks) with every
/// regular file's modification time in the past, as files are in any real
/// module (cmd/go does not index files changed in the last two seconds).
fn copy_fixtures(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    let past = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_577_836_800); // 2020-01-01
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let t = e.file_type().unwrap();
        let dst = to.join(e.file_name());
        if t.is_symlink() {
            std::os::unix::fs::symlink(std::fs::read_link(e.path()).unwrap(), &dst).unwrap();
        } else if t.is_dir() {
            copy_fixtures(&e.path(), &dst);
        } else {
            std::fs::copy(e.path(), &dst).unwrap();
            std::fs::File::options()
                .write(true)
                .open(&dst)
                .unwrap()
                .set_modified(past)
                .unwrap();
        }
    }
}

/// `base.ShortPath` for paths under the module root (the command's
/// working directory).
fn short_path(path: &str, cwd: &Path) -> String {
    let prefix = format!("{}/", cwd.display());
    path.strip_prefix(&prefix)
        .map_or_else(|| path.to_string(), str::to_string)
}

#[test]
fn module_index_agrees_with_go_list() {
    let root = goxide_testing::goroot();
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let module = tmp.join("build-index-fixtures");
    let _ = std::fs::remove_dir_all(&module);
    copy_fixtures(&fixtures_dir(), &module);
    // And 400 mutants, aged like the fixtures.
    let fresh = tmp.join("build-index-mutants");
    let _ = std::fs::remove_dir_all(&fresh);
    make_mutants(&goroot_sources(&root), &fresh, 400);
    copy_fixtures(&fresh, &module.join("mutants"));
    std::fs::remove_dir_all(&fresh).unwrap();
    std::fs::write(module.join("go.mod"), "module fixtures\n\ngo 1.27\n").unwrap();
    let mut dirs = Vec::new();
    walk(&module, &mut dirs);
    dirs.remove(0); // the module root holds only go.mod
    dirs.retain(|d| !d.ends_with("mutants")); // nor does the mutants' parent

    const LISTS: &[&str] = &[
        "GoFiles",
        "CgoFiles",
        "IgnoredGoFiles",
        "InvalidGoFiles",
        "IgnoredOtherFiles",
        "CFiles",
        "CXXFiles",
        "MFiles",
        "HFiles",
        "FFiles",
        "SFiles",
        "SwigFiles",
        "SwigCXXFiles",
        "SysoFiles",
        "CgoCFLAGS",
        "CgoCPPFLAGS",
        "CgoCXXFLAGS",
        "CgoFFLAGS",
        "CgoLDFLAGS",
        "CgoPkgConfig",
        "TestGoFiles",
        "XTestGoFiles",
        "EmbedPatterns",
        "TestEmbedPatterns",
        "XTestEmbedPatterns",
    ];
    let ours_lists = |p: &Package| -> Vec<Vec<String>> {
        vec![
            p.go_files.clone(),
            p.cgo_files.clone(),
            p.ignored_go_files.clone(),
            p.invalid_go_files.clone(),
            p.ignored_other_files.clone(),
            p.c_files.clone(),
            p.cxx_files.clone(),
            p.m_files.clone(),
            p.h_files.clone(),
            p.f_files.clone(),
            p.s_files.clone(),
            p.swig_files.clone(),
            p.swig_cxx_files.clone(),
            p.syso_files.clone(),
            p.cgo_cflags.clone(),
            p.cgo_cppflags.clone(),
            p.cgo_cxxflags.clone(),
            p.cgo_fflags.clone(),
            p.cgo_ldflags.clone(),
            p.cgo_pkg_config.clone(),
            p.test_go_files.clone(),
            p.xtest_go_files.clone(),
            p.embed_patterns.clone(),
            p.test_embed_patterns.clone(),
            p.xtest_embed_patterns.clone(),
        ]
    };

    let mut report = Vec::new();
    let mut agree = 0;
    let mut total = 0;
    let mut indexed = 0;
    for cgo in [false, true] {
        let fields = format!("Dir,Name,Doc,BinaryOnly,Error,{}", LISTS.join(","));
        let out = Command::new(root.join("bin/go"))
            .arg("list")
            .arg("-e")
            .arg(format!("-json={fields}"))
            .args(
                dirs.iter()
                    .map(|d| format!("./{}", d.strip_prefix(&module).unwrap().display())),
            )
            .current_dir(&module)
            .env("GOROOT", &root)
            .env("GOTOOLCHAIN", "local")
            .env("GOFLAGS", "-mod=mod")
            .env("GO111MODULE", "on")
            .env("GOWORK", "off")
            .env("GOPROXY", "off")
            .env("GOTELEMETRY", "off")
            .env("GOOS", "linux")
            .env("GOARCH", "amd64")
            .env("CGO_ENABLED", if cgo { "1" } else { "0" })
            .env_remove("GOEXPERIMENT")
            .env_remove("GODEBUG")
            .env("GOCACHE", tmp.join("gocache"))
            .env("GOPATH", tmp.join("gopath"))
            .output()
            .expect("run go list");
        let text = String::from_utf8_lossy(&out.stdout);
        let listed: BTreeMap<String, Json> = parse_json_stream(&text)
            .into_iter()
            .map(|j| (j.str("Dir"), j))
            .collect();

        let mut ctx = Context::new("linux", "amd64", root.clone());
        ctx.cgo_enabled = cgo;
        for dir in &dirs {
            total += 1;
            let key = dir.display().to_string();
            let Some(want) = listed.get(&key) else {
                report.push(format!(
                    "[cgo={cgo}] {key}: not in go list's output\n{}",
                    String::from_utf8_lossy(&out.stderr)
                ));
                continue;
            };
            let module_index = goxide_load::build::module_index_applies(dir);
            indexed += usize::from(module_index && !cgo);
            let mode = ImportMode {
                module_index,
                ..ImportMode::default()
            };
            let (mut p, err) = import_dir(&ctx, dir, mode);
            if !cgo {
                // cmd/go's load drops cgo's sources when cgo is off (load/pkg.go).
                for l in [
                    &mut p.c_files,
                    &mut p.cxx_files,
                    &mut p.m_files,
                    &mut p.swig_files,
                    &mut p.swig_cxx_files,
                ] {
                    l.clear();
                }
            }
            if let Some(ImportError::NoGo { .. }) = err
                && p.ignored_go_files.is_empty()
                && p.invalid_go_files.is_empty()
            {
                // cmd/go loads no package from a directory without any Go
                // file (it reports "no Go files in DIR"): only the error
                // compares.
                p = Package::default();
            }
            let mut diffs = Vec::new();
            let mut check = |field: &str, theirs: String, ours: String| {
                if theirs != ours {
                    diffs.push(format!(
                        "    {field}:\n      go list: {theirs}\n      goxide:  {ours}"
                    ));
                }
            };
            check("Name", want.str("Name"), p.name.clone());
            check("Doc", want.str("Doc"), p.doc.clone());
            check(
                "BinaryOnly",
                (want.get("BinaryOnly") == Some(&Json::Bool(true))).to_string(),
                p.binary_only.to_string(),
            );
            for (field, ours) in LISTS.iter().zip(ours_lists(&p)) {
                check(field, want.strings(field).join("|"), ours.join("|"));
            }
            // The error: cmd/go reports the build error first (the first
            // of a parse error list, with its position); a package go/build
            // accepts may still fail cmd/go's own checks.
            let their_err = want.get("Error").map(|e| (e.str("Pos"), e.str("Err")));
            match (&err, &their_err) {
                (None, _) => {}
                (Some(ImportError::NoGo { .. }), Some((_, e))) if e.contains("Go files in ") => {}
                (
                    Some(ImportError::Parse(goxide_load::build::ParseError::List(list))),
                    Some(theirs),
                ) => {
                    let ours = (
                        short_path(&list[0].0.to_string(), &module),
                        list[0].1.clone(),
                    );
                    check("Error", format!("{theirs:?}"), format!("{ours:?}"));
                }
                (Some(e), Some((_, theirs))) => check("Error", theirs.clone(), e.to_string()),
                (Some(e), None) => check("Error", "none".into(), e.to_string()),
            }
            if diffs.is_empty() {
                agree += 1;
            } else {
                report.push(format!(
                    "[cgo={cgo}, module_index={module_index}] {key}\n{}",
                    diffs.join("\n")
                ));
            }
        }
    }
    println!(
        "build (module index vs go list): {agree}/{total} directory results agree ({indexed} of {} directories indexed)",
        dirs.len()
    );
    for r in report.iter().take(25) {
        println!("{r}");
    }
    assert!(
        report.is_empty(),
        "{} directory results differ from go list (first 25 above)",
        report.len()
    );
    goxide_testing::conformance(
        "build / module-index reads agree with go list, fixtures and 400 mutants, 2 configurations",
        agree,
        total,
    );
}

// ---------------------------------------------------------------------------
// Malformed headers: GOROOT files cut short and mutated, against go/build.
// ---------------------------------------------------------------------------

/// xorshift64*: a small deterministic generator, so that every run builds
/// the same mutants.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that upset go/build's reader, go/scanner and go/parser.
const PIECES: &[&[u8]] = &[
    b"\"",
    b"`",
    b"/*",
    b"*/",
    b"//",
    b"\n",
    b";",
    b"(",
    b")",
    b"\\",
    b"\x00",
    b"\xff",
    b"\xef\xbb\xbf",
    b"import ",
    b"package ",
    b".",
    b"_",
    b"x",
    b"0x",
    b"'",
    b"//go:build linux\n",
    b"// +build ignore\n\n",
    b"//line x.go:5\n",
    b"//go:embed a b\n",
    b"import \"C\"\n",
    b"\r",
    "\u{201c}".as_bytes(),
    b"import \"embed\"\n",
    b"1",
    b"\t",
    b" ",
    b"//go:build !(\n",
    b"package documentation\n",
    b"_test",
    b"\"a b\"",
    b"\"\\q\"",
    b"{",
    b"}",
    b",",
    b" // import \"x/y\"",
    b" /* import `z` */",
    b"// #cgo CFLAGS: -I${SRCDIR}/x\n",
    b"\xc3\xa9",
];

/// A mutant of `src`: a prefix of it with one to four edits near the start.
fn mutate(src: &[u8], rng: &mut Rng) -> Vec<u8> {
    let cut = src.len().min(200 + rng.below(2500));
    let mut out = src[..cut].to_vec();
    for _ in 0..1 + rng.below(4) {
        let near = out.len().min(700);
        let at = rng.below(near + 1);
        match rng.below(3) {
            0 => {
                let piece = PIECES[rng.below(PIECES.len())];
                out.splice(at..at, piece.iter().copied());
            }
            1 => {
                let end = (at + 1 + rng.below(10)).min(out.len());
                out.drain(at..end);
            }
            _ => {
                if at < out.len() {
                    out[at] = PIECES[rng.below(PIECES.len())]
                        .first()
                        .copied()
                        .unwrap_or(b'x');
                }
            }
        }
    }
    out
}

/// Writes `n` mutant directories under `tmp` (same seed, same mutants):
/// each an `a.go` or `a_test.go` cut from a source and mutated, and
/// sometimes a mutated well-formed `b.go`.
fn make_mutants(sources: &[PathBuf], tmp: &Path, n: usize) -> Vec<PathBuf> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut mutant_dirs = Vec::new();
    for i in 0..n {
        let src = std::fs::read(&sources[rng.below(sources.len())]).unwrap();
        let dir = tmp.join(format!("{i:04}"));
        std::fs::create_dir_all(&dir).unwrap();
        let name = if rng.below(4) == 0 {
            "a_test.go"
        } else {
            "a.go"
        };
        std::fs::write(dir.join(name), mutate(&src, &mut rng)).unwrap();
        if rng.below(3) == 0 {
            // A second, well-formed file: names and errors then interact.
            std::fs::write(
                dir.join("b.go"),
                mutate(b"package p\n\nimport \"fmt\"\n", &mut rng),
            )
            .unwrap();
        }
        mutant_dirs.push(dir);
    }
    mutant_dirs
}

/// Every Go file of GOROOT/src outside testdata, in a fixed order.
fn goroot_sources(root: &Path) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    walk(&root.join("src"), &mut dirs);
    let mut sources: Vec<PathBuf> = Vec::new();
    for d in &dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "go"))
            .collect();
        files.sort();
        sources.extend(files);
    }
    sources
}

#[test]
fn mutated_headers_agree_with_go_build() {
    const MUTANTS: usize = 1500;
    let root = goxide_testing::goroot();
    let oracle = build_oracle(&root);
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("build-mutants");
    let _ = std::fs::remove_dir_all(&tmp);

    let sources = goroot_sources(&root);
    let mutant_dirs = make_mutants(&sources, &tmp, MUTANTS);

    let input: String = mutant_dirs
        .iter()
        .map(|d| format!("{}\n", d.display()))
        .collect();
    let mut ctx = Context::new("linux", "amd64", root.clone());
    ctx.cgo_enabled = true;
    let mut report = Vec::new();
    let mut agree = 0;
    let mut with_error = 0;
    // go/build's two reading modes: plain, and with import comments.
    for import_comment in [false, true] {
        let mut child = Command::new(&oracle)
            .arg(format!("-goroot={}", root.display()))
            .arg(format!("-importcomment={import_comment}"))
            .env("GOOS", "linux")
            .env("GOARCH", "amd64")
            .env("CGO_ENABLED", "1")
            .env_remove("GOEXPERIMENT")
            .env_remove("GOAMD64")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("run the oracle");
        let mut stdin = child.stdin.take().unwrap();
        let input = input.clone();
        std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        let want = parse_oracle(&String::from_utf8_lossy(&out.stdout));
        let mode = ImportMode {
            import_comment,
            ..ImportMode::default()
        };
        for dir in &mutant_dirs {
            let key = dir.display().to_string();
            let (p, err) = import_dir(&ctx, dir, mode);
            with_error += usize::from(err.is_some());
            let got = render(&p, err.as_ref());
            let expected = want.dirs.get(&key).expect("an oracle record per mutant");
            let diffs: Vec<String> = expected
                .iter()
                .zip(&got)
                .filter(|(w, g)| w != g)
                .map(|(w, g)| {
                    format!(
                        "    {}:\n      go/build: {}\n      goxide:   {}",
                        w.0, w.1, g.1
                    )
                })
                .collect();
            if diffs.is_empty() {
                agree += 1;
            } else {
                report.push(format!(
                    "[import_comment={import_comment}] {key}\n{}",
                    diffs.join("\n")
                ));
            }
            // cmd/go's module-index reading shares the parsing: it must not
            // fail on these either (its results are compared with go list
            // over the fixtures).
            let _ = import_dir(
                &ctx,
                dir,
                ImportMode {
                    module_index: true,
                    ..mode
                },
            );
        }
    }
    let total = 2 * MUTANTS;
    println!(
        "build (mutated headers): {agree}/{total} directory results agree ({with_error} with errors)"
    );
    for r in report.iter().take(15) {
        println!("{r}");
    }
    assert!(
        report.is_empty(),
        "{} mutants differ from go/build (first 15 above)",
        report.len()
    );
    goxide_testing::conformance(
        "build / mutated GOROOT headers agree with go/build, 2 modes",
        agree,
        total,
    );
}

/// `scan_dir` on cmd/go's own test data for its import scan
/// (`cmd/go/internal/imports/testdata/*`: `tags.txt` gives the tags,
/// `want.txt` the imports `ScanDir` must find), as `TestScanDir` runs it.
#[test]
fn scan_dir_agrees_with_cmd_go_testdata() {
    use goxide_load::build::{ImportTags, scan_dir};
    let root = goxide_testing::goroot();
    let data = root.join("src/cmd/go/internal/imports/testdata");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 4, "cmd/go's scan test data is missing");
    for dir in cases {
        let tags_text = std::fs::read_to_string(dir.join("tags.txt")).unwrap();
        let tags = ImportTags {
            tags: tags_text.split_whitespace().map(str::to_string).collect(),
            goos: "linux".to_string(),
        };
        let want = std::fs::read_to_string(dir.join("want.txt")).unwrap();
        let (imports, _) =
            scan_dir(&dir, &tags).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        assert_eq!(imports.join("\n"), want.trim(), "{}", dir.display());
    }
}

/// Copies a directory tree (regular files only).
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Builds the scandir oracle: cmd/go/internal/imports' own source, copied
/// from the reference GOROOT next to stand-ins for the packages it imports.
fn build_scandir_oracle(root: &Path) -> PathBuf {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let module = tmp.join("scandir-oracle");
    let _ = std::fs::remove_dir_all(&module);
    let oracle_src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/build/oracle");
    std::fs::create_dir_all(&module).unwrap();
    std::fs::copy(oracle_src.join("go.mod"), module.join("go.mod")).unwrap();
    copy_tree(&oracle_src.join("scandir"), &module.join("scandir"));
    let imports = module.join("scandir/imports");
    std::fs::create_dir_all(&imports).unwrap();
    for f in ["build.go", "read.go", "scan.go"] {
        let text =
            std::fs::read_to_string(root.join("src/cmd/go/internal/imports").join(f)).unwrap();
        let text = text
            .replace(
                "\"cmd/go/internal/cfg\"",
                "\"goxide.test/buildoracle/scandir/cfg\"",
            )
            .replace(
                "\"cmd/go/internal/fsys\"",
                "\"goxide.test/buildoracle/scandir/fsys\"",
            )
            .replace(
                "\"internal/syslist\"",
                "\"goxide.test/buildoracle/scandir/syslist\"",
            );
        std::fs::write(imports.join(f), text).unwrap();
    }
    std::fs::copy(
        root.join("src/internal/syslist/syslist.go"),
        module.join("scandir/syslist/syslist.go"),
    )
    .unwrap();
    let exe = tmp.join("build-oracle-scandir");
    let status = Command::new(root.join("bin/go"))
        .args(["build", "-o"])
        .arg(&exe)
        .arg("./scandir")
        .current_dir(&module)
        .env("GOROOT", root)
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "")
        .env("GOTELEMETRY", "off")
        .env_remove("GOOS")
        .env_remove("GOARCH")
        .env("GOCACHE", tmp.join("gocache"))
        .env("GOPATH", tmp.join("gopath"))
        .status()
        .expect("run the reference go");
    assert!(status.success(), "building the scandir oracle failed");
    exe
}

/// `scan_dir` against cmd/go's `imports.ScanDir` (its own source, built as
/// an oracle) over GOROOT/src, the fixtures and 1,500 mutants, with the
/// tag sets `*` (go mod's view) and linux/amd64's build tags.
#[test]
fn scan_dir_agrees_with_cmd_go() {
    use goxide_load::build::{ImportTags, scan_dir};
    let root = goxide_testing::goroot();
    let oracle = build_scandir_oracle(&root);
    let mut dirs = Vec::new();
    walk(&root.join("src"), &mut dirs);
    walk(&fixtures_dir(), &mut dirs);
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("scandir-mutants");
    let _ = std::fs::remove_dir_all(&tmp);
    dirs.extend(make_mutants(&goroot_sources(&root), &tmp, 1500));
    let input: String = dirs.iter().map(|d| format!("{}\n", d.display())).collect();

    let mut linux = Context::new("linux", "amd64", root.clone());
    linux.cgo_enabled = true;
    let configs = [
        ("*", ImportTags::any("linux")),
        ("linux/amd64", ImportTags::for_context(&linux)),
    ];
    let mut agree = 0;
    let mut total = 0;
    let mut report = Vec::new();
    for (name, tags) in &configs {
        let tag_list: Vec<&str> = tags.tags.iter().map(String::as_str).collect();
        let mut child = Command::new(&oracle)
            .arg(format!("-tags={}", tag_list.join(",")))
            .env("GOOS", &tags.goos)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("run the scandir oracle");
        let mut stdin = child.stdin.take().unwrap();
        let input = input.clone();
        std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        let want = parse_oracle(&String::from_utf8_lossy(&out.stdout));
        for dir in &dirs {
            total += 1;
            let key = dir.display().to_string();
            let (imports, tests, err) = match scan_dir(dir, tags) {
                Ok((i, t)) => (i, t, String::new()),
                Err(e) => (Vec::new(), Vec::new(), esc(&e.to_string())),
            };
            let got = vec![
                ("Imports".to_string(), list(&imports)),
                ("TestImports".to_string(), list(&tests)),
                ("Error".to_string(), err),
            ];
            match want.dirs.get(&key) {
                Some(w) if *w == got => agree += 1,
                w => report.push(format!(
                    "[{name}] {key}\n  cmd/go: {w:?}\n  goxide: {got:?}"
                )),
            }
        }
    }
    println!("build (import scan): {agree}/{total} directory scans agree");
    for r in report.iter().take(15) {
        println!("{r}");
    }
    assert!(
        report.is_empty(),
        "{} scans differ from cmd/go (first 15 above)",
        report.len()
    );
    goxide_testing::conformance(
        "build / import scans agree with cmd/go's ScanDir, 2 tag sets",
        agree,
        total,
    );
}
