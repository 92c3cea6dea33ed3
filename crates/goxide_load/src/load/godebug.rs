//! The default GODEBUG of a main package: cmd/go's `load/godebug.go`
//! (`defaultGODEBUG`, `godebugForGoVersion`, `ParseGoDebug`), over the
//! settings table and checks of `crate::modfile::godebug`
//! (`internal/godebugs`, `modload.CheckGodebug`).
//!
//! Algorithm: the main module's go version (or a `default=goX` setting)
//! selects the old values of every setting changed after it; the go.mod
//! `godebug` lines and the package's `//go:debug` lines override them; the
//! result is `k=v` pairs sorted by key, joined by commas.

use std::collections::BTreeMap;

use crate::modfile::godebug::{ALL, check_godebug};
use crate::modfile::gover;

/// `godebugForGoVersion`: the old value of every setting changed after
/// Go `v` (`None` for a version that is not `1.N...`).
fn for_go_version(v: &str) -> Option<BTreeMap<String, String>> {
    let mut v = v.to_string();
    if v.matches('.').count() >= 2 {
        let i = v.find('.').unwrap_or(0);
        let j = i + 1 + v[i + 1..].find('.').unwrap_or(0);
        v.truncate(j);
    }
    let n: u32 = v.strip_prefix("1.")?.parse().ok()?;
    Some(
        ALL.iter()
            .filter(|s| n < s.changed)
            .map(|s| (s.name.to_string(), s.old.to_string()))
            .collect(),
    )
}

/// `ParseGoDebug` on the text after `//go:debug`: `key=value` if valid.
fn parse_directive(local: &str, text: &str) -> Option<(String, String)> {
    let (k, v) = text.trim().split_once('=')?;
    check_godebug("//go:debug setting", k, v, local).ok()?;
    Some((k.to_string(), v.to_string()))
}

/// `defaultGODEBUG` for a main package whose main module's go version is
/// `go_version`, with the main module's `godebug` lines and the
/// package's `//go:debug` directive texts; `local` is the running Go.
pub fn default_godebug(
    local: &str,
    go_version: &str,
    module_godebugs: &[(String, String)],
    directives: &[String],
) -> String {
    let mut m: BTreeMap<String, String> = BTreeMap::new();
    for (k, v) in module_godebugs {
        m.insert(k.clone(), v.clone());
    }
    for d in directives {
        if let Some((k, v)) = parse_directive(local, d) {
            m.insert(k, v);
        }
    }
    let mut go_version = go_version.to_string();
    if let Some(v) = m.remove("default") {
        let v = v.strip_prefix("go").unwrap_or(&v).to_string();
        if gover::is_valid(&v) {
            go_version = v;
        }
    }
    if let Some(mut defaults) = for_go_version(&go_version) {
        defaults.extend(m);
        m = defaults;
    }
    m.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_by_version() {
        // The settings changed in go1.23 and later keep their old values
        // for a go1.22 module; none do for the current release.
        let newer: Vec<String> = ALL
            .iter()
            .filter(|s| s.changed > 22)
            .map(|s| format!("{}={}", s.name, s.old))
            .collect();
        assert!(!newer.is_empty());
        assert_eq!(default_godebug("1.27.3", "1.22", &[], &[]), newer.join(","));
        assert_eq!(default_godebug("1.27.3", "1.27", &[], &[]), "");
        // A go.mod line and a directive add to them; default= moves the base.
        let with = default_godebug(
            "1.27.3",
            "1.27",
            &[("panicnil".into(), "1".into())],
            &[" default=go1.22".into(), "nosuchsetting=1".into()],
        );
        assert!(
            with.contains("panicnil=1")
                && with.starts_with(&newer[0][..newer[0].find('=').unwrap()])
        );
        assert!(!with.contains("nosuchsetting"));
    }
}
