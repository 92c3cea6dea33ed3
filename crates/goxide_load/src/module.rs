//! Module paths and versions: a port of golang.org/x/mod/module
//! (`src/cmd/vendor/golang.org/x/mod/module/{module.go,pseudo.go}`).
//!
//! What it holds:
//! - [`Version`], a (path, version) pair, and its error types with x/mod's
//!   exact texts: [`InvalidPathError`] (`malformed module path "x": ...`),
//!   [`InvalidVersionError`] (`version "x" invalid: ...`), [`ModuleError`]
//!   and the sum [`Error`] (Go's `error` values from this package).
//! - The path checks: [`check_path`] (module paths), [`check_import_path`],
//!   [`check_file_path`], [`check`] (path and version together), and the
//!   major-version suffix logic ([`split_path_version`],
//!   [`check_path_major`], [`match_path_major`], [`path_major_prefix`]).
//! - The case-safe escaping used for the module cache and proxy layout:
//!   [`escape_path`], [`escape_version`], [`unescape_path`],
//!   [`unescape_version`] (`$GOMODCACHE/<escaped path>@<escaped version>`,
//!   `$GOMODCACHE/cache/download/<escaped path>/@v/<escaped version>.zip`).
//! - Pseudo-versions: [`is_pseudo_version`], [`pseudo_version`],
//!   [`pseudo_version_base`], [`pseudo_version_rev`], [`pseudo_version_time`].
//! - The module cache layout cmd/go derives from the escaped forms
//!   (`cmd/go/internal/modfetch/cache.go`): [`download_dir`], [`cache_path`].
//!
//! Algorithm: each check walks the path element by element with the
//! character classes of module.go (`modPathOK`, `importPathOK`,
//! `fileNameOK`); the pseudo-version regular expression is matched by a
//! small hand-written recogniser with the same language.
//!
//! Invariants: nothing panics on any input; error texts are byte-for-byte
//! those of x/mod (quoting with Go's `%q`, see `modfile::strconv`). Rust
//! strings are always UTF-8, so the "invalid UTF-8" branch of the checks
//! cannot trigger here (go.mod bytes that are not UTF-8 were mapped to
//! U+FFFD on reading, see `modfile::strconv::go_string`).

use std::fmt;

use crate::modfile::strconv::{is_letter, quote, quote_rune};
use crate::semver;

/// A module path and version (`module.Version`), in plain (unescaped)
/// form. `version` is usually canonical semver; it is `""` for the main
/// module and for a directory replacement, and `"none"` in MVS for "no
/// version". Display is `path@version`, or `path` when the version is
/// empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Version {
    pub path: String,
    pub version: String,
}

impl Version {
    pub fn new(path: impl Into<String>, version: impl Into<String>) -> Version {
        Version {
            path: path.into(),
            version: version.into(),
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.version.is_empty() {
            f.write_str(&self.path)
        } else {
            write!(f, "{}@{}", self.path, self.version)
        }
    }
}

/// Which rules a path is checked against (and the word in
/// `malformed <kind> path`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    Module,
    Import,
    File,
}

impl PathKind {
    pub fn word(self) -> &'static str {
        match self {
            PathKind::Module => "module",
            PathKind::Import => "import",
            PathKind::File => "file",
        }
    }
}

/// `malformed <kind> path "<path>": <err>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidPathError {
    pub kind: PathKind,
    pub path: String,
    pub err: String,
}

impl fmt::Display for InvalidPathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "malformed {} path {}: {}",
            self.kind.word(),
            quote(&self.path),
            self.err
        )
    }
}

/// `version "<v>" invalid: <err>` (or `pseudo-version ...`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidVersionError {
    pub version: String,
    pub pseudo: bool,
    pub err: String,
}

impl InvalidVersionError {
    pub fn new(version: impl Into<String>, err: impl Into<String>) -> InvalidVersionError {
        InvalidVersionError {
            version: version.into(),
            pseudo: false,
            err: err.into(),
        }
    }

    fn pseudo(version: &str, err: impl Into<String>) -> InvalidVersionError {
        InvalidVersionError {
            version: version.to_string(),
            pseudo: true,
            err: err.into(),
        }
    }

    /// "version" or "pseudo-version".
    pub fn noun(&self) -> &'static str {
        if self.pseudo {
            "pseudo-version"
        } else {
            "version"
        }
    }
}

impl fmt::Display for InvalidVersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} invalid: {}",
            self.noun(),
            quote(&self.version),
            self.err
        )
    }
}

/// An error about one module (`module.ModuleError`): `path@version: err`,
/// `module path: err`, or, wrapping an [`InvalidVersionError`],
/// `path@v: invalid version: err`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleError {
    pub path: String,
    pub version: String,
    pub err: Box<Error>,
}

impl fmt::Display for ModuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Error::Version(v) = &*self.err {
            return write!(
                f,
                "{}@{}: invalid {}: {}",
                self.path,
                v.version,
                v.noun(),
                v.err
            );
        }
        if !self.version.is_empty() {
            return write!(f, "{}@{}: {}", self.path, self.version, self.err);
        }
        write!(f, "module {}: {}", self.path, self.err)
    }
}

/// The errors this package (and callers that produce its kinds of
/// errors, such as a version fixer) return: Go's `error` values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    Path(InvalidPathError),
    Version(InvalidVersionError),
    Module(ModuleError),
    /// Any other message (Go's `errors.New` / `fmt.Errorf`).
    Other(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Path(e) => e.fmt(f),
            Error::Version(e) => e.fmt(f),
            Error::Module(e) => e.fmt(f),
            Error::Other(s) => f.write_str(s),
        }
    }
}

impl std::error::Error for Error {}
impl std::error::Error for InvalidPathError {}
impl std::error::Error for InvalidVersionError {}
impl std::error::Error for ModuleError {}

impl From<InvalidPathError> for Error {
    fn from(e: InvalidPathError) -> Error {
        Error::Path(e)
    }
}

impl From<InvalidVersionError> for Error {
    fn from(e: InvalidVersionError) -> Error {
        Error::Version(e)
    }
}

impl From<ModuleError> for Error {
    fn from(e: ModuleError) -> Error {
        Error::Module(e)
    }
}

/// `module.VersionError`: `err` as a [`ModuleError`] about `v`, unless it
/// already is one about exactly `v`.
pub fn version_error(v: &Version, err: Error) -> Error {
    if let Error::Module(m) = &err
        && m.path == v.path
        && m.version == v.version
    {
        return err;
    }
    Error::Module(ModuleError {
        path: v.path.clone(),
        version: v.version.clone(),
        err: Box::new(err),
    })
}

/// `module.Check`: `path` is a valid module path, `version` a valid
/// semantic version, and the two agree on the major version
/// (`example.com/m/v2` needs `v2.x.y`).
pub fn check(path: &str, version: &str) -> Result<(), Error> {
    check_path(path)?;
    if !semver::is_valid(version) {
        return Err(Error::Module(ModuleError {
            path: path.to_string(),
            version: String::new(),
            err: Box::new(Error::Version(InvalidVersionError::new(
                version,
                "not a semantic version",
            ))),
        }));
    }
    let path_major = split_path_version(path).map_or("", |(_, m)| m);
    if let Err(e) = check_path_major(version, path_major) {
        return Err(Error::Module(ModuleError {
            path: path.to_string(),
            version: String::new(),
            err: Box::new(Error::Version(e)),
        }));
    }
    Ok(())
}

/// `firstPathOK`: lower-case LDH domain characters.
fn first_path_ok(r: char) -> bool {
    r == '-' || r == '.' || r.is_ascii_digit() || r.is_ascii_lowercase()
}

/// `modPathOK`: ASCII letters, digits and `- . _ ~`.
fn mod_path_ok(r: char) -> bool {
    r.is_ascii_alphanumeric() || matches!(r, '-' | '.' | '_' | '~')
}

/// `importPathOK`: module path characters and `+`.
fn import_path_ok(r: char) -> bool {
    mod_path_ok(r) || r == '+'
}

/// `fileNameOK`: ASCII letters and digits, the punctuation
/// `!#$%&()+,-.=@[]^_{}~` and space, and any Unicode letter.
fn file_name_ok(r: char) -> bool {
    if (r as u32) < 0x80 {
        return r.is_ascii_alphanumeric() || "!#$%&()+,-.=@[]^_{}~ ".contains(r);
    }
    is_letter(r)
}

/// `module.CheckPath`: a valid import path whose first element is a
/// lower-case domain-like name with a dot, not starting with a dash, no
/// element starting with a dot, and a well-formed `/vN` (or gopkg.in
/// `.vN`) suffix.
pub fn check_path(path: &str) -> Result<(), InvalidPathError> {
    let fail = |err: String| InvalidPathError {
        kind: PathKind::Module,
        path: path.to_string(),
        err,
    };
    check_path_kind(path, PathKind::Module).map_err(fail)?;
    let i = path.find('/').unwrap_or(path.len());
    if i == 0 {
        return Err(fail("leading slash".into()));
    }
    if !path[..i].contains('.') {
        return Err(fail("missing dot in first path element".into()));
    }
    if path.starts_with('-') {
        return Err(fail("leading dash in first path element".into()));
    }
    if let Some(r) = path[..i].chars().find(|&r| !first_path_ok(r)) {
        return Err(fail(format!(
            "invalid char {} in first path element",
            quote_rune(r)
        )));
    }
    if split_path_version(path).is_none() {
        return Err(fail("invalid version".into()));
    }
    Ok(())
}

/// `module.CheckImportPath`: one or more non-empty elements of ASCII
/// letters, digits and `- . _ ~ +`, separated by single slashes; no
/// element ends with a dot or is all dots, none is a reserved Windows
/// name (before its first dot), none ends in `~` and digits.
pub fn check_import_path(path: &str) -> Result<(), InvalidPathError> {
    check_path_kind(path, PathKind::Import).map_err(|err| InvalidPathError {
        kind: PathKind::Import,
        path: path.to_string(),
        err,
    })
}

/// `module.CheckFilePath`: like [`check_import_path`] with a larger
/// character set (see `fileNameOK`), a leading dash allowed, and no
/// short-name (`~1`) check.
pub fn check_file_path(path: &str) -> Result<(), InvalidPathError> {
    check_path_kind(path, PathKind::File).map_err(|err| InvalidPathError {
        kind: PathKind::File,
        path: path.to_string(),
        err,
    })
}

fn check_path_kind(path: &str, kind: PathKind) -> Result<(), String> {
    if path.is_empty() {
        return Err("empty string".into());
    }
    if path.starts_with('-') && kind != PathKind::File {
        return Err("leading dash".into());
    }
    if path.contains("//") {
        return Err("double slash".into());
    }
    if path.ends_with('/') {
        return Err("trailing slash".into());
    }
    for elem in path.split('/') {
        check_elem(elem, kind)?;
    }
    Ok(())
}

/// Windows' reserved file names (compared case-insensitively).
const BAD_WINDOWS_NAMES: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// `checkElem`: one path element.
fn check_elem(elem: &str, kind: PathKind) -> Result<(), String> {
    if elem.is_empty() {
        return Err("empty path element".into());
    }
    if elem.bytes().all(|c| c == b'.') {
        return Err(format!("invalid path element {}", quote(elem)));
    }
    if elem.starts_with('.') && kind == PathKind::Module {
        return Err("leading dot in path element".into());
    }
    if elem.ends_with('.') {
        return Err("trailing dot in path element".into());
    }
    for r in elem.chars() {
        let ok = match kind {
            PathKind::Module => mod_path_ok(r),
            PathKind::Import => import_path_ok(r),
            PathKind::File => file_name_ok(r),
        };
        if !ok {
            return Err(format!("invalid char {}", quote_rune(r)));
        }
    }
    let short = elem.split('.').next().unwrap_or(elem);
    if BAD_WINDOWS_NAMES.iter().any(|bad| eq_fold(bad, short)) {
        return Err(format!(
            "{} disallowed as path element component on Windows",
            quote(short)
        ));
    }
    if kind == PathKind::File {
        return Ok(());
    }
    if let Some(tilde) = short.rfind('~')
        && tilde < short.len() - 1
        && short[tilde + 1..].bytes().all(|c| c.is_ascii_digit())
    {
        return Err("trailing tilde and digits in path element".into());
    }
    Ok(())
}

/// `strings.EqualFold` against an ASCII word: simple Unicode case folding
/// maps only `K` (U+212A KELVIN SIGN) and `ſ` (U+017F) outside ASCII onto
/// ASCII letters, and neither occurs in the reserved names, so comparing
/// ASCII case-insensitively after rejecting non-ASCII is exact here.
fn eq_fold(ascii_word: &str, s: &str) -> bool {
    s.is_ascii() && s.eq_ignore_ascii_case(ascii_word)
}

/// `module.SplitPathVersion`: `path` as `(prefix, path_major)` with
/// `prefix + path_major == path` and `path_major` empty or `/vN` (N >= 2);
/// for gopkg.in paths `.vN` (any N, `-unstable` allowed). `None` when the
/// last element is a malformed major suffix, such as `/v1`, `/v0` or
/// `/v1.2` (Go returns `path, "", false`).
pub fn split_path_version(path: &str) -> Option<(&str, &str)> {
    if path.starts_with("gopkg.in/") {
        return split_gopkg_in(path);
    }
    let b = path.as_bytes();
    let mut i = b.len();
    let mut dot = false;
    while i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.') {
        if b[i - 1] == b'.' {
            dot = true;
        }
        i -= 1;
    }
    if i <= 1 || i == b.len() || b[i - 1] != b'v' || b[i - 2] != b'/' {
        return Some((path, ""));
    }
    let (prefix, path_major) = (&path[..i - 2], &path[i - 2..]);
    if dot || path_major.len() <= 2 || path_major.as_bytes()[2] == b'0' || path_major == "/v1" {
        return None;
    }
    Some((prefix, path_major))
}

fn split_gopkg_in(path: &str) -> Option<(&str, &str)> {
    let b = path.as_bytes();
    let mut i = b.len();
    if path.ends_with("-unstable") {
        i -= "-unstable".len();
    }
    while i > 0 && b[i - 1].is_ascii_digit() {
        i -= 1;
    }
    if i <= 1 || b[i - 1] != b'v' || b[i - 2] != b'.' {
        return None;
    }
    let (prefix, path_major) = (&path[..i - 2], &path[i - 2..]);
    if path_major.len() <= 2 || path_major.as_bytes()[2] == b'0' && path_major != ".v0" {
        return None;
    }
    Some((prefix, path_major))
}

/// `module.MatchPathMajor`: whether `v` matches the path's major suffix.
pub fn match_path_major(v: &str, path_major: &str) -> bool {
    check_path_major(v, path_major).is_ok()
}

/// `module.CheckPathMajor`: `v`'s major version must be the one the path
/// suffix names (`v0` or `v1`, or `+incompatible`, for no suffix), with
/// x/mod's allowance of `v0.0.0-` pseudo-versions for gopkg.in `.v1`.
pub fn check_path_major(v: &str, path_major: &str) -> Result<(), InvalidVersionError> {
    let mut path_major = path_major;
    if path_major.starts_with(".v") && path_major.ends_with("-unstable") {
        path_major = &path_major[..path_major.len() - "-unstable".len()];
    }
    if v.starts_with("v0.0.0-") && path_major == ".v1" {
        return Ok(());
    }
    let m = semver::major(v);
    let want: &str = if path_major.is_empty() {
        if m == "v0" || m == "v1" || semver::build(v) == "+incompatible" {
            return Ok(());
        }
        "v0 or v1"
    } else if path_major.starts_with('/') || path_major.starts_with('.') {
        if m == &path_major[1..] {
            return Ok(());
        }
        &path_major[1..]
    } else {
        path_major
    };
    Err(InvalidVersionError::new(
        v,
        format!("should be {want}, not {m}"),
    ))
}

/// `module.PathMajorPrefix`: the major-version tag prefix a path suffix
/// implies (`"/v2"` gives `"v2"`, `".v1-unstable"` gives `"v1"`); `""`
/// for no suffix. Go panics on a malformed suffix; here that gives `""`.
pub fn path_major_prefix(path_major: &str) -> &str {
    if path_major.is_empty() || !(path_major.starts_with('/') || path_major.starts_with('.')) {
        return "";
    }
    let mut pm = path_major;
    if pm.starts_with(".v") && pm.ends_with("-unstable") {
        pm = &pm[..pm.len() - "-unstable".len()];
    }
    let m = &pm[1..];
    if m != semver::major(m) {
        return "";
    }
    m
}

/// `module.CanonicalVersion`: [`semver::canonical`], keeping a
/// `+incompatible` build suffix.
pub fn canonical_version(v: &str) -> String {
    let mut cv = semver::canonical(v);
    if semver::build(v) == "+incompatible" {
        cv.push_str("+incompatible");
    }
    cv
}

/// `module.Sort`: by path, then by version as semver; a version may carry
/// a `/suffix` (as in go.sum's `v1.2.3/go.mod`) compared as a string.
pub fn sort(list: &mut [Version]) {
    list.sort_by(|i, j| {
        if i.path != j.path {
            return i.path.cmp(&j.path);
        }
        let (vi, fi) = i
            .version
            .split_at(i.version.find('/').unwrap_or(i.version.len()));
        let (vj, fj) = j
            .version
            .split_at(j.version.find('/').unwrap_or(j.version.len()));
        if vi != vj {
            return semver::compare(vi, vj);
        }
        fi.cmp(fj)
    });
}

/// `module.EscapePath`: the case-safe form of a valid module path, each
/// upper-case letter replaced by `!` and its lower-case form
/// (`github.com/Azure/x` → `github.com/!azure/x`).
pub fn escape_path(path: &str) -> Result<String, Error> {
    check_path(path)?;
    escape_string(path).map_err(Error::Other)
}

/// `module.EscapeVersion`: the case-safe form of a version, which must be
/// a valid file name element without `!`.
pub fn escape_version(v: &str) -> Result<String, Error> {
    if check_elem(v, PathKind::File).is_err() || v.contains('!') {
        return Err(Error::Version(InvalidVersionError::new(
            v,
            "disallowed version string",
        )));
    }
    escape_string(v).map_err(Error::Other)
}

fn escape_string(s: &str) -> Result<String, String> {
    if s.chars().any(|r| r == '!' || (r as u32) >= 0x80) {
        return Err("internal error: inconsistency in EscapePath".into());
    }
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        if c.is_ascii_uppercase() {
            out.push('!');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// `module.UnescapePath`: the module path for an escaped path.
pub fn unescape_path(escaped: &str) -> Result<String, Error> {
    let Some(path) = unescape_string(escaped) else {
        return Err(Error::Other(format!(
            "invalid escaped module path {}",
            quote(escaped)
        )));
    };
    if let Err(e) = check_path(&path) {
        return Err(Error::Other(format!(
            "invalid escaped module path {}: {e}",
            quote(escaped)
        )));
    }
    Ok(path)
}

/// `module.UnescapeVersion`: the version for an escaped version.
pub fn unescape_version(escaped: &str) -> Result<String, Error> {
    let Some(v) = unescape_string(escaped) else {
        return Err(Error::Other(format!(
            "invalid escaped version {}",
            quote(escaped)
        )));
    };
    if let Err(e) = check_elem(&v, PathKind::File) {
        return Err(Error::Other(format!(
            "invalid escaped version {}: {e}",
            quote(&v)
        )));
    }
    Ok(v)
}

fn unescape_string(escaped: &str) -> Option<String> {
    let mut out = String::with_capacity(escaped.len());
    let mut bang = false;
    for r in escaped.chars() {
        if (r as u32) >= 0x80 {
            return None;
        }
        if bang {
            bang = false;
            if !r.is_ascii_lowercase() {
                return None;
            }
            out.push(r.to_ascii_uppercase());
            continue;
        }
        if r == '!' {
            bang = true;
            continue;
        }
        if r.is_ascii_uppercase() {
            return None;
        }
        out.push(r);
    }
    if bang { None } else { Some(out) }
}

// ---- Pseudo-versions (pseudo.go) ----

/// The time-stamp layout of pseudo-versions (Go's `20060102150405`).
pub const PSEUDO_VERSION_TIMESTAMP_FORMAT: &str = "20060102150405";

/// `module.PseudoVersion`: the pseudo-version for major version `major`
/// (`""` means `v0`), the older tagged version `older` (`""` for none),
/// UTC time stamp `timestamp` (14 digits, `yyyymmddhhmmss`) and revision.
pub fn pseudo_version(major: &str, older: &str, timestamp: &str, rev: &str) -> String {
    let major = if major.is_empty() { "v0" } else { major };
    let segment = format!("{timestamp}-{rev}");
    let build = semver::build(older);
    let older = semver::canonical(older);
    if older.is_empty() {
        return format!("{major}.0.0-{segment}"); // form (1)
    }
    if !semver::prerelease(&older).is_empty() {
        return format!("{older}.0.{segment}{build}"); // forms (4), (5)
    }
    // Forms (2), (3): the next patch version's "-0." prerelease.
    let i = older.rfind('.').map_or(0, |i| i + 1);
    let (v, patch) = older.split_at(i);
    format!("{v}{}-0.{segment}{build}", inc_decimal(patch))
}

/// `module.ZeroPseudoVersion`: `vX.0.0-00010101000000-000000000000`.
pub fn zero_pseudo_version(major: &str) -> String {
    pseudo_version(major, "", "00010101000000", "000000000000")
}

/// `module.IsZeroPseudoVersion`.
pub fn is_zero_pseudo_version(v: &str) -> bool {
    v == zero_pseudo_version(semver::major(v))
}

fn inc_decimal(decimal: &str) -> String {
    let mut digits = decimal.as_bytes().to_vec();
    let mut i = digits.len();
    while i > 0 && digits[i - 1] == b'9' {
        digits[i - 1] = b'0';
        i -= 1;
    }
    if i > 0 {
        digits[i - 1] += 1;
    } else if digits.is_empty() {
        digits.push(b'1');
    } else {
        digits[0] = b'1';
        digits.push(b'0');
    }
    String::from_utf8(digits).unwrap_or_default()
}

/// The decimal minus one, or `""` when it is all zeros.
fn dec_decimal(decimal: &str) -> String {
    let mut digits = decimal.as_bytes().to_vec();
    let mut i = digits.len();
    while i > 0 && digits[i - 1] == b'0' {
        digits[i - 1] = b'9';
        i -= 1;
    }
    if i == 0 {
        return String::new();
    }
    if i == 1 && digits[0] == b'1' && digits.len() > 1 {
        digits.remove(0);
    } else {
        digits[i - 1] -= 1;
    }
    String::from_utf8(digits).unwrap_or_default()
}

/// `module.IsPseudoVersion`: a valid semantic version of one of the
/// pseudo-version forms, i.e. matching
/// `^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`.
pub fn is_pseudo_version(v: &str) -> bool {
    v.matches('-').count() >= 2 && semver::is_valid(v) && matches_pseudo_shape(v)
}

fn digits_len(b: &[u8]) -> usize {
    b.iter().take_while(|c| c.is_ascii_digit()).count()
}

/// The pseudo-version regular expression, by hand.
fn matches_pseudo_shape(v: &str) -> bool {
    let b = v.as_bytes();
    let Some(rest) = b.strip_prefix(b"v") else {
        return false;
    };
    let n = digits_len(rest);
    if n == 0 || rest.get(n) != Some(&b'.') {
        return false;
    }
    let rest = &rest[n + 1..];
    // Alternative 1: `0\.0-`.
    if let Some(tail) = rest.strip_prefix(b"0.0-")
        && matches_pseudo_tail(tail)
    {
        return true;
    }
    // Alternative 2: `\d+\.\d+-([^+]*\.)?0\.`.
    let n = digits_len(rest);
    if n == 0 || rest.get(n) != Some(&b'.') {
        return false;
    }
    let rest = &rest[n + 1..];
    let n = digits_len(rest);
    if n == 0 || rest.get(n) != Some(&b'-') {
        return false;
    }
    let rest = &rest[n + 1..];
    // The optional group ends in a '.' and holds no '+'; try every end.
    for p in 0..=rest.len() {
        if p > 0 && (rest[p - 1] == b'+') {
            break;
        }
        if (p == 0 || rest[p - 1] == b'.')
            && let Some(tail) = rest[p..].strip_prefix(b"0.")
            && matches_pseudo_tail(tail)
        {
            return true;
        }
    }
    false
}

/// `\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`.
fn matches_pseudo_tail(b: &[u8]) -> bool {
    if b.len() < 15 || !b[..14].iter().all(u8::is_ascii_digit) || b[14] != b'-' {
        return false;
    }
    let rest = &b[15..];
    let n = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if n == 0 {
        return false;
    }
    let rest = &rest[n..];
    if rest.is_empty() {
        return true;
    }
    let Some(build) = rest.strip_prefix(b"+") else {
        return false;
    };
    !build.is_empty()
        && build
            .split(|&c| c == b'.')
            .all(|id| !id.is_empty() && id.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-'))
}

/// `(base, timestamp, rev, build)` of a pseudo-version.
fn parse_pseudo_version(v: &str) -> Result<(&str, &str, &str, &str), InvalidVersionError> {
    if !is_pseudo_version(v) {
        return Err(InvalidVersionError::pseudo(v, "syntax error"));
    }
    let build = semver::build(v);
    let v = &v[..v.len() - build.len()];
    let j = v.rfind('-').unwrap_or(0);
    let (v, rev) = (&v[..j], &v[j + 1..]);
    let i = v.rfind('-').unwrap_or(0);
    match v.rfind('.') {
        Some(j) if j > i => Ok((&v[..j], &v[j + 1..], rev, build)),
        _ => Ok((&v[..i], &v[i + 1..], rev, build)),
    }
}

/// The time stamp of a pseudo-version as `(year, month, day, hour,
/// minute, second)`, validated as Go's `time.Parse` with layout
/// `20060102150405` does (`module.PseudoVersionTime`).
pub fn pseudo_version_time(v: &str) -> Result<(u32, u32, u32, u32, u32, u32), InvalidVersionError> {
    let (_, ts, _, _) = parse_pseudo_version(v)?;
    let num = |r: std::ops::Range<usize>| ts[r].parse::<u32>().unwrap_or(u32::MAX);
    let (y, mo, d, h, mi, s) = (
        num(0..4),
        num(4..6),
        num(6..8),
        num(8..10),
        num(10..12),
        num(12..14),
    );
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days_in_month = match mo {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    if days_in_month == 0 || d == 0 || d > days_in_month || h > 23 || mi > 59 || s > 59 {
        return Err(InvalidVersionError::pseudo(
            v,
            format!("malformed time {}", quote(ts)),
        ));
    }
    Ok((y, mo, d, h, mi, s))
}

/// `module.PseudoVersionRev`: the revision identifier of a pseudo-version.
pub fn pseudo_version_rev(v: &str) -> Result<&str, InvalidVersionError> {
    parse_pseudo_version(v).map(|(_, _, rev, _)| rev)
}

/// `module.PseudoVersionBase`: the canonical tagged version a
/// pseudo-version is based on, or `""` for the `vX.0.0-...` form.
pub fn pseudo_version_base(v: &str) -> Result<String, InvalidVersionError> {
    let (base, _, _, build) = parse_pseudo_version(v)?;
    match semver::prerelease(base) {
        "" => {
            if !build.is_empty() {
                return Err(InvalidVersionError::pseudo(
                    v,
                    format!(
                        "lacks base version, but has build metadata {}",
                        quote(build)
                    ),
                ));
            }
            Ok(String::new())
        }
        "-0" => {
            let base = &base[..base.len() - 2];
            let i = base.rfind('.').unwrap_or(0);
            let patch = dec_decimal(&base[i + 1..]);
            if patch.is_empty() {
                return Err(InvalidVersionError::pseudo(
                    v,
                    format!("version before {base} would have negative patch number"),
                ));
            }
            Ok(format!("{}{patch}{build}", &base[..i + 1]))
        }
        _ => Ok(format!(
            "{}{build}",
            base.strip_suffix(".0").unwrap_or(base)
        )),
    }
}

// ---- The module cache layout (cmd/go/internal/modfetch/cache.go) ----

/// The checks `modfetch` applies before computing a cache path: the cache
/// root must be set and absolute, the module not `go`/`toolchain`, its
/// path valid, its version canonical semver; the escaped path and version.
fn cache_names(gomodcache: &str, m: &Version) -> Result<(String, String), Error> {
    if m.path == "go" || m.path == "toolchain" {
        return Err(Error::Other(
            "internal error: invalid operation on toolchain module".into(),
        ));
    }
    if gomodcache.is_empty() {
        return Err(Error::Other(
            "module cache not found: neither GOMODCACHE nor GOPATH is set".into(),
        ));
    }
    if !crate::modfile::filepath::is_abs(gomodcache) {
        return Err(Error::Other(format!(
            "GOMODCACHE entry is relative; must be absolute path: {}.\n",
            quote(gomodcache)
        )));
    }
    let path = escape_path(&m.path)?;
    if !semver::is_valid(&m.version) {
        return Err(Error::Other(format!(
            "non-semver module version {}",
            quote(&m.version)
        )));
    }
    if canonical_version(&m.version) != m.version {
        return Err(Error::Other(format!(
            "non-canonical module version {}",
            quote(&m.version)
        )));
    }
    Ok((path, escape_version(&m.version)?))
}

/// Where module `m` is extracted in the module cache
/// (`modfetch.DownloadDir`, without its file system checks):
/// `$GOMODCACHE/<escaped path>@<escaped version>`.
pub fn download_dir(gomodcache: &str, m: &Version) -> Result<String, Error> {
    let (path, version) = cache_names(gomodcache, m)?;
    Ok(crate::modfile::filepath::join(&[
        gomodcache,
        &format!("{path}@{version}"),
    ]))
}

/// A file about module `m` in the download cache (`modfetch.CachePath`):
/// `$GOMODCACHE/cache/download/<escaped path>/@v/<escaped version>.<suffix>`
/// for suffixes such as `mod`, `zip`, `info`, `ziphash`, `partial`, `lock`.
pub fn cache_path(gomodcache: &str, m: &Version, suffix: &str) -> Result<String, Error> {
    let (path, version) = cache_names(gomodcache, m)?;
    Ok(crate::modfile::filepath::join(&[
        gomodcache,
        "cache/download",
        &path,
        "/@v",
        &format!("{version}.{suffix}"),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: bool = true;
    const NO: bool = false;

    /// x/mod module_test.go's checkPathTests: path, CheckPath ok,
    /// CheckImportPath ok, CheckFilePath ok.
    const CHECK_PATH_TESTS: &[(&str, bool, bool, bool)] = &[
        ("x.y/z", OK, OK, OK),
        ("x.y", OK, OK, OK),
        ("", NO, NO, NO),
        ("/x.y/z", NO, NO, NO),
        ("x./z", NO, NO, NO),
        (".x/z", NO, OK, OK),
        ("-x/z", NO, NO, OK),
        ("x..y/z", OK, OK, OK),
        ("x.y/z/../../w", NO, NO, NO),
        ("x.y//z", NO, NO, NO),
        ("x.y/z//w", NO, NO, NO),
        ("x.y/z/", NO, NO, NO),
        ("x.y/z/v0", NO, OK, OK),
        ("x.y/z/v1", NO, OK, OK),
        ("x.y/z/v2", OK, OK, OK),
        ("x.y/z/v2.0", NO, OK, OK),
        ("X.y/z", NO, OK, OK),
        ("!x.y/z", NO, NO, OK),
        ("_x.y/z", NO, OK, OK),
        ("x.y!/z", NO, NO, OK),
        ("x.y\"/z", NO, NO, NO),
        ("x.y#/z", NO, NO, OK),
        ("x.y*/z", NO, NO, NO),
        ("x.y+/z", NO, OK, OK),
        ("x.y-/z", OK, OK, OK),
        ("x.y:/z", NO, NO, NO),
        ("x.y@/z", NO, NO, OK),
        ("x.y~/z", NO, OK, OK),
        ("x.y/z~", OK, OK, OK),
        ("x.y/z~0", NO, NO, OK),
        ("x.y/z~09", NO, NO, OK),
        ("x.y/z09", OK, OK, OK),
        ("x.y/z09~", OK, OK, OK),
        ("x.y/z09~09z", OK, OK, OK),
        ("x.y/z09~09z~09", NO, NO, OK),
        ("github.com/!123/logrus", NO, NO, OK),
        ("github.com/user/unicode/испытание", NO, NO, OK),
        ("../x", NO, NO, NO),
        ("./y", NO, NO, NO),
        ("x:y", NO, NO, NO),
        ("\\temp\\foo", NO, NO, NO),
        (".gitignore", NO, OK, OK),
        (".github/ISSUE_TEMPLATE", NO, OK, OK),
        ("x☺y", NO, NO, NO),
        ("x.y/con", NO, NO, NO),
        ("x.y/con.txt", NO, NO, NO),
        ("x.y/aux", NO, NO, NO),
        ("x.y/Aux", NO, NO, NO),
        ("x.y/conx", OK, OK, OK),
    ];

    #[test]
    fn check_path_table() {
        for &(path, ok, import_ok, file_ok) in CHECK_PATH_TESTS {
            assert_eq!(
                check_path(path).is_ok(),
                ok,
                "check_path({path:?}) = {:?}",
                check_path(path)
            );
            assert_eq!(
                check_import_path(path).is_ok(),
                import_ok,
                "check_import_path({path:?})"
            );
            assert_eq!(
                check_file_path(path).is_ok(),
                file_ok,
                "check_file_path({path:?})"
            );
        }
    }

    #[test]
    fn path_error_texts() {
        let msg = |r: Result<(), InvalidPathError>| r.unwrap_err().to_string();
        assert_eq!(
            msg(check_path("x.y/z/v1")),
            r#"malformed module path "x.y/z/v1": invalid version"#
        );
        assert_eq!(
            msg(check_path("xy/z")),
            r#"malformed module path "xy/z": missing dot in first path element"#
        );
        assert_eq!(
            msg(check_path("X.y/z")),
            r#"malformed module path "X.y/z": invalid char 'X' in first path element"#
        );
        assert_eq!(
            msg(check_path("x.y/.z")),
            r#"malformed module path "x.y/.z": leading dot in path element"#
        );
        assert_eq!(
            msg(check_import_path("a b")),
            r#"malformed import path "a b": invalid char ' '"#
        );
        assert_eq!(
            msg(check_import_path("a/..")),
            r#"malformed import path "a/..": invalid path element "..""#
        );
        assert_eq!(
            msg(check_import_path("x.y/com1.txt")),
            r#"malformed import path "x.y/com1.txt": "com1" disallowed as path element component on Windows"#
        );
        assert_eq!(
            msg(check_file_path("a/b:c")),
            r#"malformed file path "a/b:c": invalid char ':'"#
        );
        assert_eq!(
            msg(check_import_path("-x")),
            r#"malformed import path "-x": leading dash"#
        );
    }

    #[test]
    fn split_and_major() {
        for (path, want) in [
            ("x.y/z", Some(("x.y/z", ""))),
            ("x.y/z/v2", Some(("x.y/z", "/v2"))),
            ("x.y/z/v1", None),
            ("x.y/z/v0", None),
            ("x.y/z/v2.1", None),
            ("x.y/z/v02", None),
            ("x.y/v2z", Some(("x.y/v2z", ""))),
            ("gopkg.in/yaml.v2", Some(("gopkg.in/yaml", ".v2"))),
            ("gopkg.in/yaml.v0", Some(("gopkg.in/yaml", ".v0"))),
            (
                "gopkg.in/yaml.v2-unstable",
                Some(("gopkg.in/yaml", ".v2-unstable")),
            ),
            ("gopkg.in/yaml", None),
            ("gopkg.in/yaml.v01", None),
        ] {
            assert_eq!(split_path_version(path), want, "split_path_version({path})");
        }
        assert!(check_path_major("v2.0.0", "/v2").is_ok());
        assert!(check_path_major("v2.0.0+incompatible", "").is_ok());
        assert!(check_path_major("v0.0.0-20161208181325-20d25e280405", ".v1").is_ok());
        assert!(check_path_major("v1.5.0", ".v1-unstable").is_ok());
        assert_eq!(
            check_path_major("v1.0.0", "/v2").unwrap_err().to_string(),
            r#"version "v1.0.0" invalid: should be v2, not v1"#
        );
        assert_eq!(
            check_path_major("v2.0.0", "").unwrap_err().to_string(),
            r#"version "v2.0.0" invalid: should be v0 or v1, not v2"#
        );
        assert_eq!(path_major_prefix("/v2"), "v2");
        assert_eq!(path_major_prefix(".v1-unstable"), "v1");
        assert_eq!(path_major_prefix(""), "");
        assert_eq!(
            canonical_version("v2.0+incompatible"),
            "",
            "shorthands take no build suffix"
        );
        assert_eq!(
            canonical_version("v2.0.0+incompatible"),
            "v2.0.0+incompatible"
        );
        assert_eq!(canonical_version("v1.2.0+meta"), "v1.2.0");
    }

    #[test]
    fn check_errors() {
        assert!(check("x.y/z", "v1.2.3").is_ok());
        assert_eq!(
            check("x.y/z/v2", "v1.2.3").unwrap_err().to_string(),
            "x.y/z/v2@v1.2.3: invalid version: should be v2, not v1"
        );
        assert_eq!(
            check("x.y/z", "1.2").unwrap_err().to_string(),
            "x.y/z@1.2: invalid version: not a semantic version"
        );
        let e = version_error(&Version::new("a.b/c", "v1"), Error::Other("boom".into()));
        assert_eq!(e.to_string(), "a.b/c@v1: boom");
        assert_eq!(
            version_error(&Version::new("a.b/c", "v1"), e.clone()),
            e,
            "not wrapped twice"
        );
        let m = Error::Module(ModuleError {
            path: "a.b/c".into(),
            version: String::new(),
            err: Box::new(Error::Other("x".into())),
        });
        assert_eq!(m.to_string(), "module a.b/c: x");
    }

    #[test]
    fn escaping_round_trips() {
        for (path, esc) in [
            (
                "github.com/GoogleCloudPlatform/omega",
                "github.com/!google!cloud!platform/omega",
            ),
            (
                "github.com/Azure/azure-sdk-for-go",
                "github.com/!azure/azure-sdk-for-go",
            ),
            ("rsc.io/quote", "rsc.io/quote"),
        ] {
            assert_eq!(escape_path(path).unwrap(), esc);
            assert_eq!(unescape_path(esc).unwrap(), path);
        }
        assert_eq!(escape_version("v1.0.0-RC1").unwrap(), "v1.0.0-!r!c1");
        assert_eq!(unescape_version("v1.0.0-!r!c1").unwrap(), "v1.0.0-RC1");
        assert_eq!(
            escape_version("v1!").unwrap_err().to_string(),
            r#"version "v1!" invalid: disallowed version string"#
        );
        assert_eq!(
            escape_path("X.y/z").unwrap_err().to_string(),
            r#"malformed module path "X.y/z": invalid char 'X' in first path element"#
        );
        for bad in [
            "github.com/Azure",
            "github.com/!!azure",
            "github.com/!",
            "github.com/!1",
        ] {
            assert!(unescape_path(bad).is_err(), "unescape_path({bad})");
        }
        assert_eq!(
            unescape_path("github.com/Azure").unwrap_err().to_string(),
            r#"invalid escaped module path "github.com/Azure""#
        );
    }

    #[test]
    fn pseudo_versions() {
        let p = "v1.2.4-0.20191109021931-daa7c04131f5";
        assert!(is_pseudo_version(p));
        assert_eq!(pseudo_version_base(p).unwrap(), "v1.2.3");
        assert_eq!(pseudo_version_rev(p).unwrap(), "daa7c04131f5");
        assert_eq!(pseudo_version_time(p).unwrap(), (2019, 11, 9, 2, 19, 31));
        assert_eq!(
            pseudo_version_base("v0.0.0-20191109021931-daa7c04131f5").unwrap(),
            ""
        );
        assert_eq!(
            pseudo_version_base("v1.2.3-pre.0.20191109021931-daa7c04131f5+incompatible").unwrap(),
            "v1.2.3-pre+incompatible"
        );
        assert_eq!(
            pseudo_version_base("v1.0.0-0.20191109021931-daa7c04131f5")
                .unwrap_err()
                .to_string(),
            r#"pseudo-version "v1.0.0-0.20191109021931-daa7c04131f5" invalid: version before v1.0.0 would have negative patch number"#
        );
        assert!(!is_pseudo_version("v1.2.3"));
        assert_eq!(
            pseudo_version_time("v0.0.0-20191309021931-daa7c04131f5")
                .unwrap_err()
                .to_string(),
            r#"pseudo-version "v0.0.0-20191309021931-daa7c04131f5" invalid: malformed time "20191309021931""#
        );
        assert!(
            pseudo_version_time("v0.0.0-20200229021931-abc").is_ok(),
            "leap day"
        );
        assert!(pseudo_version_time("v0.0.0-20190229021931-abc").is_err());
        assert_eq!(
            pseudo_version("v2", "", "20200102030405", "abc"),
            "v2.0.0-20200102030405-abc"
        );
        assert_eq!(
            pseudo_version("", "v1.2.9", "20200102030405", "abc"),
            "v1.2.10-0.20200102030405-abc"
        );
        assert_eq!(
            pseudo_version("", "v1.2.3-pre", "20200102030405", "abc"),
            "v1.2.3-pre.0.20200102030405-abc"
        );
        assert_eq!(
            pseudo_version("", "v2.0.0+incompatible", "20200102030405", "abc"),
            "v2.0.1-0.20200102030405-abc+incompatible"
        );
        assert!(is_zero_pseudo_version(&zero_pseudo_version("v3")));
    }

    #[test]
    fn module_cache_paths() {
        let m = Version::new("github.com/Azure/x", "v1.0.0-RC1");
        assert_eq!(
            download_dir("/c", &m).unwrap(),
            "/c/github.com/!azure/x@v1.0.0-!r!c1"
        );
        assert_eq!(
            cache_path("/c", &m, "zip").unwrap(),
            "/c/cache/download/github.com/!azure/x/@v/v1.0.0-!r!c1.zip"
        );
        let err = |d: &str, p: &str, v: &str| {
            download_dir(d, &Version::new(p, v))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("/c", "a.b/c", "v1.0"),
            r#"non-canonical module version "v1.0""#
        );
        assert_eq!(
            err("/c", "a.b/c", "master"),
            r#"non-semver module version "master""#
        );
        assert_eq!(
            err("", "a.b/c", "v1.0.0"),
            "module cache not found: neither GOMODCACHE nor GOPATH is set"
        );
        assert_eq!(
            err("c", "a.b/c", "v1.0.0"),
            "GOMODCACHE entry is relative; must be absolute path: \"c\".\n"
        );
        assert_eq!(
            err("/c", "go", "1.21"),
            "internal error: invalid operation on toolchain module"
        );
    }

    #[test]
    fn sort_by_path_then_semver() {
        let mut list = vec![
            Version::new("b.c/x", "v1.10.0"),
            Version::new("a.b/x", "v1.2.0/go.mod"),
            Version::new("a.b/x", "v1.2.0"),
            Version::new("b.c/x", "v1.9.0"),
        ];
        sort(&mut list);
        let shown: Vec<String> = list.iter().map(|v| v.to_string()).collect();
        assert_eq!(
            shown,
            [
                "a.b/x@v1.2.0",
                "a.b/x@v1.2.0/go.mod",
                "b.c/x@v1.9.0",
                "b.c/x@v1.10.0"
            ]
        );
    }
}
