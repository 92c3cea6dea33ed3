//! Reading a source file's header, as go/build's `read.go` does: for Go
//! files `readGoInfo` (the bytes through the import section, parsed for the
//! package name, imports, doc comments, `//go:` directives, and — when the
//! file imports "embed" — the `//go:embed` patterns of the whole file); for
//! other sources `readComments` (the leading comments only).
//!
//! `readGoInfo` is a byte-level port of go/build's `importReader`
//! (`readKeyword`, `readIdent`, `readString`, `readImport`, `peekByte`
//! treating `;` as space): it finds where the imports end without
//! tokenizing, reading the file in chunks so that a header costs about
//! one read. The prefix it found is then parsed by [`go_parser`] (go/parser
//! `ImportsOnly|ParseComments`); on a syntax error of the reader the whole
//! file is parsed instead, so errors are go/parser's. A NUL byte met by the
//! reader is the read error "unexpected NUL in input". Embed patterns come
//! from a go/scanner pass over the whole file (errors ignored), through
//! `ast.ParseDirective` and `Directive.ParseArgs`; malformed lines are
//! skipped, as go/build does. Import paths are checked with `isValidImport`
//! ("invalid import path: X" at the spec, and the imports dropped).
//! `read_imports` is cmd/go/internal/imports' `ReadImports` on the same
//! reader: the raw import literals, no parse.
//!
//! Invariants: a leading UTF-8 BOM is removed before anything looks at the
//! bytes (offsets and columns count from after it, as Go's do); the file is
//! read past the header only for a syntax error or an "embed" import; no
//! input panics.

use std::fs::File;
use std::io::{self, Read};
use std::sync::Arc;

use super::go_parser::{ParsedFile, parse_imports};
use super::go_scanner::{ScanError, Scanner, Token};
use super::position::Position;
use super::quoted::{quoted_prefix, unquote};
use super::unicode::{decode_last_rune, decode_rune, is_graphic, is_space, runes};

const BOM: &[u8] = b"\xEF\xBB\xBF";
const CHUNK: usize = 8192;

/// A `//go:` comment found before the package clause (`build.Directive`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// The whole comment, `//go:` included.
    pub text: String,
    pub pos: Position,
}

/// One import of a file (`fileImport`).
#[derive(Clone, Debug)]
pub(crate) struct FileImport {
    pub(crate) path: String,
    pub(crate) pos: Position,
    /// For `import "C"`: the text of the comment attached to it (the spec's
    /// doc, or the declaration's when the declaration has this one spec).
    pub(crate) cgo_doc: Option<String>,
}

/// One `//go:embed` pattern (`fileEmbed`).
#[derive(Clone, Debug)]
pub(crate) struct FileEmbed {
    pub(crate) pattern: String,
    pub(crate) pos: Position,
}

/// go/parser's error for a file: an `ErrorList` (sorted), or the single
/// `scanner.Error` go/build makes for an invalid import path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    List(Vec<(Position, String)>),
    InvalidImport(Position, String),
}

impl std::fmt::Display for ParseError {
    /// `scanner.ErrorList.Error` / `scanner.Error.Error`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        fn one(f: &mut std::fmt::Formatter<'_>, pos: &Position, msg: &str) -> std::fmt::Result {
            if !pos.filename.is_empty() || pos.is_valid() {
                write!(f, "{pos}: {msg}")
            } else {
                f.write_str(msg)
            }
        }
        match self {
            ParseError::List(list) => match list.len() {
                0 => f.write_str("no errors"),
                1 => one(f, &list[0].0, &list[0].1),
                n => {
                    one(f, &list[0].0, &list[0].1)?;
                    write!(f, " (and {} more errors)", n - 1)
                }
            },
            ParseError::InvalidImport(pos, msg) => one(f, pos, msg),
        }
    }
}

/// What `readGoInfo` learned about a Go file (`fileInfo`).
#[derive(Debug, Default)]
pub(crate) struct GoInfo {
    /// The header, BOM removed: the bytes through the imports, or the
    /// whole file after a reader syntax error.
    pub(crate) header: Vec<u8>,
    pub(crate) parsed: Option<ParsedFile>,
    pub(crate) parse_err: Option<ParseError>,
    pub(crate) imports: Vec<FileImport>,
    pub(crate) embeds: Vec<FileEmbed>,
    pub(crate) directives: Vec<Directive>,
}

/// The errors `readGoInfo`/`readComments` return (`read NAME: ...`).
#[derive(Debug)]
pub(crate) enum ReadError {
    Nul,
    Syntax,
    Io(io::Error),
    /// "parser returned invalid quoted string: <X>" (unreachable in
    /// practice: the scanner validates literals first).
    BadQuote(String),
}

impl GoInfo {
    /// The package doc comment's text, if the file has one.
    pub(crate) fn doc_text(&self) -> Option<String> {
        let f = self.parsed.as_ref()?;
        Some(f.comments[f.doc?].text(&self.header))
    }
}

impl ReadError {
    /// The text after `read NAME: `.
    pub(crate) fn text(&self) -> String {
        match self {
            ReadError::Nul => "unexpected NUL in input".into(),
            ReadError::Syntax => "syntax error".into(),
            ReadError::Io(e) => super::fs_error::errno_text(e),
            ReadError::BadQuote(lit) => format!("parser returned invalid quoted string: <{lit}>"),
        }
    }
}

/// A file read in chunks as bytes are asked for, into a buffer the caller
/// reuses from file to file; `data` has the BOM removed, and `data[..pos]`
/// is what go/build's `importReader.buf` holds.
struct ChunkedFile<'b> {
    file: File,
    data: &'b mut Vec<u8>,
    at_eof: bool,
}

impl<'b> ChunkedFile<'b> {
    fn open(file: File, data: &'b mut Vec<u8>) -> io::Result<ChunkedFile<'b>> {
        data.clear();
        let mut f = ChunkedFile {
            file,
            data,
            at_eof: false,
        };
        while f.data.len() < BOM.len() && !f.at_eof {
            f.fill()?;
        }
        if f.data.starts_with(BOM) {
            f.data.drain(..BOM.len());
        }
        Ok(f)
    }

    /// Reads one more chunk; sets `at_eof` at the end of the file.
    fn fill(&mut self) -> io::Result<()> {
        let len = self.data.len();
        let want = CHUNK.max(len);
        self.data.resize(len + want, 0);
        loop {
            match self.file.read(&mut self.data[len..]) {
                Ok(n) => {
                    self.data.truncate(len + n);
                    if n == 0 {
                        self.at_eof = true;
                    }
                    return Ok(());
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.data.truncate(len);
                    return Err(e);
                }
            }
        }
    }

    fn read_rest(&mut self) -> io::Result<()> {
        while !self.at_eof {
            self.fill()?;
        }
        Ok(())
    }
}

/// go/build's `importReader` over a [`ChunkedFile`] (with cmd/go/internal/
/// imports' option of saving the import path literals it reads).
struct ImportReader<'f, 'b> {
    f: &'f mut ChunkedFile<'b>,
    pos: usize,
    peek: u8,
    err: Option<ReadError>,
    eof: bool,
    save: Option<Vec<Vec<u8>>>,
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

impl ImportReader<'_, '_> {
    fn syntax_error(&mut self) {
        if self.err.is_none() {
            self.err = Some(ReadError::Syntax);
        }
    }

    fn read_byte(&mut self) -> u8 {
        if self.pos == self.f.data.len()
            && !self.f.at_eof
            && let Err(e) = self.f.fill()
        {
            if self.err.is_none() {
                self.err = Some(ReadError::Io(e));
            }
            return 0;
        }
        match self.f.data.get(self.pos) {
            Some(&c) => {
                self.pos += 1;
                if c == 0 && self.err.is_none() {
                    self.err = Some(ReadError::Nul);
                }
                c
            }
            None => {
                self.eof = true;
                0
            }
        }
    }

    /// Moves over the buffered bytes of a `//` comment up to (not
    /// including) its newline, as `read_byte` calls would, stopping early at
    /// a NUL so that `read_byte` reports it. A fast path of `peek_byte`.
    fn skip_to_newline(&mut self) {
        let rest = &self.f.data[self.pos..];
        let n = rest
            .iter()
            .position(|&b| b == b'\n' || b == 0)
            .unwrap_or(rest.len());
        self.pos += n;
    }

    fn peek_byte(&mut self, skip_space: bool) -> u8 {
        if self.err.is_some() {
            return 0;
        }
        let mut c = self.peek;
        if c == 0 {
            c = self.read_byte();
        }
        while self.err.is_none() && !self.eof {
            if skip_space {
                match c {
                    b' ' | b'\x0c' | b'\t' | b'\r' | b'\n' | b';' => {
                        c = self.read_byte();
                        continue;
                    }
                    b'/' => {
                        c = self.read_byte();
                        if c == b'/' {
                            self.skip_to_newline();
                            while c != b'\n' && self.err.is_none() && !self.eof {
                                c = self.read_byte();
                            }
                        } else if c == b'*' {
                            let mut c1 = 0u8;
                            while (c != b'*' || c1 != b'/') && self.err.is_none() {
                                if self.eof {
                                    self.syntax_error();
                                }
                                c = c1;
                                c1 = self.read_byte();
                            }
                        } else {
                            self.syntax_error();
                        }
                        c = self.read_byte();
                        continue;
                    }
                    _ => {}
                }
            }
            break;
        }
        self.peek = c;
        c
    }

    fn next_byte(&mut self, skip_space: bool) -> u8 {
        let c = self.peek_byte(skip_space);
        self.peek = 0;
        c
    }

    fn read_keyword(&mut self, kw: &[u8]) {
        self.peek_byte(true);
        for &k in kw {
            if self.next_byte(false) != k {
                self.syntax_error();
                return;
            }
        }
        if is_ident(self.peek_byte(false)) {
            self.syntax_error();
        }
    }

    fn read_ident(&mut self) {
        let c = self.peek_byte(true);
        if !is_ident(c) {
            self.syntax_error();
            return;
        }
        while is_ident(self.peek_byte(false)) {
            self.peek = 0;
        }
    }

    /// Records the literal that started at `start` and ends here.
    fn save_literal(&mut self, start: usize) {
        if let Some(list) = &mut self.save {
            list.push(self.f.data[start..self.pos].to_vec());
        }
    }

    fn read_string(&mut self) {
        let quote = self.next_byte(true);
        let start = self.pos.saturating_sub(1);
        match quote {
            b'`' => {
                while self.err.is_none() {
                    if self.next_byte(false) == b'`' {
                        self.save_literal(start);
                        break;
                    }
                    if self.eof {
                        self.syntax_error();
                    }
                }
            }
            b'"' => {
                while self.err.is_none() {
                    let c = self.next_byte(false);
                    if c == b'"' {
                        self.save_literal(start);
                        break;
                    }
                    if self.eof || c == b'\n' {
                        self.syntax_error();
                    }
                    if c == b'\\' {
                        self.next_byte(false);
                    }
                }
            }
            _ => self.syntax_error(),
        }
    }

    fn read_import(&mut self) {
        let c = self.peek_byte(true);
        if c == b'.' {
            self.peek = 0;
        } else if is_ident(c) {
            self.read_ident();
        }
        self.read_string();
    }
}

/// go/build's `readComments` on an open file: the leading spaces and
/// comments (BOM removed), or the reader's error. `buf` is scratch space.
pub(crate) fn read_comments(file: File, buf: &mut Vec<u8>) -> Result<Vec<u8>, ReadError> {
    let mut f = ChunkedFile::open(file, buf).map_err(ReadError::Io)?;
    loop {
        match goxide_syntax::constraint::read_comments(f.data) {
            Ok(h) if h.len() < f.data.len() || f.at_eof => return Ok(h.to_vec()),
            Err(goxide_syntax::constraint::ReadError::Nul) => return Err(ReadError::Nul),
            Err(goxide_syntax::constraint::ReadError::Syntax) if f.at_eof => {
                return Err(ReadError::Syntax);
            }
            _ => f.fill().map_err(ReadError::Io)?,
        }
    }
}

/// go/build's `readGoInfo` with a file set (`parse`), or without one (only
/// the header is found, as for `Context.MatchFile`). `buf` is scratch
/// space for the file's bytes.
pub(crate) fn read_go_info(
    name: &Arc<str>,
    file: File,
    parse: bool,
    buf: &mut Vec<u8>,
) -> Result<GoInfo, ReadError> {
    let mut f = ChunkedFile::open(file, buf).map_err(ReadError::Io)?;
    let mut r = ImportReader {
        f: &mut f,
        pos: 0,
        peek: 0,
        err: None,
        eof: false,
        save: None,
    };
    r.read_keyword(b"package");
    r.read_ident();
    while r.peek_byte(true) == b'i' {
        r.read_keyword(b"import");
        if r.peek_byte(true) == b'(' {
            r.next_byte(false);
            while r.peek_byte(true) != b')' && r.err.is_none() {
                r.read_import();
            }
            r.next_byte(false);
        } else {
            r.read_import();
        }
    }
    let mut header_len = r.pos;
    if r.err.is_none() && !r.eof {
        header_len -= 1;
    }
    let mut err = r.err.take();
    if matches!(err, Some(ReadError::Syntax)) {
        err = None;
        f.read_rest().map_err(ReadError::Io)?;
        header_len = f.data.len();
    }
    if let Some(e) = err {
        return Err(e);
    }
    let mut info = GoInfo {
        header: f.data[..header_len].to_vec(),
        ..GoInfo::default()
    };
    if !parse {
        return Ok(info);
    }

    let header = &f.data[..header_len];
    let parsed = parse_imports(name.clone(), header);
    let lines = &parsed.scanner.lines;
    let file_ast = parsed.file;
    if !parsed.errors.is_empty() {
        info.parse_err = Some(ParseError::List(
            parsed
                .errors
                .into_iter()
                .map(|ScanError { pos, msg }| (pos, msg))
                .collect(),
        ));
        info.parsed = Some(file_ast);
        return Ok(info);
    }

    let mut has_embed = false;
    for decl in &file_ast.imports {
        for spec in &decl.specs {
            let lit = spec.path.bytes(header);
            let Some(path) = unquote(lit) else {
                return Err(ReadError::BadQuote(
                    String::from_utf8_lossy(lit).into_owned(),
                ));
            };
            if !is_valid_import(&path) {
                let pos = lines.position(spec.offset, true);
                let msg = format!("invalid import path: {}", String::from_utf8_lossy(&path));
                info.parse_err = Some(ParseError::InvalidImport(pos, msg));
                info.imports.clear();
                info.parsed = Some(file_ast);
                return Ok(info);
            }
            if path == b"embed" {
                has_embed = true;
            }
            let cgo_doc = if path == b"C" {
                let doc = spec.doc.or(if decl.specs.len() == 1 {
                    decl.doc
                } else {
                    None
                });
                doc.map(|g| file_ast.comments[g].text(header))
            } else {
                None
            };
            info.imports.push(FileImport {
                path: String::from_utf8_lossy(&path).into_owned(),
                pos: lines.position(spec.offset, true),
                cgo_doc,
            });
        }
    }

    for group in &file_ast.comments {
        if group
            .list
            .first()
            .is_none_or(|c| c.offset >= file_ast.package)
        {
            break;
        }
        for c in &group.list {
            let text = c.text.bytes(header);
            if text.starts_with(b"//go:") {
                info.directives.push(Directive {
                    text: String::from_utf8_lossy(text).into_owned(),
                    pos: lines.position(c.offset, true),
                });
            }
        }
    }
    info.parsed = Some(file_ast);

    if has_embed {
        f.read_rest().map_err(ReadError::Io)?;
        let mut sc = Scanner::new(name.clone(), f.data, false);
        loop {
            let t = sc.scan();
            if t.tok == Token::Eof {
                break;
            }
            let lit = t.lit.bytes(f.data);
            if t.tok == Token::Comment
                && lit.starts_with(b"//go:embed")
                && let Some(args) = parse_go_embed(lit)
            {
                for (arg, offset) in args {
                    info.embeds.push(FileEmbed {
                        pattern: String::from_utf8_lossy(&arg).into_owned(),
                        pos: sc.lines.position(t.offset + offset, true),
                    });
                }
            }
        }
    }
    Ok(info)
}

/// cmd/go/internal/imports' `ReadImports(f, false, &list)`: the header
/// (`buf[..len]`; the whole file after a syntax error) and the import path
/// literals as read, quotes included. Unlike go/build, the rest of a file
/// with a syntax error is read byte by byte, so a NUL there is an error.
pub(crate) fn read_imports(
    file: File,
    buf: &mut Vec<u8>,
) -> Result<(usize, Vec<Vec<u8>>), ReadError> {
    let mut f = ChunkedFile::open(file, buf).map_err(ReadError::Io)?;
    let mut r = ImportReader {
        f: &mut f,
        pos: 0,
        peek: 0,
        err: None,
        eof: false,
        save: Some(Vec::new()),
    };
    r.read_keyword(b"package");
    r.read_ident();
    while r.peek_byte(true) == b'i' {
        r.read_keyword(b"import");
        if r.peek_byte(true) == b'(' {
            r.next_byte(false);
            while r.peek_byte(true) != b')' && r.err.is_none() {
                r.read_import();
            }
            r.next_byte(false);
        } else {
            r.read_import();
        }
    }
    let list = r.save.take().unwrap_or_default();
    if r.err.is_none() && !r.eof {
        return Ok((r.pos - 1, list));
    }
    if matches!(r.err, Some(ReadError::Syntax)) {
        r.err = None;
        while r.err.is_none() && !r.eof {
            r.read_byte();
        }
    }
    match r.err.take() {
        Some(e) => Err(e),
        None => Ok((r.pos, list)),
    }
}

/// `isValidImport`: non-empty, and every character graphic, not a space,
/// and none of ``!"#$%&'()*,:;<=>?[\]^{|}` `` or U+FFFD.
pub(crate) fn is_valid_import(s: &[u8]) -> bool {
    const ILLEGAL: &[u8] = b"!\"#$%&'()*,:;<=>?[\\]^{|}`";
    !s.is_empty()
        && runes(s).all(|(_, r)| {
            is_graphic(r)
                && !is_space(r)
                && r != 0xFFFD
                && !(r < 0x80 && ILLEGAL.contains(&(r as u8)))
        })
}

/// The byte offset of the first Unicode space in `s`, or its length.
fn index_space(s: &[u8]) -> usize {
    runes(s)
        .find(|&(_, r)| is_space(r))
        .map_or(s.len(), |(i, _)| i)
}

/// `strings.TrimLeftFunc(s, unicode.IsSpace)` as the number of bytes cut.
fn leading_space(s: &[u8]) -> usize {
    runes(s)
        .find(|&(_, r)| !is_space(r))
        .map_or(s.len(), |(i, _)| i)
}

/// `strings.TrimRightFunc(s, unicode.IsSpace)`.
fn trim_right_space(mut s: &[u8]) -> &[u8] {
    while !s.is_empty() {
        let (r, n) = decode_last_rune(s);
        if !is_space(r) {
            break;
        }
        s = &s[..s.len() - n];
    }
    s
}

/// go/build's `parseGoEmbed` on one comment: `ast.ParseDirective` (it must
/// be `//go:embed`), then `Directive.ParseArgs`. Returns each argument
/// (unquoted) with its byte offset in the comment, or `None` when the line
/// is not a `//go:embed` directive or its arguments are malformed.
pub(crate) fn parse_go_embed(c: &[u8]) -> Option<Vec<(Vec<u8>, usize)>> {
    if !(c.len() >= 3 && c.starts_with(b"//") && is_alnum(c[2])) {
        return None;
    }
    let s = &c[2..];
    let colon = s.iter().position(|&b| b == b':')?;
    if colon == 0 || colon + 1 >= s.len() {
        return None;
    }
    if !(0..=colon + 1).all(|i| i == colon || is_alnum(s[i])) {
        return None;
    }
    let tool = &s[..colon];
    let rest = &s[colon + 1..];
    let name_len = index_space(rest);
    let name = &rest[..name_len];
    if tool != b"go" || name != b"embed" {
        return None;
    }
    let after_name = &rest[name_len..];
    let skip = leading_space(after_name);
    let mut off = 2 + colon + 1 + name_len + skip;
    let mut args = trim_right_space(&after_name[skip..]);

    let mut list = Vec::new();
    loop {
        let n = leading_space(args);
        args = &args[n..];
        off += n;
        if args.is_empty() {
            break;
        }
        let at = off;
        let arg = match args[0] {
            b'`' | b'"' => {
                let q = quoted_prefix(args)?;
                let value = unquote(q).unwrap_or_default();
                args = &args[q.len()..];
                off += q.len();
                if !args.is_empty() && !is_space(decode_rune(args).0) {
                    return None;
                }
                value
            }
            _ => {
                let n = index_space(args);
                let word = args[..n].to_vec();
                args = &args[n..];
                off += n;
                word
            }
        };
        list.push((arg, at));
    }
    Some(list)
}

fn is_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn info_of(src: &[u8]) -> Result<GoInfo, ReadError> {
        let dir = std::env::temp_dir().join(format!("goxide-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("f{}.go", src.len()));
        std::fs::File::create(&path)
            .unwrap()
            .write_all(src)
            .unwrap();
        let r = read_go_info(
            &Arc::from("x.go"),
            File::open(&path).unwrap(),
            true,
            &mut Vec::new(),
        );
        std::fs::remove_file(&path).unwrap();
        r
    }

    #[test]
    fn header_ends_after_imports() {
        let src = b"\xEF\xBB\xBFpackage p\n\nimport (\n\t\"a\"\n\tb \"b\"\n)\n\nfunc f() {}\n";
        let info = info_of(src).unwrap();
        assert_eq!(
            info.header,
            b"package p\n\nimport (\n\t\"a\"\n\tb \"b\"\n)\n\n"
        );
        let paths: Vec<_> = info.imports.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, ["a", "b"]);
        assert_eq!(info.imports[1].pos.to_string(), "x.go:5:2");
        assert!(info.parse_err.is_none());
    }

    #[test]
    fn reader_errors() {
        assert!(matches!(info_of(b"package p\x00"), Err(ReadError::Nul)));
        // The reader stops at the `.`; go/parser then sees the whole file.
        let info = info_of(b"package p; import x.y \"z\"\nfunc f(){}").unwrap();
        assert_eq!(info.header.len(), 36);
        assert_eq!(
            info.parse_err.unwrap().to_string(),
            "x.go:1:20: missing import path"
        );
    }

    #[test]
    fn invalid_import_path() {
        let info = info_of(b"package p\nimport \"a b\"\n").unwrap();
        assert_eq!(
            info.parse_err.unwrap().to_string(),
            "x.go:2:8: invalid import path: a b"
        );
        assert!(info.imports.is_empty());
        assert!(
            is_valid_import(b"golang.org/x/y")
                && !is_valid_import(b"")
                && !is_valid_import(b"a\xff")
        );
    }

    #[test]
    fn embeds_and_directives() {
        let src = b"//go:build linux\n\n//go:debug x=y\npackage p\n\nimport _ \"embed\"\n\n//go:embed a* \"b c\" `d`\nvar x string\n// go:embed no\n//go:embed \"bad\"x\n";
        let info = info_of(src).unwrap();
        let pats: Vec<_> = info
            .embeds
            .iter()
            .map(|e| (e.pattern.as_str(), e.pos.to_string()))
            .collect();
        assert_eq!(
            pats,
            [
                ("a*", "x.go:8:12".to_string()),
                ("b c", "x.go:8:15".to_string()),
                ("d", "x.go:8:21".to_string())
            ]
        );
        let dirs: Vec<_> = info.directives.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(dirs, ["//go:build linux", "//go:debug x=y"]);
    }

    #[test]
    fn go_embed_args() {
        assert_eq!(parse_go_embed(b"//go:embed"), Some(vec![]));
        assert_eq!(parse_go_embed(b"//go:embedx a"), None);
        assert_eq!(
            parse_go_embed(b"//go:embed \"a\\\"b\"  c  ").unwrap(),
            vec![(b"a\"b".to_vec(), 11), (b"c".to_vec(), 19)]
        );
        assert_eq!(parse_go_embed(b"//go:embed \"unterminated"), None);
    }
}
