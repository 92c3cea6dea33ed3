//! Go toolchain versions (`1.21`, `1.21rc1`, `1.21.0`) as the go command
//! compares them: a port of `src/internal/gover/gover.go` and the parts of
//! `src/cmd/go/internal/gover` that reading go.mod, go.work and
//! vendor/modules.txt needs (`FromToolchain`, `IsToolchain`, `ModCompare`,
//! the default versions, `TooNewError`).
//!
//! A version is `major[.minor[.patch]][kind[pre]]`, kind one of the
//! lower-case words (`alpha`, `beta`, `rc`), without the `go` prefix.
//! Ordering: major, minor and patch numerically (as decimal strings, so
//! no overflow), then the kind (`""` < `alpha` < `beta` < `rc`), then the
//! prerelease number. A missing patch is `0` before Go 1.21 and sorts
//! first from Go 1.21 on, so `1.20 == 1.20.0` but `1.21` < `1.21rc1` <
//! `1.21.0`. Malformed versions are less than all valid ones and equal to
//! each other.
//!
//! Invariants: every function is total; nothing panics.

use std::cmp::Ordering;
use std::fmt;

use crate::semver;

/// The go.mod version assumed when a go.mod has no `go` line.
pub const DEFAULT_GO_MOD_VERSION: &str = "1.16";
/// The go.work version assumed when a go.work has no `go` line.
pub const DEFAULT_GO_WORK_VERSION: &str = "1.18";
/// From this version on, go.mod lists indirect requirements explicitly
/// (and module graphs are pruned).
pub const EXPLICIT_INDIRECT_VERSION: &str = "1.17";
/// From this version on, the go line is a strict minimum requirement.
pub const GO_STRICT_VERSION: &str = "1.21";

/// A parsed Go version; all fields empty for a malformed one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoVersion {
    pub major: String,
    pub minor: String,
    pub patch: String,
    pub kind: String,
    pub pre: String,
}

/// Parses `x` (`gover.Parse`); the zero value when malformed.
pub fn parse(x: &str) -> GoVersion {
    parse_opt(x).unwrap_or_default()
}

fn parse_opt(x: &str) -> Option<GoVersion> {
    let mut v = GoVersion::default();
    let (major, x) = cut_int(x)?;
    v.major = major.to_string();
    if x.is_empty() {
        // "1" means "1.0.0".
        v.minor = "0".into();
        v.patch = "0".into();
        return Some(v);
    }
    let x = x.strip_prefix('.')?;
    let (minor, x) = cut_int(x)?;
    v.minor = minor.to_string();
    if x.is_empty() {
        // A missing patch is 0 before Go 1.21 and "the language" after.
        if cmp_int(&v.minor, "21") == Ordering::Less {
            v.patch = "0".into();
        }
        return Some(v);
    }
    if let Some(rest) = x.strip_prefix('.') {
        // No prereleases of patch releases.
        let (patch, rest) = cut_int(rest)?;
        if !rest.is_empty() {
            return None;
        }
        v.patch = patch.to_string();
        return Some(v);
    }
    let i = x.bytes().take_while(|c| !c.is_ascii_digit()).count();
    if i == 0 || !x[..i].bytes().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    v.kind = x[..i].to_string();
    let x = &x[i..];
    if x.is_empty() {
        return Some(v);
    }
    let (pre, rest) = cut_int(x)?;
    if !rest.is_empty() {
        return None;
    }
    v.pre = pre.to_string();
    Some(v)
}

/// A leading decimal without an unnecessary leading zero, and the rest.
fn cut_int(x: &str) -> Option<(&str, &str)> {
    let i = x.bytes().take_while(u8::is_ascii_digit).count();
    if i == 0 || x.starts_with('0') && i != 1 {
        return None;
    }
    Some((&x[..i], &x[i..]))
}

/// Compares decimal strings without leading zeros (`gover.CmpInt`).
pub fn cmp_int(x: &str, y: &str) -> Ordering {
    x.len().cmp(&y.len()).then_with(|| x.cmp(y))
}

/// Compares two Go versions (`gover.Compare`); no `go` prefix.
pub fn compare(x: &str, y: &str) -> Ordering {
    let (vx, vy) = (parse(x), parse(y));
    cmp_int(&vx.major, &vy.major)
        .then_with(|| cmp_int(&vx.minor, &vy.minor))
        .then_with(|| cmp_int(&vx.patch, &vy.patch))
        .then_with(|| vx.kind.cmp(&vy.kind))
        .then_with(|| cmp_int(&vx.pre, &vy.pre))
}

/// The greater of two versions, `x` when equal (`gover.Max`).
pub fn max<'a>(x: &'a str, y: &'a str) -> &'a str {
    if compare(x, y) == Ordering::Less {
        y
    } else {
        x
    }
}

/// Whether `x` is a valid Go version (`gover.IsValid`).
pub fn is_valid(x: &str) -> bool {
    parse_opt(x).is_some()
}

/// Whether `x` names a language version (`1.21`) rather than a release
/// (`1.21.0`, `1.21rc1`) (`gover.IsLang`).
pub fn is_lang(x: &str) -> bool {
    match parse_opt(x) {
        Some(v) => v.patch.is_empty() && v.kind.is_empty() && v.pre.is_empty(),
        None => false,
    }
}

/// The language version of `x`: `lang("1.2.3") == "1.2"` (`gover.Lang`).
pub fn lang(x: &str) -> String {
    let v = parse(x);
    if v.minor.is_empty() || v.major == "1" && v.minor == "0" {
        return v.major;
    }
    format!("{}.{}", v.major, v.minor)
}

/// The Go version a toolchain name stands for (`gover.FromToolchain`):
/// `go1.2.3` and `go1.2.3-bigcorp` give `1.2.3`; `""` if not a toolchain
/// name (or if it holds a path separator).
pub fn from_toolchain(name: &str) -> String {
    if name.contains(['\\', '/']) {
        return String::new();
    }
    let Some(v) = name.strip_prefix("go") else {
        return String::new();
    };
    let v = match v.find([' ', '\t', '-']) {
        Some(i) => &v[..i],
        None => v,
    };
    if is_valid(v) {
        v.to_string()
    } else {
        String::new()
    }
}

/// Whether a module path is one of the virtual modules `go` and
/// `toolchain` that track the go and toolchain lines (`gover.IsToolchain`).
pub fn is_toolchain(path: &str) -> bool {
    path == "go" || path == "toolchain"
}

fn maybe_toolchain_version(name: &str) -> String {
    if is_valid(name) {
        name.to_string()
    } else {
        from_toolchain(name)
    }
}

/// Compares versions of module `path` (`gover.ModCompare`): Go versions
/// for `go` and `toolchain`, semver otherwise.
pub fn mod_compare(path: &str, x: &str, y: &str) -> Ordering {
    match path {
        "go" => compare(x, y),
        "toolchain" => compare(&maybe_toolchain_version(x), &maybe_toolchain_version(y)),
        _ => semver::compare(x, y),
    }
}

/// What the go command's startup toolchain selection recorded
/// (`gover.Startup`), which [`TooNewError`]'s message explains.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Startup {
    /// `$GOTOOLCHAIN` as set (`""` when unset).
    pub gotoolchain: String,
    /// The go.mod or go.work consulted for the switch, as displayed.
    pub auto_file: String,
    /// Its go line.
    pub auto_go_version: String,
    /// Its toolchain line.
    pub auto_toolchain: String,
}

/// The running Go: its version (`gover.Local()`, e.g. `1.27.3`) and how
/// it was selected at startup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Local {
    pub version: String,
    pub startup: Startup,
}

impl Local {
    /// A [`TooNewError`] for `what` needing `go_version`.
    pub fn too_new(
        &self,
        what: impl Into<String>,
        go_version: &str,
        toolchain: &str,
    ) -> TooNewError {
        TooNewError {
            what: what.into(),
            go_version: go_version.to_string(),
            toolchain: toolchain.to_string(),
            local: self.version.clone(),
            startup: self.startup.clone(),
        }
    }
}

/// A file or module needs a newer Go (`gover.TooNewError`):
/// `go.mod requires go >= 1.99 (running go 1.27.3; GOTOOLCHAIN=local)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooNewError {
    /// What needs it: the file's display path, or `path in file`.
    pub what: String,
    pub go_version: String,
    /// The file's toolchain line, for callers; not printed.
    pub toolchain: String,
    /// The running Go version (`gover.Local()`), e.g. `1.27.3`.
    pub local: String,
    pub startup: Startup,
}

impl fmt::Display for TooNewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut explain = String::new();
        let s = &self.startup;
        if !s.gotoolchain.is_empty() && s.gotoolchain != "auto" {
            explain = format!("; GOTOOLCHAIN={}", s.gotoolchain);
        }
        if !s.auto_file.is_empty()
            && (!s.auto_go_version.is_empty() || !s.auto_toolchain.is_empty())
        {
            explain.push_str(&format!("; {} sets ", s.auto_file));
            if !s.auto_toolchain.is_empty() {
                explain.push_str(&format!("toolchain {}", s.auto_toolchain));
            } else {
                explain.push_str(&format!("go {}", s.auto_go_version));
            }
        }
        write!(
            f,
            "{} requires go >= {} (running go {}{})",
            self.what, self.go_version, self.local, explain
        )
    }
}

impl std::error::Error for TooNewError {}

#[cfg(test)]
mod tests {
    use super::*;

    /// internal/gover's gover_test.go and cmd/go/internal/gover's
    /// toolchain_test.go tables.
    #[test]
    fn compare_like_go() {
        use Ordering::{Equal as E, Less as L};
        let cases = [
            ("", "", E),
            ("x", "x", E),
            ("", "x", E),
            ("1", "1.1", L),
            ("1.5", "1.6", L),
            ("1.5", "1.10", L),
            ("1.6", "1.6.1", L),
            ("1.19", "1.19.0", E),
            ("1.19rc1", "1.19", L),
            ("1.20", "1.20.0", E),
            ("1.20rc1", "1.20", L),
            ("1.21", "1.21.0", L),
            ("1.21", "1.21rc1", L),
            ("1.21rc1", "1.21.0", L),
            ("1.6", "1.19", L),
            ("1.19", "1.19.1", L),
            ("1.19rc1", "1.19", L),
            ("1.19rc1", "1.19.1", L),
            ("1.19rc1", "1.19rc2", L),
            ("1.19.0", "1.19.1", L),
            ("1.19rc1", "1.19.0", L),
            ("1.19alpha3", "1.19beta2", L),
            ("1.19beta2", "1.19rc1", L),
            ("1.1", "1.99999999999999998", L),
            ("1.99999999999999998", "1.99999999999999999", L),
        ];
        for (x, y, want) in cases {
            assert_eq!(compare(x, y), want, "compare({x}, {y})");
            assert_eq!(compare(y, x), want.reverse(), "compare({y}, {x})");
        }
    }

    #[test]
    fn parse_lang_validity() {
        let v = |a: &str, b: &str, c: &str, d: &str, e: &str| GoVersion {
            major: a.into(),
            minor: b.into(),
            patch: c.into(),
            kind: d.into(),
            pre: e.into(),
        };
        for (x, want) in [
            ("1", v("1", "0", "0", "", "")),
            ("1.2", v("1", "2", "0", "", "")),
            ("1.2.3", v("1", "2", "3", "", "")),
            ("1.2rc3", v("1", "2", "", "rc", "3")),
            ("1.20", v("1", "20", "0", "", "")),
            ("1.21", v("1", "21", "", "", "")),
            ("1.21rc3", v("1", "21", "", "rc", "3")),
            ("1.21.0", v("1", "21", "0", "", "")),
            ("1.24", v("1", "24", "", "", "")),
            ("1.24rc3", v("1", "24", "", "rc", "3")),
            ("1.24.0", v("1", "24", "0", "", "")),
            ("1.999testmod", v("1", "999", "", "testmod", "")),
            (
                "1.99999999999999999",
                v("1", "99999999999999999", "", "", ""),
            ),
        ] {
            assert_eq!(parse(x), want, "parse({x})");
        }
        for (x, want) in [
            ("1.2rc3", "1.2"),
            ("1.2.3", "1.2"),
            ("1.2", "1.2"),
            ("1", "1"),
            ("1.999testmod", "1.999"),
        ] {
            assert_eq!(lang(x), want, "lang({x})");
        }
        for (x, want) in [
            ("1.2rc3", false),
            ("1.2.3", false),
            ("1.999testmod", false),
            ("1.22", true),
            ("1.21", true),
            ("1.20", false),
            ("1.19", false),
            ("1.3", false),
            ("1.2", false),
            ("1", false),
        ] {
            assert_eq!(is_lang(x), want, "is_lang({x})");
        }
        for (x, want) in [
            ("1.2rc3", true),
            ("1.2.3", true),
            ("1.999testmod", true),
            ("1.600+auto", false),
            ("1.22", true),
            ("1.21.0", true),
            ("1.21rc2", true),
            ("1.21", true),
            ("1.20.0", true),
            ("1.20", true),
            ("1.19", true),
            ("1.3", true),
            ("1.2", true),
            ("1", true),
        ] {
            assert_eq!(is_valid(x), want, "is_valid({x})");
        }
        for (x, want) in [
            ("go1.2.3", "1.2.3"),
            ("1.2.3", ""),
            ("go1.2.3+bigcorp", ""),
            ("go1.2.3-bigcorp", "1.2.3"),
            ("go1.2.3-bigcorp more text", "1.2.3"),
            ("gccgo-go1.23rc4", ""),
            ("gccgo-go1.23rc4-bigdwarf", ""),
            ("go1.2/x", ""),
        ] {
            assert_eq!(from_toolchain(x), want, "from_toolchain({x})");
        }
        assert_eq!(
            mod_compare("toolchain", "go1.21.0", "1.21rc1"),
            Ordering::Greater
        );
        assert_eq!(max("1.21", "1.21.0"), "1.21.0");
    }

    #[test]
    fn too_new_message() {
        let mut e = TooNewError {
            what: "go.mod".into(),
            go_version: "1.99".into(),
            toolchain: String::new(),
            local: "1.27.3".into(),
            startup: Startup {
                gotoolchain: "local".into(),
                ..Default::default()
            },
        };
        assert_eq!(
            e.to_string(),
            "go.mod requires go >= 1.99 (running go 1.27.3; GOTOOLCHAIN=local)"
        );
        e.startup = Startup {
            gotoolchain: "auto".into(),
            auto_file: "go.work".into(),
            auto_go_version: "1.99".into(),
            ..Default::default()
        };
        assert_eq!(
            e.to_string(),
            "go.mod requires go >= 1.99 (running go 1.27.3; go.work sets go 1.99)"
        );
    }
}
