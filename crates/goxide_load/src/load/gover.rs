//! Go toolchain and language versions (`1.21`, `1.21rc1`, `1.21.0`) and
//! the version thresholds module loading depends on: a port of
//! `internal/gover` (`Parse`, `Compare`, `Lang`) and
//! `cmd/go/internal/gover/version.go`.
//!
//! Ordering, as go's: `1.21 < 1.21rc1 < 1.21.0`; before 1.21 a missing
//! patch means `.0`; malformed versions compare below all valid ones and
//! equal to each other.

use std::cmp::Ordering;

/// go.mod files without a `go` line are read as this version.
pub const DEFAULT_GO_MOD_VERSION: &str = "1.16";
/// go.work files without a `go` line are read as this version.
pub const DEFAULT_GO_WORK_VERSION: &str = "1.18";
/// From this version on, module graphs are pruned.
pub const EXPLICIT_INDIRECT_VERSION: &str = "1.17";
/// From this version on, vendored packages must be listed in modules.txt.
pub const EXPLICIT_MODULES_TXT_IMPORT_VERSION: &str = "1.23";
/// From this version on, a vendor directory is used by default.
pub const AUTO_VENDOR_VERSION: &str = "1.14";
/// From this version on, "go" lines are strict requirements.
pub const GO_STRICT_VERSION: &str = "1.21";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Version<'a> {
    major: &'a str,
    minor: &'a str,
    patch: &'a str,
    kind: &'a str,
    pre: &'a str,
}

fn cut_int(x: &str) -> Option<(&str, &str)> {
    let i = x.bytes().take_while(u8::is_ascii_digit).count();
    if i == 0 || (x.as_bytes()[0] == b'0' && i != 1) {
        return None;
    }
    Some((&x[..i], &x[i..]))
}

fn parse(x: &str) -> Version<'_> {
    let mut v = Version::default();
    let Some((major, x)) = cut_int(x) else {
        return Version::default();
    };
    v.major = major;
    if x.is_empty() {
        v.minor = "0";
        v.patch = "0";
        return v;
    }
    let Some(x) = x.strip_prefix('.') else {
        return Version::default();
    };
    let Some((minor, x)) = cut_int(x) else {
        return Version::default();
    };
    v.minor = minor;
    if x.is_empty() {
        if cmp_int(minor, "21") == Ordering::Less {
            v.patch = "0";
        }
        return v;
    }
    if let Some(x) = x.strip_prefix('.') {
        return match cut_int(x) {
            Some((patch, "")) => {
                v.patch = patch;
                v
            }
            _ => Version::default(),
        };
    }
    let i = x.bytes().take_while(|b| !b.is_ascii_digit()).count();
    if i == 0 || !x[..i].bytes().all(|b| b.is_ascii_lowercase()) {
        return Version::default();
    }
    v.kind = &x[..i];
    let x = &x[i..];
    if x.is_empty() {
        return v;
    }
    match cut_int(x) {
        Some((pre, "")) => {
            v.pre = pre;
            v
        }
        _ => Version::default(),
    }
}

/// Compares decimal strings (empty is below any number).
fn cmp_int(x: &str, y: &str) -> Ordering {
    if x == y {
        return Ordering::Equal;
    }
    x.len().cmp(&y.len()).then_with(|| x.cmp(y))
}

/// `gover.Compare`.
pub fn compare(x: &str, y: &str) -> Ordering {
    let (a, b) = (parse(x), parse(y));
    cmp_int(a.major, b.major)
        .then_with(|| cmp_int(a.minor, b.minor))
        .then_with(|| cmp_int(a.patch, b.patch))
        .then_with(|| a.kind.cmp(b.kind))
        .then_with(|| cmp_int(a.pre, b.pre))
}

/// `gover.IsValid`.
pub fn is_valid(x: &str) -> bool {
    parse(x) != Version::default()
}

/// `gover.Lang`: `1.21.3` → `1.21`.
pub fn lang(x: &str) -> String {
    let v = parse(x);
    if v.minor.is_empty() || (v.major == "1" && v.minor == "0") {
        return v.major.to_string();
    }
    format!("{}.{}", v.major, v.minor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordering_like_go() {
        use Ordering::*;
        for (x, y, want) in [
            ("1.21", "1.21rc1", Less),
            ("1.21rc1", "1.21.0", Less),
            ("1.20", "1.20.0", Equal),
            ("1.9", "1.10", Less),
            ("1.22", "1.21.9", Greater),
            ("bad", "1.0", Less),
            ("bad", "worse", Equal),
            ("1.27.3", "1.28", Less),
            ("1.21beta1", "1.21rc1", Less),
        ] {
            assert_eq!(compare(x, y), want, "{x} {y}");
        }
        assert!(is_valid("1.22") && !is_valid("1.22.x") && !is_valid("01.2"));
        assert_eq!(lang("1.21.3"), "1.21");
        assert_eq!(lang("1"), "1");
    }
}
