//! Package synopses: go/doc's `Synopsis` on a package doc comment's text,
//! the `Doc` field of go/build's `Package`.
//!
//! `firstSentence` (up to the first period followed by space and not
//! preceded by exactly one upper-case letter, or an ideographic full
//! stop), the `IllegalPrefixes` rule (copyright, all rights, author), then
//! the first block of the comment must be a paragraph, printed as one line
//! of space-separated words.
//!
//! Invariant: the result has no newlines, tabs or repeated spaces.

use super::unicode::{is_upper, runes};

/// `firstSentence`.
fn first_sentence(s: &str) -> &str {
    let (mut ppp, mut pp, mut p) = (0u32, 0u32, 0u32);
    for (i, q) in runes(s.as_bytes()) {
        let q = if q == '\n' as u32 || q == '\r' as u32 || q == '\t' as u32 { ' ' as u32 } else { q };
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

/// `doc.Synopsis`.
pub(crate) fn synopsis(text: &str) -> String {
    let text = first_sentence(text);
    let lower = text.to_lowercase();
    if ["copyright", "all rights", "author"].iter().any(|p| lower.starts_with(p)) {
        return String::new();
    }
    text.split(|c: char| super::unicode::is_space(c as u32))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences() {
        assert_eq!(synopsis("Package p does x. And Y.\n"), "Package p does x.");
        assert_eq!(synopsis("Package p uses the U.S. Rules. Yes."), "Package p uses the U.S. Rules.");
        assert_eq!(synopsis("Copyright 2020 x.\n"), "");
        assert_eq!(synopsis("Package p\nspans\tlines.  More."), "Package p spans lines.");
    }
}
