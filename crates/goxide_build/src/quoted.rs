//! `cmd/internal/quoted`: the space-separated, optionally quoted word
//! lists of `$GOFLAGS`, `$CC`, `$CGO_CFLAGS` and friends.
//!
//! [`split`] allows `'...'` or `"..."` around a whole field with no
//! unescaping inside; [`join`] quotes a field only when it contains space
//! or a quote, and fails when a field contains both quote kinds. Both work
//! on bytes, as the Go code does.

use crate::strconv;

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

/// `quoted.Split`. The error text is Go's (`unterminated ' string`).
pub fn split(s: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let mut fields = Vec::new();
    let mut s = s;
    loop {
        while let Some(&c) = s.first() {
            if !is_space(c) {
                break;
            }
            s = &s[1..];
        }
        let Some(&first) = s.first() else { break };
        if first == b'"' || first == b'\'' {
            let body = &s[1..];
            let Some(end) = body.iter().position(|&c| c == first) else {
                return Err(format!("unterminated {} string", first as char));
            };
            fields.push(body[..end].to_vec());
            s = &body[end + 1..];
            continue;
        }
        let end = s.iter().position(|&c| is_space(c)).unwrap_or(s.len());
        fields.push(s[..end].to_vec());
        s = &s[end..];
    }
    Ok(fields)
}

/// `quoted.Join`.
pub fn join<T: AsRef<[u8]>>(args: &[T]) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    for (i, arg) in args.iter().enumerate() {
        let arg = arg.as_ref();
        if i > 0 {
            buf.push(b' ');
        }
        // Bytes >= 0x80 belong to non-ASCII runes, which Go skips.
        let saw_space = arg.iter().any(|&c| is_space(c));
        let saw_single = arg.contains(&b'\'');
        let saw_double = arg.contains(&b'"');
        if !saw_space && !saw_single && !saw_double {
            buf.extend_from_slice(arg);
        } else if !saw_single {
            buf.push(b'\'');
            buf.extend_from_slice(arg);
            buf.push(b'\'');
        } else if !saw_double {
            buf.push(b'"');
            buf.extend_from_slice(arg);
            buf.push(b'"');
        } else {
            return Err(format!(
                "argument {} contains both single and double quotes and cannot be quoted",
                strconv::quote(arg)
            ));
        }
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(s: &str) -> Result<Vec<String>, String> {
        split(s.as_bytes()).map(|v| {
            v.into_iter()
                .map(|f| String::from_utf8(f).unwrap())
                .collect()
        })
    }

    #[test]
    fn split_matches_go() {
        assert_eq!(sp("").unwrap(), Vec::<String>::new());
        assert_eq!(sp(" \t\n ").unwrap(), Vec::<String>::new());
        assert_eq!(sp("-O2 -g").unwrap(), vec!["-O2", "-g"]);
        assert_eq!(
            sp(r#"a 'b c' "d 'e'" f"g""#).unwrap(),
            vec!["a", "b c", "d 'e'", "f\"g\""]
        );
        assert_eq!(sp("'ab").unwrap_err(), "unterminated ' string");
        assert_eq!(sp("x \"ab").unwrap_err(), "unterminated \" string");
    }

    #[test]
    fn join_matches_go() {
        assert_eq!(join(&["-O2", "-g"]).unwrap(), b"-O2 -g");
        assert_eq!(
            join(&["a b", "c'd", "e\"f"]).unwrap(),
            b"'a b' \"c'd\" 'e\"f'"
        );
        assert_eq!(join::<&str>(&[]).unwrap(), b"");
        assert_eq!(
            join(&["a'\""]).unwrap_err(),
            r#"argument "a'\"" contains both single and double quotes and cannot be quoted"#
        );
    }
}
