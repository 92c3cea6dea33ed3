//! Go's `path/filepath` for Unix, on byte strings: `Clean`, `Join`,
//! `SplitList`, `IsAbs`, `Dir`, `Base`.
//!
//! Paths are bytes (`&[u8]`), not `str`, because a Unix path or an
//! environment value need not be UTF-8 and `go env` prints such values
//! byte for byte. The algorithms are line-for-line ports of
//! `path/filepath/path.go` (lexical only: no file system access).
//!
//! Invariant: every function is total (no panics) for any input bytes.

/// `filepath.Clean`: the shortest lexically equivalent path.
pub fn clean(path: &[u8]) -> Vec<u8> {
    if path.is_empty() {
        return b".".to_vec();
    }
    let rooted = path[0] == b'/';
    let n = path.len();
    let mut out: Vec<u8> = Vec::with_capacity(n);
    let (mut r, mut dotdot) = (0usize, 0usize);
    if rooted {
        out.push(b'/');
        r = 1;
        dotdot = 1;
    }
    while r < n {
        if path[r] == b'/' || (path[r] == b'.' && (r + 1 == n || path[r + 1] == b'/')) {
            // Empty or `.` element.
            r += 1;
        } else if path[r] == b'.' && path[r + 1] == b'.' && (r + 2 == n || path[r + 2] == b'/') {
            r += 2;
            if out.len() > dotdot {
                out.pop();
                while out.len() > dotdot && out[out.len() - 1] != b'/' {
                    out.pop();
                }
                // Drop the separator that preceded the removed element.
                if out.len() > dotdot {
                    out.pop();
                }
            } else if !rooted {
                if !out.is_empty() {
                    out.push(b'/');
                }
                out.extend_from_slice(b"..");
                dotdot = out.len();
            }
        } else {
            if (rooted && out.len() != 1) || (!rooted && !out.is_empty()) {
                out.push(b'/');
            }
            while r < n && path[r] != b'/' {
                out.push(path[r]);
                r += 1;
            }
        }
    }
    if out.is_empty() {
        return b".".to_vec();
    }
    out
}

/// `filepath.Join`: joins the non-empty elements with `/` and cleans the
/// result; empty if every element is empty.
pub fn join(elems: &[&[u8]]) -> Vec<u8> {
    let mut buf: Vec<u8> = Vec::new();
    let mut any = false;
    for e in elems.iter().filter(|e| !e.is_empty()) {
        if any {
            buf.push(b'/');
        }
        buf.extend_from_slice(e);
        any = true;
    }
    if !any {
        return Vec::new();
    }
    clean(&buf)
}

/// `filepath.SplitList`: splits a `:`-separated list; empty input gives
/// an empty list (not one empty element).
pub fn split_list(list: &[u8]) -> Vec<Vec<u8>> {
    if list.is_empty() {
        return Vec::new();
    }
    list.split(|&b| b == b':').map(|s| s.to_vec()).collect()
}

/// `filepath.IsAbs`.
pub fn is_abs(path: &[u8]) -> bool {
    path.first() == Some(&b'/')
}

/// `filepath.Dir`: all but the last element, cleaned.
pub fn dir(path: &[u8]) -> Vec<u8> {
    let cut = path.iter().rposition(|&b| b == b'/').map_or(0, |i| i + 1);
    clean(&path[..cut])
}

/// `filepath.Base`: the last element, ignoring trailing slashes.
pub fn base(path: &[u8]) -> Vec<u8> {
    if path.is_empty() {
        return b".".to_vec();
    }
    let mut p = path;
    while !p.is_empty() && p[p.len() - 1] == b'/' {
        p = &p[..p.len() - 1];
    }
    if p.is_empty() {
        return b"/".to_vec();
    }
    match p.iter().rposition(|&b| b == b'/') {
        Some(i) => p[i + 1..].to_vec(),
        None => p.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> String {
        String::from_utf8(clean(s.as_bytes())).unwrap()
    }

    #[test]
    fn clean_matches_go() {
        // Cases from path/filepath's path_test.go.
        let cases = [
            ("abc", "abc"),
            ("abc/def", "abc/def"),
            (".", "."),
            ("..", ".."),
            ("../..", "../.."),
            ("../../abc", "../../abc"),
            ("/abc", "/abc"),
            ("/", "/"),
            ("", "."),
            ("abc/", "abc"),
            ("/abc/def/", "/abc/def"),
            ("//abc", "/abc"),
            ("abc//def//ghi", "abc/def/ghi"),
            ("abc/./def", "abc/def"),
            ("/./abc/def", "/abc/def"),
            ("abc/.", "abc"),
            ("abc/def/ghi/../jkl", "abc/def/jkl"),
            ("abc/def/../ghi/../jkl", "abc/jkl"),
            ("abc/def/..", "abc"),
            ("abc/def/../..", "."),
            ("/abc/def/../..", "/"),
            ("abc/def/../../..", ".."),
            ("/abc/def/../../..", "/"),
            ("abc/def/../../../ghi/jkl/../../../mno", "../../mno"),
            ("/../abc", "/abc"),
            ("abc/./../def", "def"),
            ("abc//./../def", "def"),
            ("abc/../../././../def", "../../def"),
        ];
        for (input, want) in cases {
            assert_eq!(c(input), want, "Clean({input:?})");
        }
    }

    #[test]
    fn join_dir_base() {
        assert_eq!(join(&[b"a", b"", b"b/../c"]), b"a/c");
        assert_eq!(join(&[b"", b""]), b"");
        assert_eq!(
            join(&[b"/root/.cache", b"go-build"]),
            b"/root/.cache/go-build"
        );
        assert_eq!(dir(b"/a/b/c"), b"/a/b");
        assert_eq!(dir(b"c"), b".");
        assert_eq!(dir(b"/"), b"/");
        assert_eq!(base(b"/a/b/"), b"b");
        assert_eq!(base(b"///"), b"/");
        assert_eq!(split_list(b""), Vec::<Vec<u8>>::new());
        assert_eq!(
            split_list(b"a::b"),
            vec![b"a".to_vec(), b"".to_vec(), b"b".to_vec()]
        );
    }
}
