//! `go list -json`'s output: one package as `encoding/json`'s
//! `MarshalIndent(&p.PackagePublic, "", "\t")` writes it — the fields of
//! `load.PackagePublic` in declaration order, each omitted when empty
//! (`omitempty`), `Module` as `modinfo.ModulePublic`, `Error` and
//! `DepsErrors` through `PackageError.MarshalJSON` (`ImportStack`, `Pos`,
//! `Err`, never omitted), `ImportMap` with sorted keys.
//!
//! `-json=F1,F2` keeps only the named fields (the others are zeroed, so
//! omitted). Strings are escaped as `encoding/json` escapes them (HTML
//! characters included), through [`crate::env_print::json_string`].
//!
//! Never printed: `Stale`/`StaleReason` (they need a build cache goxide
//! does not have yet), `Export`, `BuildID`, `Shlib`, `CompiledGoFiles`
//! (they need a build: `-export`, `-compiled` are refused).

use goxide_load::load::{ModuleInfo, Package, PackageError};

use crate::env_print::json_string;

/// Which fields `-json` asked for (`None`: all).
pub struct Fields(pub Option<Vec<String>>);

impl Fields {
    pub fn want(&self, name: &str) -> bool {
        match &self.0 {
            None => true,
            Some(v) => v.iter().any(|f| f == name),
        }
    }
}

/// An indenting writer of one JSON object.
struct Obj<'a> {
    out: &'a mut Vec<u8>,
    depth: usize,
    n: usize,
}

impl<'a> Obj<'a> {
    fn open(out: &'a mut Vec<u8>, depth: usize) -> Obj<'a> {
        out.push(b'{');
        Obj { out, depth, n: 0 }
    }

    fn key(&mut self, k: &str) {
        if self.n > 0 {
            self.out.push(b',');
        }
        self.n += 1;
        self.out.push(b'\n');
        indent(self.out, self.depth + 1);
        self.out.extend_from_slice(&json_string(k.as_bytes()));
        self.out.extend_from_slice(b": ");
    }

    fn str(&mut self, k: &str, v: &str) {
        if !v.is_empty() {
            self.key(k);
            self.out.extend_from_slice(&json_string(v.as_bytes()));
        }
    }

    fn str_always(&mut self, k: &str, v: &str) {
        self.key(k);
        self.out.extend_from_slice(&json_string(v.as_bytes()));
    }

    fn bool(&mut self, k: &str, v: bool) {
        if v {
            self.key(k);
            self.out.extend_from_slice(b"true");
        }
    }

    fn list(&mut self, k: &str, v: &[String]) {
        if !v.is_empty() {
            self.key(k);
            self.list_body(v);
        }
    }

    fn list_body(&mut self, v: &[String]) {
        if v.is_empty() {
            self.out.extend_from_slice(b"[]");
            return;
        }
        self.out.push(b'[');
        for (i, s) in v.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.out.push(b'\n');
            indent(self.out, self.depth + 2);
            self.out.extend_from_slice(&json_string(s.as_bytes()));
        }
        self.out.push(b'\n');
        indent(self.out, self.depth + 1);
        self.out.push(b']');
    }

    fn close(self) {
        if self.n > 0 {
            self.out.push(b'\n');
            indent(self.out, self.depth);
        }
        self.out.push(b'}');
    }
}

fn indent(out: &mut Vec<u8>, depth: usize) {
    out.extend(std::iter::repeat_n(b'\t', depth));
}

/// Appends one package's JSON and a newline to `out`.
pub fn write_package(out: &mut Vec<u8>, p: &Package, f: &Fields) {
    let mut o = Obj::open(out, 0);
    macro_rules! s {
        ($name:literal, $v:expr) => {
            if f.want($name) {
                o.str($name, $v);
            }
        };
    }
    macro_rules! l {
        ($name:literal, $v:expr) => {
            if f.want($name) {
                o.list($name, $v);
            }
        };
    }
    macro_rules! b {
        ($name:literal, $v:expr) => {
            if f.want($name) {
                o.bool($name, $v);
            }
        };
    }
    s!("Dir", &p.dir);
    s!("ImportPath", &p.import_path);
    s!("ImportComment", &p.import_comment);
    s!("Name", &p.name);
    s!("Doc", &p.doc);
    s!("Target", &p.target);
    s!("Root", &p.root);
    s!("ConflictDir", &p.conflict_dir);
    s!("ForTest", &p.for_test);
    if f.want("Module")
        && let Some(m) = &p.module
    {
        o.key("Module");
        write_module(o.out, m, 1);
    }
    l!("Match", &p.match_);
    b!("Goroot", p.goroot);
    b!("Standard", p.standard);
    b!("DepOnly", p.dep_only);
    b!("BinaryOnly", p.binary_only);
    b!("Incomplete", p.incomplete);
    s!("DefaultGODEBUG", &p.default_godebug);
    l!("GoFiles", &p.go_files);
    l!("CgoFiles", &p.cgo_files);
    l!("CompiledGoFiles", &p.compiled_go_files);
    l!("IgnoredGoFiles", &p.ignored_go_files);
    l!("InvalidGoFiles", &p.invalid_go_files);
    l!("IgnoredOtherFiles", &p.ignored_other_files);
    l!("CFiles", &p.c_files);
    l!("CXXFiles", &p.cxx_files);
    l!("MFiles", &p.m_files);
    l!("HFiles", &p.h_files);
    l!("FFiles", &p.f_files);
    l!("SFiles", &p.s_files);
    l!("SwigFiles", &p.swig_files);
    l!("SwigCXXFiles", &p.swig_cxx_files);
    l!("SysoFiles", &p.syso_files);
    l!("EmbedPatterns", &p.embed_patterns);
    l!("EmbedFiles", &p.embed_files);
    l!("CgoCFLAGS", &p.cgo_cflags);
    l!("CgoCPPFLAGS", &p.cgo_cppflags);
    l!("CgoCXXFLAGS", &p.cgo_cxxflags);
    l!("CgoFFLAGS", &p.cgo_fflags);
    l!("CgoLDFLAGS", &p.cgo_ldflags);
    l!("CgoPkgConfig", &p.cgo_pkg_config);
    l!("Imports", &p.imports);
    if f.want("ImportMap") && !p.import_map.is_empty() {
        o.key("ImportMap");
        let mut m = Obj::open(o.out, 1);
        for (k, v) in &p.import_map {
            m.str_always(k, v);
        }
        m.close();
    }
    l!("Deps", &p.deps);
    if f.want("Error")
        && let Some(e) = &p.error
    {
        o.key("Error");
        write_error(o.out, e, 1);
    }
    if f.want("DepsErrors") && !p.deps_errors.is_empty() {
        o.key("DepsErrors");
        o.out.push(b'[');
        for (i, e) in p.deps_errors.iter().enumerate() {
            if i > 0 {
                o.out.push(b',');
            }
            o.out.push(b'\n');
            indent(o.out, 2);
            write_error(o.out, e, 2);
        }
        o.out.push(b'\n');
        indent(o.out, 1);
        o.out.push(b']');
    }
    l!("TestGoFiles", &p.test_go_files);
    l!("TestImports", &p.test_imports);
    l!("TestEmbedPatterns", &p.test_embed_patterns);
    l!("TestEmbedFiles", &p.test_embed_files);
    l!("XTestGoFiles", &p.xtest_go_files);
    l!("XTestImports", &p.xtest_imports);
    l!("XTestEmbedPatterns", &p.xtest_embed_patterns);
    l!("XTestEmbedFiles", &p.xtest_embed_files);
    o.close();
    out.push(b'\n');
}

/// `PackageError.MarshalJSON`.
fn write_error(out: &mut Vec<u8>, e: &PackageError, depth: usize) {
    let mut o = Obj::open(out, depth);
    o.key("ImportStack");
    o.list_body(&e.import_stack.pkgs());
    o.str_always("Pos", &e.pos);
    o.str_always("Err", &e.err);
    o.close();
}

/// `modinfo.ModulePublic`.
fn write_module(out: &mut Vec<u8>, m: &ModuleInfo, depth: usize) {
    let mut o = Obj::open(out, depth);
    o.str("Path", &m.path);
    o.str("Version", &m.version);
    if let Some(r) = &m.replace {
        o.key("Replace");
        write_module(o.out, r, depth + 1);
    }
    o.str("Time", &m.time);
    o.bool("Main", m.main);
    o.bool("Indirect", m.indirect);
    o.str("Dir", &m.dir);
    o.str("GoMod", &m.go_mod);
    o.str("GoVersion", &m.go_version);
    if !m.error.is_empty() {
        o.key("Error");
        let mut e = Obj::open(o.out, depth + 1);
        e.str_always("Err", &m.error);
        e.close();
    }
    o.str("Sum", &m.sum);
    o.str("GoModSum", &m.go_mod_sum);
    o.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_matches_marshal_indent() {
        let mut p = Package {
            dir: "/d".into(),
            import_path: "a<b>".into(),
            name: "p".into(),
            go_files: vec!["a.go".into()],
            import_map: vec![("x".into(), "vendor/x".into())],
            ..Package::default()
        };
        p.error = Some(PackageError {
            err: "boom".into(),
            ..PackageError::default()
        });
        let mut out = Vec::new();
        write_package(&mut out, &p, &Fields(None));
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\n\t\"Dir\": \"/d\",\n\t\"ImportPath\": \"a\\u003cb\\u003e\",\n\t\"Name\": \"p\",\n\t\"GoFiles\": [\n\t\t\"a.go\"\n\t],\n\t\"ImportMap\": {\n\t\t\"x\": \"vendor/x\"\n\t},\n\t\"Error\": {\n\t\t\"ImportStack\": [],\n\t\t\"Pos\": \"\",\n\t\t\"Err\": \"boom\"\n\t}\n}\n"
        );
        let mut out = Vec::new();
        write_package(
            &mut out,
            &Package::default(),
            &Fields(Some(vec!["Name".into()])),
        );
        assert_eq!(out, b"{}\n");
    }
}
