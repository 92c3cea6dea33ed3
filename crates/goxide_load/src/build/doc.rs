//! Package synopses: go/doc's `Synopsis` on a package doc comment's text,
//! the `Doc` field of go/build's `Package`.
//!
//! Ported from `go/doc/synopsis.go` and the parts of `go/doc/comment`
//! (`parse.go`, `text.go`) a synopsis goes through, Go 1.27.3:
//! `firstSentence` (up to the first period followed by space and not
//! preceded by exactly one upper-case letter, or an ideographic full
//! stop); the `IllegalPrefixes` rule (copyright, all rights, author);
//! then the sentence is parsed as a doc comment — `unindent`,
//! `parseSpans` (paragraphs, headings, code blocks, lists, with their
//! mis-indentation heuristics), link definition paragraphs (also inside
//! list items) — and only a leading paragraph counts. Its text goes through `parseLinkedText`
//! (`[text]` reference links and `[pkg.Name]` doc links lose their
//! brackets; with go/build's empty `doc.Package`, only import paths with
//! a slash and single-element standard packages resolve) and `parseText`
//! (`` `` `` → “, `''` → ”, not inside URLs), and is printed as one line
//! of words (`Printer.Text` with `TextWidth = -1`), followed by any used
//! link definitions, then trimmed.
//!
//! Invariant: pure text processing; no panics on any input (indices stay
//! on UTF-8 boundaries of the `&str` given).

use super::cgo::{fields, trim_space};
use super::unicode::{decode_last_rune, decode_rune, is_letter, is_punct, is_upper, runes};

/// `firstSentence`.
fn first_sentence(s: &str) -> &str {
    let (mut ppp, mut pp, mut p) = (0u32, 0u32, 0u32);
    for (i, q) in runes(s.as_bytes()) {
        let q = if q == '\n' as u32 || q == '\r' as u32 || q == '\t' as u32 {
            ' ' as u32
        } else {
            q
        };
        if q == ' ' as u32 && p == '.' as u32 && (!is_upper(pp) || is_upper(ppp)) {
            return &s[..i];
        }
        if p == '。' as u32 || p == '．' as u32 {
            return &s[..i];
        }
        (ppp, pp, p) = (pp, p, q);
    }
    s
}

/// `doc.Synopsis` (`(*doc.Package).Synopsis` of an empty package).
pub(crate) fn synopsis(text: &str) -> String {
    let text = first_sentence(text);
    let lower = text.to_lowercase();
    if ["copyright", "all rights", "author"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return String::new();
    }
    let lines = unindent(text.split('\n').collect());
    let mut links: Vec<LinkDef> = Vec::new();
    let mut first: Option<Option<String>> = None; // Some(Some(paragraph)) or Some(None) for another block
    for s in parse_spans(&lines) {
        let block = match s.kind {
            // A paragraph of link definitions makes no block.
            SpanKind::Para => paragraph(&lines[s.start..s.end], &mut links).map(Some),
            SpanKind::List => {
                list_links(&lines[s.start..s.end], &mut links);
                Some(None)
            }
            _ => Some(None),
        };
        if first.is_none()
            && let Some(b) = block
        {
            first = Some(b);
        }
    }
    let Some(Some(para)) = first else {
        return String::new();
    };
    let words = print_linked_text(&para, &mut links);
    let mut out = words;
    out.push('\n');
    if links.iter().any(|d| d.used) {
        out.push('\n');
        for d in links.iter().filter(|d| d.used) {
            out.push_str(&format!("[{}]: {}\n", d.text, d.url));
        }
    }
    trim_space(&out).to_string()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SpanKind {
    Code,
    Heading,
    List,
    OldHeading,
    Para,
}

struct Span {
    start: usize,
    end: usize,
    kind: SpanKind,
}

fn is_blank(s: &str) -> bool {
    s.is_empty() || s == "\n"
}

fn leading_space(s: &str) -> &str {
    let n = s.bytes().take_while(|&b| b == b' ' || b == b'\t').count();
    &s[..n]
}

fn common_prefix<'a>(a: &'a str, b: &str) -> &'a str {
    let n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    &a[..n]
}

/// `unindent`.
fn unindent(mut lines: Vec<&str>) -> Vec<String> {
    while lines.first().is_some_and(|l| is_blank(l)) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|l| is_blank(l)) {
        lines.pop();
    }
    if lines.is_empty() {
        return Vec::new();
    }
    let mut prefix = leading_space(lines[0]);
    for line in &lines[1..] {
        if !is_blank(line) {
            prefix = common_prefix(prefix, leading_space(line));
        }
    }
    let mut out: Vec<String> = lines
        .iter()
        .map(|line| {
            let l = line.strip_prefix(prefix).unwrap_or(line);
            if trim_space(l).is_empty() {
                String::new()
            } else {
                l.to_string()
            }
        })
        .collect();
    while out.first().is_some_and(String::is_empty) {
        out.remove(0);
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

fn indented(line: &str) -> bool {
    line.starts_with([' ', '\t'])
}

/// `listMarker`: the number ("" for a bullet) and the rest, when `line`
/// starts with a list marker followed by indentation.
fn list_marker(line: &str) -> Option<(&str, &str)> {
    let line = trim_space(line);
    if line.is_empty() {
        return None;
    }
    let (r, n) = decode_rune(line.as_bytes());
    let (num, rest) = if r == '•' as u32 || r == '*' as u32 || r == '+' as u32 || r == '-' as u32
    {
        ("", &line[n..])
    } else if line.as_bytes()[0].is_ascii_digit() {
        let n = line.bytes().take_while(u8::is_ascii_digit).count();
        if n >= line.len() || (line.as_bytes()[n] != b'.' && line.as_bytes()[n] != b')') {
            return None;
        }
        (&line[..n], &line[n + 1..])
    } else {
        return None;
    };
    if !indented(rest) || trim_space(rest).is_empty() {
        return None;
    }
    Some((num, rest))
}

fn is_list(line: &str) -> bool {
    list_marker(line).is_some()
}

fn is_heading(line: &str) -> bool {
    let b = line.as_bytes();
    b.len() >= 2 && b[0] == b'#' && (b[1] == b' ' || b[1] == b'\t') && trim_space(line) != "#"
}

fn is_old_heading(line: &str, all: &[String], off: usize) -> bool {
    if off == 0 || !all[off - 1].is_empty() || off + 2 >= all.len() || !all[off + 1].is_empty() {
        return false;
    }
    if !leading_space(&all[off + 2]).is_empty() {
        return false;
    }
    let line = trim_space(line);
    let (r, _) = decode_rune(line.as_bytes());
    if !is_letter(r) || !is_upper(r) {
        return false;
    }
    let (r, _) = decode_last_rune(line.as_bytes());
    if !is_letter(r) && !super::unicode::is_digit(r) {
        return false;
    }
    if line.contains([
        ';', ':', '!', '?', '+', '*', '/', '=', '[', ']', '{', '}', '_', '^', '°', '&', '§', '~',
        '%', '#', '@', '<', '"', '>', '\\',
    ]) {
        return false;
    }
    let mut b = line;
    while let Some((_, after)) = b.split_once('\'') {
        if after != "s" && !after.starts_with("s ") {
            return false;
        }
        b = after;
    }
    let mut b = line;
    while let Some((_, after)) = b.split_once('.') {
        if after.is_empty() || after.starts_with(' ') {
            return false;
        }
        b = after;
    }
    true
}

/// `parseSpans`.
fn parse_spans(lines: &[String]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut watchdog = 2 * lines.len() as isize;
    let mut i = 0;
    let mut force_indent = 0;
    'spans: loop {
        while i < lines.len() && lines[i].is_empty() {
            i += 1;
        }
        if i >= lines.len() {
            break;
        }
        watchdog -= 1;
        if watchdog < 0 {
            break; // Go panics here ("not making progress"); unreachable.
        }
        let start = i;
        let mut end;
        let kind;
        if i < force_indent || indented(&lines[i]) {
            let mut unindented_list_ok = is_list(&lines[i]) && i < force_indent;
            i += 1;
            while i < lines.len()
                && (lines[i].is_empty()
                    || i < force_indent
                    || indented(&lines[i])
                    || (unindented_list_ok && is_list(&lines[i])))
            {
                if lines[i].is_empty() {
                    unindented_list_ok = false;
                }
                i += 1;
            }
            end = i;
            while end > start && lines[end - 1].is_empty() {
                end -= 1;
            }
            if end < lines.len() && lines[end].starts_with('}') {
                end += 1;
            }
            kind = if is_list(&lines[start]) {
                SpanKind::List
            } else {
                SpanKind::Code
            };
        } else {
            i += 1;
            while i < lines.len() && !lines[i].is_empty() && !indented(&lines[i]) {
                i += 1;
            }
            end = i;
            if i < lines.len() && !lines[i].is_empty() && !is_list(&lines[i]) {
                if is_list(&lines[i - 1]) {
                    force_indent = end;
                    end -= 1;
                    while end > start && is_list(&lines[end - 1]) {
                        end -= 1;
                    }
                } else if lines[i - 1].ends_with('{') || lines[i - 1].ends_with('\\') {
                    force_indent = end;
                    end -= 1;
                }
                if start == end && force_indent > start {
                    i = start;
                    continue 'spans;
                }
            }
            kind = if end - start == 1 && is_heading(&lines[start]) {
                SpanKind::Heading
            } else if end - start == 1 && is_old_heading(&lines[start], lines, start) {
                SpanKind::OldHeading
            } else {
                SpanKind::Para
            };
        }
        spans.push(Span { start, end, kind });
        i = end;
    }
    spans
}

/// A link definition (`comment.LinkDef`).
struct LinkDef {
    text: String,
    url: String,
    used: bool,
}

fn is_scheme(s: &str) -> bool {
    matches!(
        s,
        "file" | "ftp" | "gopher" | "http" | "https" | "mailto" | "nntp"
    )
}

/// `parseLink`: a `[text]: url` line.
fn parse_link(line: &str) -> Option<LinkDef> {
    if !line.starts_with('[') {
        return None;
    }
    let i = line.find("]:")?;
    let b = line.as_bytes();
    if i + 3 >= line.len() || (b[i + 2] != b' ' && b[i + 2] != b'\t') {
        return None;
    }
    let text = &line[1..i];
    let url = trim_space(&line[i + 3..]);
    let j = url.find("://")?;
    if !is_scheme(&url[..j]) {
        return None;
    }
    Some(LinkDef {
        text: text.to_string(),
        url: url.to_string(),
        used: false,
    })
}

/// `paragraph`: the paragraph's text, or `None` (and the definitions
/// recorded) when every line is a link definition.
fn paragraph(lines: &[String], links: &mut Vec<LinkDef>) -> Option<String> {
    let defs: Option<Vec<LinkDef>> = lines.iter().map(|l| parse_link(l)).collect();
    match defs {
        Some(defs) => {
            links.extend(defs);
            None
        }
        None => Some(lines.join("\n")),
    }
}

/// The link definitions of a list's items (`parseDoc.list`: an item's
/// paragraph made only of `[text]: url` lines defines links too).
fn list_links(lines: &[String], links: &mut Vec<LinkDef>) {
    let bullet = list_marker(&lines[0]).is_some_and(|(num, _)| num.is_empty());
    let mut in_item = false;
    let mut text: Vec<String> = Vec::new();
    let flush = |in_item: bool, text: &mut Vec<String>, links: &mut Vec<LinkDef>| {
        if in_item {
            paragraph(text, links);
        }
        text.clear();
    };
    for line in lines {
        let mut line: &str = line;
        if let Some((num, after)) = list_marker(line)
            && num.is_empty() == bullet
        {
            flush(in_item, &mut text, links);
            in_item = true;
            line = after;
        }
        let line = trim_space(line);
        if line.is_empty() {
            flush(in_item, &mut text, links);
            continue;
        }
        text.push(line.to_string());
    }
    flush(in_item, &mut text, links);
}

/// The single-element standard library packages (`comment.stdPkgs`).
const STD_PKGS: &[&str] = &[
    "bufio", "bytes", "cmp", "context", "crypto", "embed", "encoding", "errors", "expvar", "flag",
    "fmt", "hash", "html", "image", "io", "iter", "log", "maps", "math", "mime", "net", "os",
    "path", "plugin", "reflect", "regexp", "runtime", "slices", "sort", "strconv", "strings",
    "structs", "sync", "syscall", "testing", "time", "unicode", "unique", "unsafe", "uuid", "weak",
];

fn import_path_ok(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'~' | b'_' | b'+')
}

/// `validImportPath` (a copy of x/mod's `CheckImportPath`, lightly edited).
fn valid_import_path(path: &str) -> bool {
    if path.is_empty() || path.starts_with('-') || path.contains("//") || path.ends_with('/') {
        return false;
    }
    path.split('/').all(|elem| {
        !elem.is_empty()
            && !elem.starts_with('.')
            && !elem.ends_with('.')
            && elem.bytes().all(import_path_ok)
    })
}

/// `lookupPkg` with go/build's empty `doc.Package` (which knows no names).
fn lookup_pkg(pkg: &str) -> bool {
    if pkg.contains('/') {
        return valid_import_path(pkg);
    }
    STD_PKGS.binary_search(&pkg).is_ok()
}

/// `ident`: the length of the Go identifier at the start of `b` (0 if none).
fn ident(b: &[u8]) -> usize {
    let mut n = 0;
    while n < b.len() {
        let c = b[n];
        if c < 0x80 {
            if (c.is_ascii_alphanumeric() || c == b'_') && (n > 0 || !c.is_ascii_digit()) {
                n += 1;
                continue;
            }
            break;
        }
        let (r, nr) = decode_rune(&b[n..]);
        if is_letter(r) {
            n += nr;
            continue;
        }
        break;
    }
    n
}

/// `isName`: a capitalized Go identifier.
fn is_name(s: &str) -> bool {
    !s.is_empty() && ident(s.as_bytes()) == s.len() && is_upper(decode_rune(s.as_bytes()).0)
}

/// `splitDocName`.
fn split_doc_name(text: &str) -> (&str, &str, bool) {
    let i = text.rfind('.');
    let name = &text[i.map_or(0, |i| i + 1)..];
    if !is_name(name) {
        return (text, "", false);
    }
    (i.map_or("", |i| &text[..i]), name, true)
}

/// `docLink`: whether `[text]` (with `before` and `after` around it) is a
/// documentation link.
fn doc_link(text: &str, before: &str, after: &str) -> bool {
    let ok_edge = |r: u32| is_punct(r) || r == ' ' as u32 || r == '\t' as u32 || r == '\n' as u32;
    if !before.is_empty() && !ok_edge(decode_last_rune(before.as_bytes()).0) {
        return false;
    }
    if !after.is_empty() && !ok_edge(decode_rune(after.as_bytes()).0) {
        return false;
    }
    let text = text.strip_prefix('*').unwrap_or(text);
    let (mut pkg, _name, ok) = split_doc_name(text);
    if ok {
        pkg = split_doc_name(pkg).0;
    }
    if !pkg.is_empty() {
        lookup_pkg(pkg)
    } else {
        false // lookupSym of an empty package
    }
}

/// `parseLinkedText` then `oneLongLine` and `strings.Fields`: the words of
/// a paragraph as printed, joined by single spaces.
fn print_linked_text(text: &str, links: &mut [LinkDef]) -> String {
    let mut long = String::new();
    let b = text.as_bytes();
    let mut wrote = 0;
    let mut start: Option<usize> = None;
    let mut buf: Vec<u8> = Vec::new();
    for i in 0..b.len() {
        let mut c = b[i];
        if c == b'\n' || c == b'\t' {
            c = b' ';
        }
        match c {
            b'[' => start = Some(i),
            b']' => {
                if let Some(st) = start {
                    let key = String::from_utf8_lossy(&buf);
                    if let Some(def) = links.iter_mut().find(|d| d.text == key) {
                        def.used = true;
                        long.push_str(&parse_text(&text[wrote..st], true));
                        long.push_str(&parse_text(&text[st + 1..i], false));
                        wrote = i + 1;
                    } else if doc_link(&text[st + 1..i], &text[..st], &text[i + 1..]) {
                        long.push_str(&parse_text(&text[wrote..st], true));
                        long.push_str(&parse_text(&text[st + 1..i], false));
                        wrote = i + 1;
                    }
                }
                start = None;
                buf.clear();
            }
            _ => {}
        }
        if start.is_some_and(|st| i != st) {
            buf.push(c);
        }
    }
    long.push_str(&parse_text(&text[wrote..], true));
    fields(&long).join(" ")
}

fn is_host(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'@' | b'-' | b'.' | b'[' | b']' | b':')
}

fn is_url_punct(c: u8) -> bool {
    matches!(c, b'.' | b',' | b':' | b';' | b'?' | b'!')
}

fn is_path(c: u8) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            b'$' | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b'&'
                | b'#'
                | b'='
                | b'@'
                | b'~'
                | b'_'
                | b'/'
                | b'-'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'%'
        )
}

/// `autoURL`: the length of the URL starting `s`, if any.
fn auto_url(s: &[u8]) -> Option<usize> {
    if s.len() < 7 {
        return None;
    }
    let mut i = (3..=6).find(|&k| s[k] == b':')?;
    if i + 3 > s.len() || &s[i..i + 3] != b"://" {
        return None;
    }
    if !std::str::from_utf8(&s[..i]).is_ok_and(is_scheme) {
        return None;
    }
    i += 3;
    if i >= s.len() || !is_host(s[i]) || is_url_punct(s[i]) {
        return None;
    }
    i += 1;
    let mut end = i;
    while i < s.len() && is_host(s[i]) {
        if !is_url_punct(s[i]) {
            end = i + 1;
        }
        i += 1;
    }
    i = end;
    let mut stk: Vec<u8> = Vec::new();
    end = i;
    while i < s.len() {
        let c = s[i];
        if is_url_punct(c) {
            i += 1;
            continue;
        }
        if !is_path(c) {
            break;
        }
        match c {
            b'(' => stk.push(b')'),
            b'{' => stk.push(b'}'),
            b'[' => stk.push(b']'),
            b')' | b'}' | b']' => {
                if stk.last() != Some(&c) {
                    break;
                }
                stk.pop();
            }
            _ => {}
        }
        if stk.is_empty() {
            end = i + 1;
        }
        i += 1;
    }
    Some(end)
}

/// `parseText`, reduced to its printed text: ``` `` ``` and `''` become
/// curly quotes except inside automatic URL links and ```` ``` ```` runs.
fn parse_text(s: &str, auto_link: bool) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut wrote = 0;
    let mut i = 0;
    while i < b.len() {
        let t = &b[i..];
        if auto_link {
            if let Some(n) = auto_url(t) {
                i += n;
                continue;
            }
            let n = ident(t);
            if n > 0 {
                i += n;
                continue;
            }
        }
        if t.starts_with(b"``") {
            if t.len() >= 3 && t[2] == b'`' {
                i += 3;
                while i < b.len() && b[i] == b'`' {
                    i += 1;
                }
                continue;
            }
            out.push_str(&s[wrote..i]);
            out.push('“');
            i += 2;
            wrote = i;
        } else if t.starts_with(b"''") {
            out.push_str(&s[wrote..i]);
            out.push('”');
            i += 2;
            wrote = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[wrote..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences() {
        assert_eq!(synopsis("Package p does x. And Y.\n"), "Package p does x.");
        assert_eq!(
            synopsis("Package p uses the U.S. Rules. Yes."),
            "Package p uses the U.S. Rules."
        );
        assert_eq!(synopsis("Copyright 2020 x.\n"), "");
        assert_eq!(
            synopsis("Package p\nspans\tlines.  More."),
            "Package p spans lines."
        );
    }

    #[test]
    fn blocks() {
        assert_eq!(synopsis("Package p has:\n  - a list\n"), "Package p has:");
        assert_eq!(synopsis("\tcode first\n"), "code first"); // unindented first
        assert_eq!(synopsis("Text\n\n\tcode.\n"), "Text");
        assert_eq!(synopsis("# Heading\n\nText."), "");
        assert_eq!(synopsis("Package p\n\nsecond paragraph"), "Package p");
    }

    #[test]
    fn links_and_quotes() {
        assert_eq!(
            synopsis("Package p wraps [os.Exit] and [fmt]."),
            "Package p wraps os.Exit and fmt."
        );
        assert_eq!(
            synopsis("Package p wraps [Exit] and [a/b.C]."),
            "Package p wraps [Exit] and a/b.C."
        );
        assert_eq!(
            synopsis("Compile, typically invoked as ``go tool compile,'' compiles."),
            "Compile, typically invoked as “go tool compile,” compiles."
        );
        assert_eq!(synopsis("See http://x.org/``a``"), "See http://x.org/“a“");
        assert_eq!(
            synopsis("See [RFC]\n\n[RFC]: https://r.org\n"),
            "See RFC\n\n[RFC]: https://r.org"
        );
    }
}
