//! The GODEBUG settings the go command knows and how it checks a
//! `godebug` line of go.mod or go.work: the table of
//! `src/internal/godebugs/table.go` (compiled into cmd/go, so compiled
//! into goxide too) and `modload.CheckGodebug` (`modload/init.go`).
//!
//! [`check_godebug`] accepts `default=goVERSION` (not newer than the
//! running Go), every known setting, and a removed setting unless it is
//! set to one of its old values; anything else is `unknown godebug "x"`.
//! [`check_go_mod_godebugs`] and [`check_go_work_godebugs`] wrap its
//! errors as cmd/go prints them when loading go.mod and go.work.
//!
//! The table is data: the test `godebug_table` in
//! `tests/modfile_differential.rs` compares it with the reference
//! GOROOT's `internal/godebugs` (built into the x/mod driver).
//!
//! Invariants: lookups are binary searches over [`ALL`], which is sorted
//! by name; nothing panics.

use super::gover;
use super::rule::File;
use super::strconv::quote;
use super::work::WorkFile;

/// A known GODEBUG setting (`godebugs.Info`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Info {
    /// The setting's name (`panicnil`).
    pub name: &'static str,
    /// The package that uses it (`runtime`).
    pub package: &'static str,
    /// The Go 1.N minor version whose default changed, or 0.
    pub changed: u32,
    /// The value restoring the behaviour before `changed`.
    pub old: &'static str,
    /// It exports no runtime/metrics counter.
    pub opaque: bool,
    /// It cannot change after program start.
    pub immutable: bool,
}

/// A removed GODEBUG setting (`godebugs.RemovedInfo`); setting it to one
/// of `old_values` is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RemovedInfo {
    pub name: &'static str,
    /// The Go 1.N minor version that removed it.
    pub removed: u32,
    /// The values Go's `Old` predicate accepts.
    pub old_values: &'static [&'static str],
}

/// The known settings, sorted by name (`godebugs.All`).
#[rustfmt::skip]
pub static ALL: &[Info] = &[
    Info { name: "allowmultiplevcs", package: "cmd/go", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "containermaxprocs", package: "runtime", changed: 25, old: "0", opaque: false, immutable: false },
    Info { name: "cryptocustomrand", package: "crypto", changed: 26, old: "1", opaque: false, immutable: false },
    Info { name: "dataindependenttiming", package: "crypto/subtle", changed: 0, old: "", opaque: true, immutable: false },
    Info { name: "decoratemappings", package: "runtime", changed: 25, old: "0", opaque: true, immutable: false },
    Info { name: "embedfollowsymlinks", package: "cmd/go", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "execerrdot", package: "os/exec", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "fips140", package: "crypto/fips140", changed: 0, old: "", opaque: true, immutable: true },
    Info { name: "fips140ems", package: "crypto/tls", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "gocachehash", package: "cmd/go", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "gocachetest", package: "cmd/go", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "gocacheverify", package: "cmd/go", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "gotestjsonbuildtext", package: "cmd/go", changed: 24, old: "1", opaque: false, immutable: false },
    Info { name: "htmlmetacontenturlescape", package: "html/template", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "http2client", package: "net/http", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "http2debug", package: "net/http", changed: 0, old: "", opaque: true, immutable: false },
    Info { name: "http2server", package: "net/http", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "httpcookiemaxnum", package: "net/http", changed: 24, old: "0", opaque: false, immutable: false },
    Info { name: "httplaxcontentlength", package: "net/http", changed: 22, old: "1", opaque: false, immutable: false },
    Info { name: "httpmuxgo121", package: "net/http", changed: 22, old: "1", opaque: false, immutable: false },
    Info { name: "httpservecontentkeepheaders", package: "net/http", changed: 23, old: "1", opaque: false, immutable: false },
    Info { name: "httpservecontentmaxranges", package: "net/http", changed: 26, old: "1", opaque: false, immutable: false },
    Info { name: "installgoroot", package: "go/build", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "jstmpllitinterp", package: "html/template", changed: 0, old: "", opaque: true, immutable: false },
    Info { name: "multipartmaxheaders", package: "mime/multipart", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "multipartmaxparts", package: "mime/multipart", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "multipathtcp", package: "net", changed: 24, old: "0", opaque: false, immutable: false },
    Info { name: "netdns", package: "net", changed: 0, old: "", opaque: true, immutable: false },
    Info { name: "netedns0", package: "net", changed: 19, old: "0", opaque: false, immutable: false },
    Info { name: "panicnil", package: "runtime", changed: 21, old: "1", opaque: false, immutable: false },
    Info { name: "randautoseed", package: "math/rand", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "randseednop", package: "math/rand", changed: 24, old: "0", opaque: false, immutable: false },
    Info { name: "rsa1024min", package: "crypto/rsa", changed: 24, old: "0", opaque: false, immutable: false },
    Info { name: "tarinsecurepath", package: "archive/tar", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "tlsmaxrsasize", package: "crypto/tls", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "tlsmlkem", package: "crypto/tls", changed: 24, old: "0", opaque: true, immutable: false },
    Info { name: "tlssecpmlkem", package: "crypto/tls", changed: 26, old: "0", opaque: true, immutable: false },
    Info { name: "tlssha1", package: "crypto/tls", changed: 25, old: "1", opaque: false, immutable: false },
    Info { name: "tracebacklabels", package: "runtime", changed: 27, old: "0", opaque: true, immutable: false },
    Info { name: "updatemaxprocs", package: "runtime", changed: 25, old: "0", opaque: false, immutable: false },
    Info { name: "urlmaxqueryparams", package: "net/url", changed: 24, old: "0", opaque: false, immutable: false },
    Info { name: "urlstrictcolons", package: "net/url", changed: 26, old: "0", opaque: false, immutable: false },
    Info { name: "winreadlinkvolume", package: "os", changed: 23, old: "0", opaque: false, immutable: false },
    Info { name: "winsymlink", package: "os", changed: 23, old: "0", opaque: false, immutable: false },
    Info { name: "x509negativeserial", package: "crypto/x509", changed: 23, old: "1", opaque: false, immutable: false },
    Info { name: "x509rsacrt", package: "crypto/x509", changed: 24, old: "0", opaque: false, immutable: false },
    Info { name: "x509sha256skid", package: "crypto/x509", changed: 25, old: "0", opaque: false, immutable: false },
    Info { name: "x509sslcertoverrideplatform", package: "crypto/x509", changed: 27, old: "0", opaque: false, immutable: false },
    Info { name: "x509usefallbackroots", package: "crypto/x509", changed: 0, old: "", opaque: false, immutable: false },
    Info { name: "x509usepolicies", package: "crypto/x509", changed: 24, old: "0", opaque: false, immutable: false },
    Info { name: "zipinsecurepath", package: "archive/zip", changed: 0, old: "", opaque: false, immutable: false },
];

/// The removed settings (`godebugs.Removed`).
#[rustfmt::skip]
pub static REMOVED: &[RemovedInfo] = &[
    RemovedInfo { name: "x509sha1", removed: 24, old_values: &["1"] },
    RemovedInfo { name: "tlskyber", removed: 24, old_values: &["0"] },
    RemovedInfo { name: "gotypesalias", removed: 27, old_values: &["0"] },
    RemovedInfo { name: "tlsunsafeekm", removed: 27, old_values: &["1"] },
    RemovedInfo { name: "tlsrsakex", removed: 27, old_values: &["1"] },
    RemovedInfo { name: "tls3des", removed: 27, old_values: &["1"] },
    RemovedInfo { name: "tls10server", removed: 27, old_values: &["1"] },
    RemovedInfo { name: "x509keypairleaf", removed: 27, old_values: &["0"] },
    RemovedInfo { name: "asynctimerchan", removed: 27, old_values: &["1", "2"] },
];

/// The known setting `name` (`godebugs.Lookup`).
pub fn lookup(name: &str) -> Option<&'static Info> {
    ALL.binary_search_by(|i| i.name.cmp(name))
        .ok()
        .map(|i| &ALL[i])
}

/// `modload.CheckGodebug`: whether `key=value` may appear in a `verb`
/// line (`godebug`), for the running Go `local` (e.g. `1.27.3`).
pub fn check_godebug(verb: &str, key: &str, value: &str, local: &str) -> Result<(), String> {
    if key.contains([' ', '\t']) {
        return Err("key contains space".into());
    }
    if value.contains([' ', '\t']) {
        return Err("value contains space".into());
    }
    if key.contains(',') {
        return Err("key contains comma".into());
    }
    if value.contains(',') {
        return Err("value contains comma".into());
    }
    if key == "default" {
        let Some(v) = value.strip_prefix("go").filter(|v| gover::is_valid(v)) else {
            return Err("value for default= must be goVERSION".into());
        };
        if gover::compare(v, local) == std::cmp::Ordering::Greater {
            return Err(format!("default={value} too new (toolchain is go{local})"));
        }
        return Ok(());
    }
    if lookup(key).is_some() {
        return Ok(());
    }
    if let Some(info) = REMOVED.iter().find(|r| r.name == key) {
        if info.old_values.contains(&value) {
            return Err(format!(
                "removed GODEBUG {} set to old value {} (https://go.dev/doc/godebug#go-1{})",
                quote(key),
                quote(value),
                info.removed
            ));
        }
        // A removed setting with a non-old value is fine (go.dev/issue/76163).
        return Ok(());
    }
    Err(format!("unknown {verb} {}", quote(key)))
}

/// The godebug errors of a main module's go.mod as cmd/go's
/// `loadModFile` reports them outside workspace mode, one message per bad
/// line: `error loading go.mod:\n<display>:<line>: <error>` (cmd/go
/// prints each on its own after `go: `).
pub fn check_go_mod_godebugs(f: &File, display: &str, local: &str) -> Vec<String> {
    f.godebug
        .iter()
        .filter_map(|g| {
            check_godebug("godebug", &g.key, &g.value, local)
                .err()
                .map(|err| {
                    let line = f.syntax.line(g.syntax).start.line;
                    format!("error loading go.mod:\n{display}:{line}: {err}")
                })
        })
        .collect()
}

/// The first godebug error of a go.work (`modload.LoadWorkFile`):
/// `error loading go.work:\n<display>:<line>: <error>`.
pub fn check_go_work_godebugs(f: &WorkFile, display: &str, local: &str) -> Result<(), String> {
    for g in &f.godebug {
        if let Err(err) = check_godebug("godebug", &g.key, &g.value, local) {
            let line = f.syntax.line(g.syntax).start.line;
            return Err(format!("error loading go.work:\n{display}:{line}: {err}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted() {
        assert!(ALL.windows(2).all(|w| w[0].name < w[1].name));
        assert_eq!(lookup("panicnil").map(|i| i.changed), Some(21));
        assert!(lookup("nosuch").is_none());
    }

    #[test]
    fn checks() {
        let check = |k: &str, v: &str| check_godebug("godebug", k, v, "1.27.3");
        assert!(check("panicnil", "1").is_ok());
        assert!(check("default", "go1.21").is_ok());
        assert_eq!(
            check("default", "go1.99").unwrap_err(),
            "default=go1.99 too new (toolchain is go1.27.3)"
        );
        assert_eq!(
            check("default", "1.21").unwrap_err(),
            "value for default= must be goVERSION"
        );
        assert_eq!(
            check("nosuch", "1").unwrap_err(),
            r#"unknown godebug "nosuch""#
        );
        assert_eq!(
            check("asynctimerchan", "2").unwrap_err(),
            r#"removed GODEBUG "asynctimerchan" set to old value "2" (https://go.dev/doc/godebug#go-127)"#
        );
        assert!(
            check("asynctimerchan", "0").is_ok(),
            "a removed setting at its new value is fine"
        );
        assert_eq!(check("a b", "1").unwrap_err(), "key contains space");
        assert_eq!(check("a", "1,2").unwrap_err(), "value contains comma");
    }

    #[test]
    fn file_messages() {
        let f = crate::modfile::parse(
            "go.mod",
            b"module m\ngodebug (\n\tpanicnil=1\n\tx=1\n\ty=2\n)\n",
            None,
        )
        .unwrap();
        assert_eq!(
            check_go_mod_godebugs(&f, "go.mod", "1.27.3"),
            [
                "error loading go.mod:\ngo.mod:4: unknown godebug \"x\"",
                "error loading go.mod:\ngo.mod:5: unknown godebug \"y\""
            ]
        );
        let w = crate::modfile::parse_work("go.work", b"go 1.22\ngodebug x=1\ngodebug y=1\n", None)
            .unwrap();
        assert_eq!(
            check_go_work_godebugs(&w, "go.work", "1.27.3").unwrap_err(),
            "error loading go.work:\ngo.work:2: unknown godebug \"x\""
        );
    }
}
