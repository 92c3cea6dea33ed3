//! The default GODEBUG of a main package: cmd/go's `load/godebug.go`
//! (`defaultGODEBUG`, `godebugForGoVersion`, `ParseGoDebug`) and
//! `modload.CheckGodebug`, over the settings table of the GOROOT in use.
//!
//! The table is read from `GOROOT/src/internal/godebugs/table.go` (the
//! `All` entries' `Name`, `Changed` and `Old` fields), not copied into
//! goxide: the defaults follow whichever Go tree goxide reads.
//!
//! Algorithm: the main module's go version (or a `default=goX` setting)
//! selects the old values of every setting changed after it; the go.mod
//! (or go.work) `godebug` lines and the package's `//go:debug` lines
//! override them; the result is `k=v` pairs sorted by key, joined by
//! commas.

use std::collections::BTreeMap;

use crate::modfile::gover;

/// One entry of `internal/godebugs.All`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Setting {
    pub name: String,
    pub changed: u32,
    pub old: String,
}

/// Parses the `All` table of `internal/godebugs/table.go`.
pub fn read_table(goroot: &str) -> Vec<Setting> {
    let path = format!("{goroot}/src/internal/godebugs/table.go");
    let Ok(data) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let Some(start) = data.find("var All = []Info{") else {
        return Vec::new();
    };
    let body = &data[start..];
    let end = body.find("\n}\n").unwrap_or(body.len());
    let mut out = Vec::new();
    for line in body[..end].lines() {
        let line = line.trim();
        if !line.starts_with("{Name:") {
            continue;
        }
        out.push(Setting {
            name: field_str(line, "Name:").unwrap_or_default(),
            changed: field_str(line, "Changed:")
                .and_then(|s| s.parse().ok())
                .unwrap_or(0),
            old: field_str(line, "Old:").unwrap_or_default(),
        });
    }
    out
}

/// The value of `key` in a `{Name: "x", Changed: 21, ...}` literal.
fn field_str(line: &str, key: &str) -> Option<String> {
    let i = line.find(key)? + key.len();
    let rest = line[i..].trim_start();
    if let Some(r) = rest.strip_prefix('"') {
        let j = r.find('"')?;
        return Some(r[..j].to_string());
    }
    let j = rest.find([',', '}']).unwrap_or(rest.len());
    Some(rest[..j].trim().to_string())
}

/// `godebugForGoVersion`: the old value of every setting changed after
/// Go `v`.
fn for_go_version(table: &[Setting], v: &str) -> Option<BTreeMap<String, String>> {
    let mut v = v.to_string();
    if v.matches('.').count() >= 2 {
        let i = v.find('.').unwrap_or(0);
        let j = i + 1 + v[i + 1..].find('.').unwrap_or(0);
        v.truncate(j);
    }
    let n: u32 = v.strip_prefix("1.")?.parse().ok()?;
    Some(
        table
            .iter()
            .filter(|s| n < s.changed)
            .map(|s| (s.name.clone(), s.old.clone()))
            .collect(),
    )
}

/// `CheckGodebug`'s acceptance of a key (value checks included).
pub fn check(table: &[Setting], local: &str, k: &str, v: &str) -> Result<(), String> {
    if k.contains([' ', '\t']) {
        return Err("key contains space".into());
    }
    if v.contains([' ', '\t']) {
        return Err("value contains space".into());
    }
    if k.contains(',') {
        return Err("key contains comma".into());
    }
    if v.contains(',') {
        return Err("value contains comma".into());
    }
    if k == "default" {
        let Some(ver) = v.strip_prefix("go").filter(|x| gover::is_valid(x)) else {
            return Err("value for default= must be goVERSION".into());
        };
        if gover::compare(ver, local).is_gt() {
            return Err(format!("default={v} too new (toolchain is go{local})"));
        }
        return Ok(());
    }
    if table.iter().any(|s| s.name == k) {
        return Ok(());
    }
    Err(format!("unknown //go:debug setting {k:?}"))
}

/// `ParseGoDebug` on the text after `//go:debug`.
fn parse_directive(table: &[Setting], local: &str, text: &str) -> Option<(String, String)> {
    let (k, v) = text.trim().split_once('=')?;
    check(table, local, k, v).ok()?;
    Some((k.to_string(), v.to_string()))
}

/// `defaultGODEBUG` for a main package whose module's go version is
/// `go_version`, with the main module's `godebug` lines and the
/// package's `//go:debug` directive texts.
pub fn default_godebug(
    table: &[Setting],
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
        if let Some((k, v)) = parse_directive(table, local, d) {
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
    if let Some(mut defaults) = for_go_version(table, &go_version) {
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

    fn table() -> Vec<Setting> {
        vec![
            Setting {
                name: "a".into(),
                changed: 21,
                old: "1".into(),
            },
            Setting {
                name: "b".into(),
                changed: 23,
                old: "0".into(),
            },
            Setting {
                name: "c".into(),
                changed: 0,
                old: String::new(),
            },
        ]
    }

    #[test]
    fn defaults_by_version() {
        let t = table();
        assert_eq!(default_godebug(&t, "1.27.3", "1.22", &[], &[]), "b=0");
        assert_eq!(default_godebug(&t, "1.27.3", "1.20.1", &[], &[]), "a=1,b=0");
        assert_eq!(default_godebug(&t, "1.27.3", "1.27", &[], &[]), "");
        assert_eq!(
            default_godebug(
                &t,
                "1.27.3",
                "1.27",
                &[("c".into(), "x".into())],
                &["default=go1.20".into()]
            ),
            "a=1,b=0,c=x"
        );
        assert_eq!(
            default_godebug(&t, "1.27.3", "1.27", &[], &["nope=1".into()]),
            ""
        );
    }

    #[test]
    fn parses_table_fields() {
        assert_eq!(
            field_str(
                r#"{Name: "x509sha1", Package: "crypto/x509", Changed: 24, Old: "1"},"#,
                "Changed:"
            )
            .as_deref(),
            Some("24")
        );
        assert_eq!(
            field_str(
                r#"{Name: "zipinsecurepath", Package: "archive/zip"},"#,
                "Name:"
            )
            .as_deref(),
            Some("zipinsecurepath")
        );
    }
}
