//! go/parser in `ImportsOnly | ParseComments` mode: the package clause, the
//! import declarations and every comment up to there — exactly what
//! go/build's `readGoInfo` asks of `parser.ParseFile`, with go/parser's
//! error texts, positions, error filtering and partial results.
//!
//! Ported from `go/parser/parser.go` (Go 1.27.3): `next`/`next0` with
//! comment groups and lead/line comments (`consumeCommentGroup`, lines
//! unadjusted by `//line`), `error` (without `AllErrors`: an error on the
//! line of the previous one is dropped, and more than 10 errors bail out),
//! `errorExpected`, `expect`, `expectSemi`, `advance` with its sync
//! counter, `parseIdent`, `parseImportSpec`, `parseGenDecl` and the
//! imports-only `parseFile`. Scanner errors bypass the filter, as go/scanner
//! calls its handler directly. As in `ParseFile`, a failed package clause
//! or a bail-out leaves an empty file (no name, no imports, no comments),
//! and the errors come back sorted by position and message.
//!
//! Invariant: parsing stops after the imports, so the cost is the header's
//! size; every loop consumes a token or ends (go/parser's `advance` limit).

use std::sync::Arc;

use super::go_scanner::{Lit, ScanError, Scanner, Token};

/// One comment (`ast.Comment`): where its `/` is and its text (a span of
/// the parsed source unless `\r`s were removed).
#[derive(Clone, Debug)]
pub(crate) struct Comment {
    pub(crate) offset: usize,
    pub(crate) text: Lit,
}

/// `ast.CommentGroup`: adjacent comments.
#[derive(Clone, Debug, Default)]
pub(crate) struct CommentGroup {
    pub(crate) list: Vec<Comment>,
}

impl CommentGroup {
    /// `CommentGroup.Text`: the text without comment markers, directives
    /// (`//go:x`, `//line `, `//export `, `//extern `) dropped, trailing
    /// space stripped, leading and repeated blank lines removed, ending in
    /// a newline when non-empty.
    pub(crate) fn text(&self, src: &[u8]) -> String {
        let mut lines: Vec<Vec<u8>> = Vec::new();
        for c in &self.list {
            let t = c.text.bytes(src);
            let body: &[u8] = match t.get(1) {
                Some(b'/') => {
                    let mut b = &t[2..];
                    if !b.is_empty() {
                        if b[0] == b' ' {
                            b = &b[1..];
                        } else if is_directive(b) {
                            continue;
                        }
                    }
                    b
                }
                Some(b'*') if t.len() >= 4 => &t[2..t.len() - 2],
                _ => t,
            };
            for l in body.split(|&b| b == b'\n') {
                let end = l
                    .iter()
                    .rposition(|&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'));
                lines.push(l[..end.map_or(0, |e| e + 1)].to_vec());
            }
        }
        let mut kept: Vec<Vec<u8>> = Vec::with_capacity(lines.len() + 1);
        for line in lines {
            if !line.is_empty() || kept.last().is_some_and(|l| !l.is_empty()) {
                kept.push(line);
            }
        }
        if kept.last().is_some_and(|l| !l.is_empty()) {
            kept.push(Vec::new());
        }
        String::from_utf8_lossy(&kept.join(&b'\n')).into_owned()
    }
}

/// `ast.isDirective` on a `//` comment without its slashes.
fn is_directive(c: &[u8]) -> bool {
    if c.starts_with(b"line ") || c.starts_with(b"extern ") || c.starts_with(b"export ") {
        return true;
    }
    let Some(colon) = c.iter().position(|&b| b == b':') else {
        return false;
    };
    if colon == 0 || colon + 1 >= c.len() {
        return false;
    }
    (0..=colon + 1).all(|i| i == colon || c[i].is_ascii_lowercase() || c[i].is_ascii_digit())
}

/// One import spec.
#[derive(Clone, Debug)]
pub(crate) struct ImportSpec {
    /// `spec.Pos()`: the name's offset if named, else the path's.
    pub(crate) offset: usize,
    /// The path literal as scanned, quotes included (empty if missing).
    pub(crate) path: Lit,
    /// The spec's doc comment (a group in [`ParsedFile::comments`]).
    pub(crate) doc: Option<usize>,
}

/// One `import` declaration.
#[derive(Clone, Debug)]
pub(crate) struct ImportDecl {
    pub(crate) doc: Option<usize>,
    pub(crate) specs: Vec<ImportSpec>,
}

/// What go/build reads from `parser.ParseFile`'s `*ast.File`.
#[derive(Clone, Debug, Default)]
pub(crate) struct ParsedFile {
    /// `f.Name.Name` (empty when the package clause failed).
    pub(crate) name: String,
    /// `f.Package`: the offset of the `package` keyword.
    pub(crate) package: usize,
    /// `f.Doc`, an index into `comments`.
    pub(crate) doc: Option<usize>,
    pub(crate) imports: Vec<ImportDecl>,
    /// `f.Comments`, in source order.
    pub(crate) comments: Vec<CommentGroup>,
}

/// The parser's verdict: go/parser's partial file and sorted error list.
pub(crate) struct Parsed<'a> {
    pub(crate) file: ParsedFile,
    pub(crate) errors: Vec<ScanError>,
    /// The scanner, for its line table (positions of the parsed text).
    pub(crate) scanner: Scanner<'a>,
}

/// The early end of a parse (go/parser's `bailout` panic).
struct Bailout;

type Step<T = ()> = Result<T, Bailout>;

struct Parser<'a> {
    sc: Scanner<'a>,
    comments: Vec<CommentGroup>,
    lead_comment: Option<usize>,
    /// No token scanned yet (`p.pos` is still `token.NoPos`, on line 0).
    at_start: bool,
    pos: usize,
    tok: Token,
    lit: Lit,
    sync_pos: i64,
    sync_cnt: u32,
}

fn in_stmt_start(t: Token) -> bool {
    use Token::*;
    matches!(
        t,
        Break
            | Const
            | Continue
            | Defer
            | Fallthrough
            | For
            | Go
            | Goto
            | If
            | Return
            | Select
            | Switch
            | Type
            | Var
    )
}

fn in_expr_end(t: Token) -> bool {
    use Token::*;
    matches!(t, Comma | Colon | Semicolon | Rparen | Rbrack | Rbrace)
}

/// `parser.ParseFile(fset, filename, src, ImportsOnly|ParseComments|
/// SkipObjectResolution)`.
pub(crate) fn parse_imports(filename: Arc<str>, src: &[u8]) -> Parsed<'_> {
    let mut p = Parser {
        sc: Scanner::new(filename, src, true),
        comments: Vec::new(),
        lead_comment: None,
        at_start: true,
        pos: 0,
        tok: Token::Illegal,
        lit: Lit::Empty,
        sync_pos: -1,
        sync_cnt: 0,
    };
    p.next();
    let file = match p.parse_file() {
        Ok(Some(f)) => f,
        Ok(None) | Err(Bailout) => ParsedFile::default(),
    };
    let mut errors = std::mem::take(&mut p.sc.errors);
    errors.sort_by(|a, b| {
        (&a.pos.filename, a.pos.line, a.pos.column, &a.msg).cmp(&(
            &b.pos.filename,
            b.pos.line,
            b.pos.column,
            &b.msg,
        ))
    });
    Parsed {
        file,
        errors,
        scanner: p.sc,
    }
}

impl Parser<'_> {
    fn line_for(&self, offset: usize) -> usize {
        self.sc.lines.line(offset)
    }

    fn next0(&mut self) {
        let t = self.sc.scan();
        self.pos = t.offset;
        self.tok = t.tok;
        self.lit = t.lit;
    }

    fn consume_comment(&mut self) -> (Comment, usize) {
        let mut endline = self.line_for(self.pos);
        let text = self.lit.bytes(self.sc.src());
        if text.get(1) == Some(&b'*') {
            endline += text.iter().filter(|&&b| b == b'\n').count();
        }
        let c = Comment {
            offset: self.pos,
            text: std::mem::take(&mut self.lit),
        };
        self.next0();
        (c, endline)
    }

    fn consume_comment_group(&mut self, n: usize) -> (usize, usize) {
        let mut list = Vec::new();
        let mut endline = self.line_for(self.pos);
        while self.tok == Token::Comment && self.line_for(self.pos) <= endline + n {
            let (c, e) = self.consume_comment();
            endline = e;
            list.push(c);
        }
        self.comments.push(CommentGroup { list });
        (self.comments.len() - 1, endline)
    }

    fn next(&mut self) {
        self.lead_comment = None;
        let prev_line = if self.at_start {
            0
        } else {
            self.line_for(self.pos)
        };
        self.at_start = false;
        self.next0();
        if self.tok == Token::Comment {
            let mut comment = None;
            if self.line_for(self.pos) == prev_line {
                let (c, _) = self.consume_comment_group(0);
                comment = Some(c);
            }
            let mut endline: isize = -1;
            while self.tok == Token::Comment {
                let (c, e) = self.consume_comment_group(1);
                comment = Some(c);
                endline = e as isize;
            }
            if endline + 1 == self.line_for(self.pos) as isize {
                self.lead_comment = comment;
            }
        }
    }

    fn error(&mut self, offset: usize, msg: String) -> Step {
        let epos = self.sc.lines.position(offset, true);
        let n = self.sc.errors.len();
        if n > 0 && self.sc.errors[n - 1].pos.line == epos.line {
            return Ok(());
        }
        if n > 10 {
            return Err(Bailout);
        }
        self.sc.errors.push(ScanError { pos: epos, msg });
        Ok(())
    }

    fn error_expected(&mut self, offset: usize, what: &str) -> Step {
        let mut msg = format!("expected {what}");
        if offset == self.pos {
            if self.tok == Token::Semicolon && self.lit == Lit::Newline {
                msg.push_str(", found newline");
            } else if self.tok.is_literal() {
                msg.push_str(", found ");
                msg.push_str(&String::from_utf8_lossy(self.lit.bytes(self.sc.src())));
            } else {
                msg.push_str(", found '");
                msg.push_str(self.tok.as_str());
                msg.push('\'');
            }
        }
        self.error(offset, msg)
    }

    fn expect(&mut self, tok: Token) -> Step<usize> {
        let pos = self.pos;
        if self.tok != tok {
            self.error_expected(pos, &format!("'{}'", tok.as_str()))?;
        }
        self.next();
        Ok(pos)
    }

    fn expect_semi(&mut self) -> Step {
        match self.tok {
            Token::Rparen | Token::Rbrace => Ok(()),
            Token::Comma | Token::Semicolon => {
                if self.tok == Token::Comma {
                    self.error_expected(self.pos, "';'")?;
                }
                self.next();
                Ok(())
            }
            _ => {
                self.error_expected(self.pos, "';'")?;
                self.advance(in_stmt_start);
                Ok(())
            }
        }
    }

    fn advance(&mut self, to: fn(Token) -> bool) {
        while self.tok != Token::Eof {
            if to(self.tok) {
                let pos = self.pos as i64;
                if pos == self.sync_pos && self.sync_cnt < 10 {
                    self.sync_cnt += 1;
                    return;
                }
                if pos > self.sync_pos {
                    self.sync_pos = pos;
                    self.sync_cnt = 0;
                    return;
                }
            }
            self.next();
        }
    }

    fn parse_ident(&mut self) -> Step<String> {
        if self.tok == Token::Ident {
            let name = String::from_utf8_lossy(self.lit.bytes(self.sc.src())).into_owned();
            self.next();
            Ok(name)
        } else {
            self.expect(Token::Ident)?;
            Ok("_".to_string())
        }
    }

    fn parse_import_spec(&mut self, doc: Option<usize>) -> Step<ImportSpec> {
        let mut name_pos = None;
        match self.tok {
            Token::Ident => {
                name_pos = Some(self.pos);
                self.parse_ident()?;
            }
            Token::Period => {
                name_pos = Some(self.pos);
                self.next();
            }
            _ => {}
        }
        let pos = self.pos;
        let mut path = Lit::Empty;
        if self.tok == Token::String {
            path = std::mem::take(&mut self.lit);
            self.next();
        } else if self.tok.is_literal() {
            self.error(pos, "import path must be a string".into())?;
            self.next();
        } else {
            self.error(pos, "missing import path".into())?;
            self.advance(in_expr_end);
        }
        self.expect_semi()?;
        Ok(ImportSpec {
            offset: name_pos.unwrap_or(pos),
            path,
            doc,
        })
    }

    fn parse_gen_decl(&mut self) -> Step<ImportDecl> {
        let doc = self.lead_comment;
        self.expect(Token::Import)?;
        let mut specs = Vec::new();
        if self.tok == Token::Lparen {
            self.next();
            while self.tok != Token::Rparen && self.tok != Token::Eof {
                let lead = self.lead_comment;
                specs.push(self.parse_import_spec(lead)?);
            }
            self.expect(Token::Rparen)?;
            self.expect_semi()?;
        } else {
            specs.push(self.parse_import_spec(None)?);
        }
        Ok(ImportDecl { doc, specs })
    }

    fn parse_file(&mut self) -> Step<Option<ParsedFile>> {
        if !self.sc.errors.is_empty() {
            return Ok(None);
        }
        let doc = self.lead_comment;
        let package = self.expect(Token::Package)?;
        let name = self.parse_ident()?;
        self.expect_semi()?;
        if !self.sc.errors.is_empty() {
            return Ok(None);
        }
        let mut imports = Vec::new();
        while self.tok == Token::Import {
            imports.push(self.parse_gen_decl()?);
        }
        Ok(Some(ParsedFile {
            name,
            package,
            doc,
            imports,
            comments: std::mem::take(&mut self.comments),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> (ParsedFile, Vec<String>) {
        let p = parse_imports(Arc::from("/d/x.go"), src.as_bytes());
        let errs = p
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.pos, e.msg))
            .collect();
        (p.file, errs)
    }

    fn paths(f: &ParsedFile, src: &str) -> Vec<String> {
        f.imports
            .iter()
            .flat_map(|d| {
                d.specs
                    .iter()
                    .map(|s| String::from_utf8_lossy(s.path.bytes(src.as_bytes())).into_owned())
            })
            .collect()
    }

    #[test]
    fn imports_of_all_shapes() {
        let src =
            "package p\n\nimport \"a\"\nimport (\n\tb \"b\"\n\t. \"c\"\n\t_ `d`\n)\nimport \"C\"\n";
        let (f, errs) = parse(src);
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(f.name, "p");
        assert_eq!(
            paths(&f, src),
            vec!["\"a\"", "\"b\"", "\"c\"", "`d`", "\"C\""]
        );
        assert_eq!(f.imports[1].specs[0].offset, 32); // the name `b`
    }

    #[test]
    fn package_clause_errors_leave_no_name() {
        let (f, errs) = parse("x");
        assert_eq!(errs, vec!["/d/x.go:1:1: expected 'package', found x"]);
        assert_eq!(f.name, "");
        let (_, errs) = parse("package\n");
        // The newline ends the file, so EOF stays on line 1 (go/token).
        assert_eq!(errs, vec!["/d/x.go:1:9: expected 'IDENT', found 'EOF'"]);
        let (_, errs) = parse("package 1");
        assert_eq!(errs, vec!["/d/x.go:1:9: expected 'IDENT', found 1"]);
    }

    #[test]
    fn import_errors() {
        let (f, errs) = parse("package p; import 1");
        assert_eq!(errs, vec!["/d/x.go:1:19: import path must be a string"]);
        assert_eq!(f.name, "p");
        let (_, errs) = parse("package p\nimport (\n\"a\" \"b\"\n)");
        assert_eq!(
            errs,
            vec![
                "/d/x.go:3:5: expected ';', found \"b\"",
                "/d/x.go:4:2: expected ')', found 'EOF'"
            ]
        );
        let (_, errs) = parse("package p\nimport x");
        assert_eq!(errs, vec!["/d/x.go:2:9: missing import path"]);
    }

    #[test]
    fn doc_comments() {
        let src = "// Copyright x\n\n// Package p does things.\n//go:debug a=b\npackage p\n\n// #include <x.h>\nimport \"C\"\n";
        let (f, errs) = parse(src);
        assert!(errs.is_empty());
        let doc = &f.comments[f.doc.unwrap()];
        assert_eq!(doc.text(src.as_bytes()), "Package p does things.\n");
        let d = &f.imports[0];
        assert_eq!(
            f.comments[d.doc.unwrap()].text(src.as_bytes()),
            "#include <x.h>\n"
        );
        assert_eq!(f.comments.len(), 3);
    }
}
