//! The build context: which GOOS/GOARCH, compiler, cgo setting and tags a
//! build satisfies, and the decisions that need nothing but a name —
//! `matchTag`, `goodOSArchFile`, `eval`, `matchAuto` — from go/build's
//! `build.go`, with the known OS/architecture lists of `internal/syslist`
//! and the default tool tags of `internal/buildcfg` (`toolTags`:
//! `goexperiment.X` for each experiment on by default for that target,
//! then the GO$GOARCH level tags such as `amd64.v1`).
//!
//! Rules kept from Go: a tag matches when it is the compiler, GOOS or
//! GOARCH (or `linux` for android, `solaris` for illumos, `darwin` for ios,
//! `unix` for a Unix GOOS), `cgo` when cgo is enabled, or one of the build,
//! tool or release tags; `boringcrypto` is read as
//! `goexperiment.boringcrypto`. Every tag consulted is recorded in the
//! caller's `all_tags` set. File names: everything before the first `_`
//! is ignored, a trailing `_test` is dropped, then `_GOOS_GOARCH`, `_GOOS`
//! or `_GOARCH` suffixes (of known names only) must match.
//!
//! Invariant: these functions read no files; they are pure functions of
//! the context and their arguments.

use std::collections::BTreeSet;
use std::path::PathBuf;

use goxide_syntax::constraint::{self, Expr};

/// The Go minor version whose release tags a default context carries
/// (`go1.1` … `go1.27`).
pub const GO_MINOR_VERSION: u32 = 27;

/// The tags consulted while matching files (go/build's `allTags`), sorted.
pub type TagSet = BTreeSet<String>;

/// `internal/syslist.KnownOS`: every GOOS a file name suffix may name.
pub const KNOWN_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "wasip1",
    "windows",
    "zos",
];

/// `internal/syslist.UnixOS`: the GOOS values the `unix` tag matches.
pub const UNIX_OS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "linux",
    "netbsd",
    "openbsd",
    "solaris",
];

/// `internal/syslist.KnownArch`: every GOARCH a file name suffix may name.
pub const KNOWN_ARCH: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "ppc64",
    "ppc64le",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

/// Whether `name` is a known GOOS.
pub fn is_known_os(name: &str) -> bool {
    KNOWN_OS.contains(&name)
}

/// Whether `name` is a known GOARCH.
pub fn is_known_arch(name: &str) -> bool {
    KNOWN_ARCH.contains(&name)
}

/// `internal/goexperiment.Flags`, lower-cased, in field order (the order of
/// `goexperiment.X` tool tags).
pub const EXPERIMENTS: &[&str] = &[
    "fieldtrack",
    "preemptibleloops",
    "staticlockranking",
    "boringcrypto",
    "regabiwrappers",
    "regabiargs",
    "heapminimum512kib",
    "arenas",
    "cgocheck2",
    "loopvar",
    "newinliner",
    "dwarf5",
    "jsonv2",
    "greenteagc",
    "randomizedheapbase64",
    "runtimefreegc",
    "sizespecializedmalloc",
    "simd",
    "runtimesecret",
    "mapsplitgroup",
];

/// `buildcfg.ParseGOEXPERIMENT`: the experiments enabled for a target and a
/// GOEXPERIMENT value (`""` for the toolchain default), in
/// [`EXPERIMENTS`] order, or Go's error ("unknown GOEXPERIMENT x").
pub fn enabled_experiments(
    goos: &str,
    goarch: &str,
    goexperiment: &str,
) -> Result<Vec<&'static str>, String> {
    let regabi = matches!(
        goarch,
        "amd64" | "arm64" | "loong64" | "ppc64le" | "ppc64" | "riscv64" | "s390x"
    );
    let dwarf5 = !matches!(goos, "darwin" | "ios" | "aix");
    let mut on: Vec<bool> = EXPERIMENTS
        .iter()
        .map(|&e| match e {
            "regabiwrappers" | "regabiargs" => regabi,
            "dwarf5" => dwarf5,
            "randomizedheapbase64" | "greenteagc" | "jsonv2" | "sizespecializedmalloc" => true,
            _ => false,
        })
        .collect();
    let index = |name: &str| EXPERIMENTS.iter().position(|&e| e == name);
    for f in goexperiment.split(',') {
        if f.is_empty() {
            continue;
        }
        if f == "none" {
            on.iter_mut().for_each(|v| *v = false);
            continue;
        }
        let (name, val) = match f.strip_prefix("no") {
            Some(rest) => (rest, false),
            None => (f, true),
        };
        if name == "regabi" {
            on[index("regabiwrappers").unwrap_or(0)] = val;
            on[index("regabiargs").unwrap_or(0)] = val;
            continue;
        }
        match index(name) {
            Some(i) => on[i] = val,
            None => return Err(format!("unknown GOEXPERIMENT {name}")),
        }
    }
    // regabi is always on where supported and never elsewhere.
    for e in ["regabiwrappers", "regabiargs"] {
        if let Some(i) = index(e) {
            on[i] = regabi;
        }
    }
    Ok(EXPERIMENTS
        .iter()
        .zip(on)
        .filter(|(_, v)| *v)
        .map(|(e, _)| *e)
        .collect())
}

/// `buildcfg.gogoarchTags`: the architecture level tags for GOARCH and the
/// value of its GO$GOARCH variable (`""` for the default; an invalid value
/// falls back to the default, as buildcfg does after recording its error).
pub fn arch_level_tags(goarch: &str, level: &str) -> Vec<String> {
    let pick = |valid: &[&str], default: &'static str| -> String {
        if valid.contains(&level) {
            level.to_string()
        } else {
            default.to_string()
        }
    };
    match goarch {
        "386" => vec![format!("386.{}", pick(&["sse2", "softfloat"], "sse2"))],
        "amd64" => {
            let v = pick(&["v1", "v2", "v3", "v4"], "v1");
            let n = v.as_bytes()[1] - b'0';
            (1..=n).map(|i| format!("amd64.v{i}")).collect()
        }
        "arm" => {
            // DefaultGOARM is 7 in this toolchain (and android forces 7).
            let v = level.strip_suffix(",softfloat").unwrap_or(level);
            let v = v.strip_suffix(",hardfloat").unwrap_or(v);
            let n: u32 = match v {
                "5" => 5,
                "6" => 6,
                "7" => 7,
                _ => 7,
            };
            (5..=n).map(|i| format!("arm.{i}")).collect()
        }
        "arm64" => {
            let mut v = level;
            loop {
                if let Some(r) = v.strip_suffix(",lse").or_else(|| v.strip_suffix(",crypto")) {
                    v = r;
                    continue;
                }
                break;
            }
            let valid = v.len() == 4
                && v.starts_with('v')
                && v.as_bytes()[2] == b'.'
                && ((v.as_bytes()[1] == b'8' && v.as_bytes()[3].is_ascii_digit())
                    || (v.as_bytes()[1] == b'9' && (b'0'..=b'5').contains(&v.as_bytes()[3])));
            let v = if valid { v } else { "v8.0" };
            let major = (v.as_bytes()[1] - b'0') as u32;
            let minor = (v.as_bytes()[3] - b'0') as u32;
            let mut list: Vec<String> =
                (0..=minor).map(|i| format!("arm64.v{major}.{i}")).collect();
            if major == 9 {
                list.extend((0..=(minor + 5).min(9)).map(|i| format!("arm64.v8.{i}")));
            }
            list
        }
        "mips" | "mipsle" | "mips64" | "mips64le" => {
            vec![format!(
                "{goarch}.{}",
                pick(&["hardfloat", "softfloat"], "hardfloat")
            )]
        }
        "ppc64" | "ppc64le" => {
            let n = match level {
                "power9" => 9,
                "power10" => 10,
                _ => 8,
            };
            (8..=n).map(|i| format!("{goarch}.power{i}")).collect()
        }
        "riscv64" => {
            let n = match level {
                "rva22u64" => 22,
                "rva23u64" => 23,
                _ => 20,
            };
            let mut list = vec!["riscv64.rva20u64".to_string()];
            if n >= 22 {
                list.push("riscv64.rva22u64".into());
            }
            if n >= 23 {
                list.push("riscv64.rva23u64".into());
            }
            list
        }
        "wasm" => vec!["wasm.satconv".into(), "wasm.signext".into()],
        _ => Vec::new(),
    }
}

/// `buildcfg.ToolTags` for a target: `goexperiment.X` for each enabled
/// experiment, then the architecture level tags.
pub fn tool_tags(
    goos: &str,
    goarch: &str,
    goexperiment: &str,
    arch_level: &str,
) -> Result<Vec<String>, String> {
    let mut tags: Vec<String> = enabled_experiments(goos, goarch, goexperiment)?
        .into_iter()
        .map(|e| format!("goexperiment.{e}"))
        .collect();
    tags.extend(arch_level_tags(goarch, arch_level));
    Ok(tags)
}

/// The release tags of Go 1.`minor`: `go1.1` through `go1.minor`.
pub fn release_tags(minor: u32) -> Vec<String> {
    (1..=minor).map(|i| format!("go1.{i}")).collect()
}

/// A build context (go/build's `Context`, without the file-system hooks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    pub goos: String,
    pub goarch: String,
    pub goroot: PathBuf,
    pub gopath: Vec<PathBuf>,
    pub cgo_enabled: bool,
    /// Use files regardless of build constraints and file names.
    pub use_all_files: bool,
    /// The compiler (`gc`); it is also a satisfied tag.
    pub compiler: String,
    /// `-tags`.
    pub build_tags: Vec<String>,
    /// GOEXPERIMENT and architecture level tags ([`tool_tags`]).
    pub tool_tags: Vec<String>,
    /// `go1.1` … `go1.27`; the last is the current release.
    pub release_tags: Vec<String>,
}

impl Context {
    /// Go's defaults for a target: compiler `gc`, release tags through
    /// go1.27, the default tool tags of go1.27 for that GOOS/GOARCH, cgo
    /// off, no build tags, no GOPATH.
    pub fn new(goos: &str, goarch: &str, goroot: PathBuf) -> Context {
        Context {
            goos: goos.to_string(),
            goarch: goarch.to_string(),
            goroot,
            gopath: Vec::new(),
            cgo_enabled: false,
            use_all_files: false,
            compiler: "gc".to_string(),
            build_tags: Vec::new(),
            tool_tags: tool_tags(goos, goarch, "", "").unwrap_or_default(),
            release_tags: release_tags(GO_MINOR_VERSION),
        }
    }

    /// `matchTag`: whether the tag `name` is satisfied, recording it.
    pub fn match_tag(&self, name: &str, all_tags: Option<&mut TagSet>) -> bool {
        if let Some(set) = all_tags
            && !set.contains(name)
        {
            set.insert(name.to_string());
        }
        if self.cgo_enabled && name == "cgo" {
            return true;
        }
        if name == self.goos || name == self.goarch || name == self.compiler {
            return true;
        }
        if (self.goos == "android" && name == "linux")
            || (self.goos == "illumos" && name == "solaris")
            || (self.goos == "ios" && name == "darwin")
        {
            return true;
        }
        if name == "unix" && UNIX_OS.contains(&self.goos.as_str()) {
            return true;
        }
        let name = if name == "boringcrypto" {
            "goexperiment.boringcrypto"
        } else {
            name
        };
        self.build_tags.iter().any(|t| t == name)
            || self.tool_tags.iter().any(|t| t == name)
            || self.release_tags.iter().any(|t| t == name)
    }

    /// `eval`: a constraint expression under this context; every tag is
    /// consulted (and recorded), as `Expr.Eval` does not short-circuit.
    pub fn eval(&self, x: &Expr, mut all_tags: Option<&mut TagSet>) -> bool {
        x.eval(&mut |tag: &str| self.match_tag(tag, all_tags.as_deref_mut()))
    }

    /// `matchAuto`: `text` as a `//go:build` expression if it has any of
    /// `&|()`, else as a `// +build` line; false if it does not parse.
    pub fn match_auto(&self, text: &str, all_tags: Option<&mut TagSet>) -> bool {
        let line = if text.contains(['&', '|', '(', ')']) {
            format!("//go:build {text}")
        } else {
            format!("// +build {text}")
        };
        match constraint::parse(line) {
            Ok(x) => self.eval(&x, all_tags),
            Err(_) => false,
        }
    }

    /// `goodOSArchFile`: whether a file name's `_GOOS`, `_GOARCH` or
    /// `_GOOS_GOARCH` suffix (before the first `.`, a `_test` dropped)
    /// allows this context.
    pub fn good_os_arch_file(&self, name: &str, mut all_tags: Option<&mut TagSet>) -> bool {
        let name = name.split_once('.').map_or(name, |(n, _)| n);
        let Some(i) = name.find('_') else {
            return true;
        };
        let name = &name[i..];
        let mut l: Vec<&str> = name.split('_').collect();
        if l.last() == Some(&"test") {
            l.pop();
        }
        let n = l.len();
        if n >= 2 && is_known_os(l[n - 2]) && is_known_arch(l[n - 1]) {
            if let Some(set) = all_tags.as_deref_mut()
                && !set.contains(l[n - 2])
            {
                set.insert(l[n - 2].to_string());
            }
            return self.match_tag(l[n - 1], all_tags.as_deref_mut())
                && self.match_tag(l[n - 2], all_tags);
        }
        if n >= 1 && (is_known_os(l[n - 1]) || is_known_arch(l[n - 1])) {
            return self.match_tag(l[n - 1], all_tags);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(goos: &str, goarch: &str) -> Context {
        Context::new(goos, goarch, PathBuf::from("/goroot"))
    }

    #[test]
    fn default_tool_tags() {
        assert_eq!(
            ctx("linux", "amd64").tool_tags,
            [
                "goexperiment.regabiwrappers",
                "goexperiment.regabiargs",
                "goexperiment.dwarf5",
                "goexperiment.jsonv2",
                "goexperiment.greenteagc",
                "goexperiment.randomizedheapbase64",
                "goexperiment.sizespecializedmalloc",
                "amd64.v1"
            ]
        );
        let darwin = ctx("darwin", "arm64").tool_tags;
        assert!(!darwin.iter().any(|t| t == "goexperiment.dwarf5"));
        assert_eq!(darwin.last().map(String::as_str), Some("arm64.v8.0"));
        let wasm = ctx("wasip1", "wasm").tool_tags;
        assert!(!wasm.iter().any(|t| t.contains("regabi")));
        assert!(wasm.ends_with(&["wasm.satconv".to_string(), "wasm.signext".to_string()]));
    }

    #[test]
    fn experiments() {
        let e = enabled_experiments("linux", "amd64", "arenas,nojsonv2,noregabi").unwrap();
        assert!(e.contains(&"arenas") && !e.contains(&"jsonv2") && e.contains(&"regabiargs"));
        assert_eq!(
            enabled_experiments("linux", "amd64", "none").unwrap(),
            ["regabiwrappers", "regabiargs"]
        );
        assert_eq!(
            enabled_experiments("linux", "amd64", "bogus").unwrap_err(),
            "unknown GOEXPERIMENT bogus"
        );
        assert_eq!(
            arch_level_tags("amd64", "v3"),
            ["amd64.v1", "amd64.v2", "amd64.v3"]
        );
        assert_eq!(arch_level_tags("arm64", "v9.1,lse").len(), 2 + 7);
        assert_eq!(arch_level_tags("arm", "5,softfloat"), ["arm.5"]);
    }

    #[test]
    fn tags() {
        let c = ctx("linux", "amd64");
        let mut all = TagSet::new();
        assert!(c.match_tag("linux", Some(&mut all)));
        assert!(c.match_tag("unix", Some(&mut all)));
        assert!(
            c.match_tag("gc", None) && c.match_tag("go1.1", None) && c.match_tag("go1.27", None)
        );
        assert!(
            !c.match_tag("go1.28", None)
                && !c.match_tag("cgo", None)
                && !c.match_tag("gccgo", None)
        );
        assert!(c.match_tag("amd64.v1", None) && !c.match_tag("amd64.v2", None));
        assert!(!c.match_tag("boringcrypto", None));
        assert_eq!(all.into_iter().collect::<Vec<_>>(), ["linux", "unix"]);
        let mut cgo = ctx("android", "arm64");
        cgo.cgo_enabled = true;
        assert!(
            cgo.match_tag("cgo", None)
                && cgo.match_tag("linux", None)
                && cgo.match_tag("unix", None)
        );
        assert!(!ctx("windows", "amd64").match_tag("unix", None));
        assert!(ctx("ios", "arm64").match_tag("darwin", None));
        assert!(ctx("illumos", "amd64").match_tag("solaris", None));
        let mut tagged = ctx("linux", "amd64");
        tagged.build_tags = vec!["purego".into()];
        assert!(tagged.match_tag("purego", None));
    }

    #[test]
    fn file_names() {
        let c = ctx("linux", "amd64");
        let ok = |n: &str| c.good_os_arch_file(n, None);
        assert!(ok("x.go") && ok("linux.go") && ok("x_linux.go") && ok("x_amd64.go"));
        assert!(ok("x_linux_amd64.go") && ok("x_linux_test.go") && ok("x_linux_amd64_test.go"));
        assert!(
            !ok("x_windows.go")
                && !ok("x_arm64.go")
                && !ok("x_linux_arm64.go")
                && !ok("x_windows_amd64_test.go")
        );
        assert!(
            ok("x_test.go") && ok("x_foo.go") && ok("x_linux_foo.go") && ok("x_amd64_linux.go")
        );
        assert!(!ok("_windows.go") && !ok("x_windows.go.bak"));
        assert!(ctx("android", "arm").good_os_arch_file("x_linux_arm.go", None));
        let mut all = TagSet::new();
        assert!(!c.good_os_arch_file("x_windows_arm64.go", Some(&mut all)));
        assert_eq!(all.into_iter().collect::<Vec<_>>(), ["arm64", "windows"]);
    }

    #[test]
    fn auto_and_eval() {
        let c = ctx("linux", "amd64");
        assert!(c.match_auto("linux,amd64", None));
        assert!(c.match_auto("linux && !windows", None));
        assert!(!c.match_auto("windows darwin", None));
        assert!(!c.match_auto("linux &&", None));
    }
}
