//! Fuzz target `scan`: arbitrary bytes through the scanner alone
//! (`goxide_syntax::scanner::Scanner`, reporting every comment), token by
//! token up to `Eof`.
//!
//! Invariants under test: the scanner never panics; each token lies inside
//! the source (`pos ≤ end ≤ len`, so `text()` is valid); and it always
//! advances: every token but automatic semicolons consumes at least one
//! byte, so more than `len * 4 + 16` tokens means a scanner stuck in place,
//! which panics here rather than looping until libFuzzer's timeout.
#![no_main]

use goxide_syntax::scanner::{CommentMode, Scanner};
use goxide_syntax::token::Token;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut s = Scanner::new(data, CommentMode::All);
    let cap = data.len() * 4 + 16;
    let mut tokens = 0usize;
    loop {
        s.next();
        assert!(
            s.pos <= s.end && s.end as usize <= data.len(),
            "token {:?} at {}..{} outside the {}-byte source",
            s.tok,
            s.pos,
            s.end,
            data.len()
        );
        if s.tok == Token::Eof {
            break;
        }
        tokens += 1;
        assert!(tokens <= cap, "scanner made {tokens} tokens from {} bytes without reaching Eof", data.len());
    }
});
