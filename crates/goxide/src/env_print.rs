//! How `go env` prints variables on Unix: mirrors `PrintEnv` (shell
//! format, `NAME='value'`) and `printEnvAsJSON` (`encoding/json`,
//! tab-indented, keys sorted, HTML-escaped) in
//! `cmd/go/internal/envcmd/env.go`.
//!
//! Shell quoting walks the value rune by rune as Go does, so an invalid
//! UTF-8 byte becomes U+FFFD; a `'` becomes `'\''`. JSON escapes `"`, `\`,
//! control characters (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00XX`),
//! `<`, `>`, `&`, U+2028 and U+2029, and replaces invalid UTF-8 with
//! U+FFFD, as `encoding/json` does. A variable named `TERM` is never
//! printed (Go's special case).

use std::collections::BTreeMap;

use goxide_build::strconv::runes;

/// One `go env` variable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvVar {
    pub name: String,
    pub value: Vec<u8>,
    /// Whether the value differs from the default (`-changed`).
    pub changed: bool,
}

/// `shellQuote`: `'...'` with `'` written as `'\''`.
pub fn shell_quote(value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len() + 2);
    out.push(b'\'');
    for (r, bytes) in runes(value) {
        if r == '\'' {
            out.extend_from_slice(b"'\\''");
        } else if r == char::REPLACEMENT_CHARACTER {
            out.extend_from_slice("\u{FFFD}".as_bytes());
        } else {
            out.extend_from_slice(bytes);
        }
    }
    out.push(b'\'');
    out
}

/// `PrintEnv` for Unix: sorted by name, `NAME='value'` lines. `Err` names
/// a variable whose value holds a NUL byte (fatal in Go too).
pub fn shell(env: &[EnvVar], only_changed: bool) -> Result<Vec<u8>, String> {
    let mut sorted: Vec<&EnvVar> = env.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    let mut out = Vec::new();
    for e in sorted {
        if e.name == "TERM" {
            continue;
        }
        if e.value.contains(&0) {
            return Err(format!(
                "goxide: internal error: encountered null byte in environment variable {} on non-plan9 platform",
                e.name
            ));
        }
        if only_changed && !e.changed {
            continue;
        }
        out.extend_from_slice(e.name.as_bytes());
        out.push(b'=');
        out.extend_from_slice(&shell_quote(&e.value));
        out.push(b'\n');
    }
    Ok(out)
}

/// An `encoding/json` string literal (with HTML escaping) for `s`.
pub fn json_string(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() + 2);
    out.push(b'"');
    for (r, bytes) in runes(s) {
        match r {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\x08' => out.extend_from_slice(b"\\b"),
            '\x0c' => out.extend_from_slice(b"\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.extend_from_slice(format!("\\u{:04x}", r as u32).as_bytes())
            }
            r if (r as u32) < 0x20 => {
                out.extend_from_slice(format!("\\u{:04x}", r as u32).as_bytes())
            }
            char::REPLACEMENT_CHARACTER => out.extend_from_slice("\u{FFFD}".as_bytes()),
            _ => out.extend_from_slice(bytes),
        }
    }
    out.push(b'"');
    out
}

/// `printEnvAsJSON`: a JSON object of the variables, keys sorted, one
/// per tab-indented line; `{}` when empty. Later duplicates win.
pub fn json(env: &[EnvVar], only_changed: bool) -> Vec<u8> {
    let mut m: BTreeMap<&[u8], &[u8]> = BTreeMap::new();
    for e in env {
        if e.name == "TERM" || (only_changed && !e.changed) {
            continue;
        }
        m.insert(e.name.as_bytes(), &e.value);
    }
    if m.is_empty() {
        return b"{}\n".to_vec();
    }
    let mut out = b"{\n".to_vec();
    let n = m.len();
    for (i, (k, v)) in m.into_iter().enumerate() {
        out.push(b'\t');
        out.extend_from_slice(&json_string(k));
        out.extend_from_slice(b": ");
        out.extend_from_slice(&json_string(v));
        out.extend_from_slice(if i + 1 < n { b",\n" } else { b"\n" });
    }
    out.extend_from_slice(b"}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn var(name: &str, value: &[u8], changed: bool) -> EnvVar {
        EnvVar {
            name: name.into(),
            value: value.to_vec(),
            changed,
        }
    }

    // The value the reference go printed for GOINSECURE set to these bytes.
    const TRICKY: &[u8] = b"a'b\"c<d>&e\\f\tg\x01h\x7f\xe2\x80\xa8i\xff\xc3j \xc3\xa9\x08k\x0cl";

    #[test]
    fn shell_quoting_matches_go() {
        let out = shell(&[var("GOINSECURE", TRICKY, true)], false).unwrap();
        let want: &[u8] = b"GOINSECURE='a'\\''b\"c<d>&e\\f\tg\x01h\x7f\xe2\x80\xa8i\xef\xbf\xbd\xef\xbf\xbdj \xc3\xa9\x08k\x0cl'\n";
        assert_eq!(out, want);
        let out = shell(
            &[
                var("B", b"2", false),
                var("A", b"", true),
                var("TERM", b"x", true),
            ],
            true,
        )
        .unwrap();
        assert_eq!(out, b"A=''\n");
        assert!(
            shell(&[var("X", b"a\0b", false)], false)
                .unwrap_err()
                .contains("null byte in environment variable X")
        );
    }

    #[test]
    fn json_matches_go() {
        let out = json(&[var("GOINSECURE", TRICKY, true)], false);
        let want: &[u8] = b"{\n\t\"GOINSECURE\": \"a'b\\\"c\\u003cd\\u003e\\u0026e\\\\f\\tg\\u0001h\x7f\\u2028i\xef\xbf\xbd\xef\xbf\xbdj \xc3\xa9\\bk\\fl\"\n}\n";
        assert_eq!(String::from_utf8_lossy(&out), String::from_utf8_lossy(want));
        assert_eq!(json(&[], false), b"{}\n");
        assert_eq!(
            json(&[var("B", b"", false), var("A", b"1", false)], false),
            b"{\n\t\"A\": \"1\",\n\t\"B\": \"\"\n}\n"
        );
    }
}
