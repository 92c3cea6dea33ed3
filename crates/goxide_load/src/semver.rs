//! Semantic versions as the go command understands them: a port of
//! golang.org/x/mod/semver (`src/cmd/vendor/golang.org/x/mod/semver/semver.go`).
//!
//! The accepted form is `vMAJOR[.MINOR[.PATCH[-PRERELEASE][+BUILD]]]`: the
//! leading `v` is required, numbers have no extra leading zeros, prerelease
//! and build are dot-separated non-empty identifiers of `[0-9A-Za-z-]`, and
//! all-numeric prerelease identifiers have no leading zeros. `vMAJOR` and
//! `vMAJOR.MINOR` (with nothing after them) are shorthands for
//! `vMAJOR.0.0` and `vMAJOR.MINOR.0`.
//!
//! Algorithm: one hand-written scanner ([`parse`]) splits a version into
//! its parts, as slices of the input; every query is a function of those
//! parts. Numbers are compared as decimal strings (length first, then
//! bytes), so versions with arbitrarily long numbers never overflow.
//!
//! Invariants: every function is total — an invalid version gives `""`
//! (or compares below every valid one), never a panic. Results that Go
//! returns as substrings of the input are `&str` slices of it.

use std::cmp::Ordering;

/// The parts of a valid version, as slices of the input.
#[derive(Debug, Default, Clone, Copy)]
struct Parsed<'a> {
    major: &'a str,
    minor: &'a str,
    patch: &'a str,
    /// What `canonical` appends to a shorthand: `".0.0"`, `".0"` or `""`.
    short: &'static str,
    prerelease: &'a str,
    build: &'a str,
}

/// Reports whether `v` is a valid semantic version string.
pub fn is_valid(v: &str) -> bool {
    parse(v).is_some()
}

/// The canonical formatting of `v`: missing `.MINOR` or `.PATCH` filled in,
/// build metadata discarded; `""` for an invalid version. Two versions
/// compare equal exactly when their canonical forms are identical.
pub fn canonical(v: &str) -> String {
    let Some(p) = parse(v) else {
        return String::new();
    };
    if !p.build.is_empty() {
        return v[..v.len() - p.build.len()].to_string();
    }
    if !p.short.is_empty() {
        return format!("{v}{}", p.short);
    }
    v.to_string()
}

/// The major version prefix: `major("v2.1.0") == "v2"`; `""` if invalid.
pub fn major(v: &str) -> &str {
    match parse(v) {
        Some(p) => &v[..1 + p.major.len()],
        None => "",
    }
}

/// The `major.minor` prefix: `major_minor("v2.1.0") == "v2.1"`,
/// `major_minor("v2") == "v2.0"`; `""` if invalid.
pub fn major_minor(v: &str) -> String {
    let Some(p) = parse(v) else {
        return String::new();
    };
    let i = 1 + p.major.len();
    let j = i + 1 + p.minor.len();
    if j <= v.len() && v.as_bytes()[i] == b'.' && &v[i + 1..j] == p.minor {
        return v[..j].to_string();
    }
    format!("{}.{}", &v[..i], p.minor)
}

/// The prerelease suffix: `prerelease("v2.1.0-pre+meta") == "-pre"`;
/// `""` if there is none or `v` is invalid.
pub fn prerelease(v: &str) -> &str {
    parse(v).map_or("", |p| p.prerelease)
}

/// The build suffix: `build("v2.1.0+meta") == "+meta"`; `""` if there is
/// none or `v` is invalid.
pub fn build(v: &str) -> &str {
    parse(v).map_or("", |p| p.build)
}

/// Compares two versions by semantic version precedence. An invalid
/// version is less than any valid one; all invalid versions are equal.
pub fn compare(v: &str, w: &str) -> Ordering {
    match (parse(v), parse(w)) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(pv), Some(pw)) => compare_int(pv.major, pw.major)
            .then_with(|| compare_int(pv.minor, pw.minor))
            .then_with(|| compare_int(pv.patch, pw.patch))
            .then_with(|| compare_prerelease(pv.prerelease, pw.prerelease)),
    }
}

/// Canonicalizes both arguments and returns the greater (the second when
/// they are equal). Deprecated in x/mod in favour of [`compare`]; kept for
/// completeness.
pub fn max(v: &str, w: &str) -> String {
    let v = canonical(v);
    let w = canonical(w);
    if compare(&v, &w) == Ordering::Greater {
        v
    } else {
        w
    }
}

/// Sorts versions by [`compare`], breaking ties by plain string order (so
/// the result is deterministic even among equal or invalid versions).
pub fn sort<S: AsRef<str>>(list: &mut [S]) {
    list.sort_by(|a, b| compare_version(a.as_ref(), b.as_ref()));
}

fn compare_version(a: &str, b: &str) -> Ordering {
    compare(a, b).then_with(|| a.cmp(b))
}

fn parse(v: &str) -> Option<Parsed<'_>> {
    let rest = v.strip_prefix('v')?;
    let mut p = Parsed::default();
    let (major, rest) = parse_int(rest)?;
    p.major = major;
    if rest.is_empty() {
        p.minor = "0";
        p.patch = "0";
        p.short = ".0.0";
        return Some(p);
    }
    let rest = rest.strip_prefix('.')?;
    let (minor, rest) = parse_int(rest)?;
    p.minor = minor;
    if rest.is_empty() {
        p.patch = "0";
        p.short = ".0";
        return Some(p);
    }
    let rest = rest.strip_prefix('.')?;
    let (patch, mut rest) = parse_int(rest)?;
    p.patch = patch;
    if rest.starts_with('-') {
        let (pre, r) = parse_prerelease(rest)?;
        p.prerelease = pre;
        rest = r;
    }
    if rest.starts_with('+') {
        let (build, r) = parse_build(rest)?;
        p.build = build;
        rest = r;
    }
    if !rest.is_empty() {
        return None;
    }
    Some(p)
}

/// A decimal number without extra leading zeros, and the rest of `v`.
fn parse_int(v: &str) -> Option<(&str, &str)> {
    let b = v.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    let i = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if b[0] == b'0' && i != 1 {
        return None;
    }
    Some((&v[..i], &v[i..]))
}

fn parse_prerelease(v: &str) -> Option<(&str, &str)> {
    let b = v.as_bytes();
    if b.first() != Some(&b'-') {
        return None;
    }
    let mut i = 1;
    let mut start = 1;
    while i < b.len() && b[i] != b'+' {
        if !is_ident_char(b[i]) && b[i] != b'.' {
            return None;
        }
        if b[i] == b'.' {
            if start == i || is_bad_num(&b[start..i]) {
                return None;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start == i || is_bad_num(&b[start..i]) {
        return None;
    }
    Some((&v[..i], &v[i..]))
}

fn parse_build(v: &str) -> Option<(&str, &str)> {
    let b = v.as_bytes();
    if b.first() != Some(&b'+') {
        return None;
    }
    let mut i = 1;
    let mut start = 1;
    while i < b.len() {
        if !is_ident_char(b[i]) && b[i] != b'.' {
            return None;
        }
        if b[i] == b'.' {
            if start == i {
                return None;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start == i {
        return None;
    }
    Some((&v[..i], &v[i..]))
}

fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-'
}

/// An all-digit identifier with a leading zero (and more than one digit).
fn is_bad_num(v: &[u8]) -> bool {
    v.len() > 1 && v.iter().all(u8::is_ascii_digit) && v[0] == b'0'
}

fn is_num(v: &str) -> bool {
    v.bytes().all(|c| c.is_ascii_digit())
}

/// Compares decimal strings without leading zeros.
fn compare_int(x: &str, y: &str) -> Ordering {
    x.len().cmp(&y.len()).then_with(|| x.cmp(y))
}

/// Prerelease precedence (semver.org §11): no prerelease sorts last;
/// identifiers compare numerically when both are numbers, numbers before
/// words, words in ASCII order; a longer list wins a common prefix.
fn compare_prerelease(x: &str, y: &str) -> Ordering {
    if x == y {
        return Ordering::Equal;
    }
    if x.is_empty() {
        return Ordering::Greater;
    }
    if y.is_empty() {
        return Ordering::Less;
    }
    let (mut x, mut y) = (x, y);
    while !x.is_empty() && !y.is_empty() {
        x = &x[1..]; // skip - or .
        y = &y[1..];
        let (dx, rx) = next_ident(x);
        let (dy, ry) = next_ident(y);
        x = rx;
        y = ry;
        if dx != dy {
            let (ix, iy) = (is_num(dx), is_num(dy));
            if ix != iy {
                return if ix {
                    Ordering::Less
                } else {
                    Ordering::Greater
                };
            }
            if ix && dx.len() != dy.len() {
                return dx.len().cmp(&dy.len());
            }
            return if dx < dy {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
    }
    if x.is_empty() {
        Ordering::Less
    } else {
        Ordering::Greater
    }
}

fn next_ident(x: &str) -> (&str, &str) {
    let i = x.find('.').unwrap_or(x.len());
    (&x[..i], &x[i..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// x/mod's semver_test.go table: input, canonical form ("" = invalid),
    /// in increasing order among the valid ones.
    const TESTS: &[(&str, &str)] = &[
        ("bad", ""),
        ("v1-alpha.beta.gamma", ""),
        ("v1-pre", ""),
        ("v1+meta", ""),
        ("v1-pre+meta", ""),
        ("v1.2-pre", ""),
        ("v1.2+meta", ""),
        ("v1.2-pre+meta", ""),
        ("v1.0.0-alpha", "v1.0.0-alpha"),
        ("v1.0.0-alpha.1", "v1.0.0-alpha.1"),
        ("v1.0.0-alpha.beta", "v1.0.0-alpha.beta"),
        ("v1.0.0-beta", "v1.0.0-beta"),
        ("v1.0.0-beta.2", "v1.0.0-beta.2"),
        ("v1.0.0-beta.11", "v1.0.0-beta.11"),
        ("v1.0.0-rc.1", "v1.0.0-rc.1"),
        ("v1", "v1.0.0"),
        ("v1.0", "v1.0.0"),
        ("v1.0.0", "v1.0.0"),
        ("v1.2", "v1.2.0"),
        ("v1.2.0", "v1.2.0"),
        ("v1.2.3-456", "v1.2.3-456"),
        ("v1.2.3-456.789", "v1.2.3-456.789"),
        ("v1.2.3-456-789", "v1.2.3-456-789"),
        ("v1.2.3-456a", "v1.2.3-456a"),
        ("v1.2.3-pre", "v1.2.3-pre"),
        ("v1.2.3-pre+meta", "v1.2.3-pre"),
        ("v1.2.3-pre.1", "v1.2.3-pre.1"),
        ("v1.2.3-zzz", "v1.2.3-zzz"),
        ("v1.2.3", "v1.2.3"),
        ("v1.2.3+meta", "v1.2.3"),
        ("v1.2.3+meta-pre", "v1.2.3"),
        ("v1.2.3+meta-pre.sha.256a", "v1.2.3"),
    ];

    #[test]
    fn is_valid_and_canonical() {
        for &(input, out) in TESTS {
            assert_eq!(is_valid(input), !out.is_empty(), "is_valid({input})");
            assert_eq!(canonical(input), out, "canonical({input})");
        }
        for bad in [
            "",
            "v",
            "1.2.3",
            "v01.2.3",
            "v1.02.3",
            "v1.2.03",
            "v1.2.3-",
            "v1.2.3-01",
            "v1.2.3-a..b",
            "v1.2.3+",
            "v1.2.3+a..b",
            "v1.2.3-a_b",
            "v1.2.3 ",
        ] {
            assert!(!is_valid(bad), "{bad:?} should be invalid");
        }
        assert!(is_valid("v1.2.3-0"));
        assert!(
            is_valid("v1.2.3+01"),
            "build identifiers may have leading zeros"
        );
    }

    #[test]
    fn parts() {
        for &(input, out) in TESTS {
            let want_major = if out.is_empty() {
                ""
            } else {
                &out[..out.find('.').unwrap()]
            };
            assert_eq!(major(input), want_major, "major({input})");
            let want_mm = if out.is_empty() {
                String::new()
            } else {
                let i = out.find('.').unwrap();
                let j = i + 1 + out[i + 1..].find('.').unwrap();
                out[..j].to_string()
            };
            assert_eq!(major_minor(input), want_mm, "major_minor({input})");
            let want_pre = if out.is_empty() {
                ""
            } else {
                let core_end = out.find('-').unwrap_or(out.len());
                &out[core_end..]
            };
            assert_eq!(prerelease(input), want_pre, "prerelease({input})");
            let want_build = if out.is_empty() {
                ""
            } else {
                input.find('+').map_or("", |i| &input[i..])
            };
            assert_eq!(build(input), want_build, "build({input})");
        }
        assert_eq!(major_minor("v1.2.3"), "v1.2");
        assert_eq!(major_minor("v1"), "v1.0");
    }

    #[test]
    fn compare_follows_table_order() {
        for (i, &(vi, ci)) in TESTS.iter().enumerate() {
            for (j, &(vj, cj)) in TESTS.iter().enumerate() {
                let want = if ci.is_empty() && cj.is_empty() {
                    Ordering::Equal
                } else if ci.is_empty() {
                    Ordering::Less
                } else if cj.is_empty() {
                    Ordering::Greater
                } else if ci == cj {
                    Ordering::Equal
                } else {
                    i.cmp(&j)
                };
                assert_eq!(compare(vi, vj), want, "compare({vi}, {vj})");
                let want_max = if want == Ordering::Greater {
                    canonical(vi)
                } else {
                    canonical(vj)
                };
                assert_eq!(max(vi, vj), want_max, "max({vi}, {vj})");
            }
        }
    }

    #[test]
    fn long_numbers_do_not_overflow() {
        assert_eq!(
            compare("v99999999999999999999.0.0", "v100000000000000000000.0.0"),
            Ordering::Less
        );
        assert_eq!(
            compare(
                "v1.0.0-99999999999999999999",
                "v1.0.0-100000000000000000000"
            ),
            Ordering::Less
        );
    }

    #[test]
    fn sort_is_stable_by_string_among_equals() {
        let mut list = vec![
            "v1.0.0",
            "v1.0",
            "bad",
            "v0.1.0",
            "v1",
            "v2.0.0-pre",
            "another",
            "v1.0.0+meta",
        ];
        sort(&mut list);
        assert_eq!(
            list,
            [
                "another",
                "bad",
                "v0.1.0",
                "v1",
                "v1.0",
                "v1.0.0",
                "v1.0.0+meta",
                "v2.0.0-pre"
            ]
        );
    }
}
