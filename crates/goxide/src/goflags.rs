//! `$GOFLAGS`: default flags for every command, as
//! `cmd/go/internal/base/goflags.go` handles them.
//!
//! [`init`] splits the setting (`quoted.Split`) and checks that each word
//! is a flag (`-x`, `--x`, `-x=v`) that some go command defines — goxide
//! checks against the go command's full flag list, so a `GOFLAGS` that
//! suits go suits goxide. `go env` ignores these errors (people reach for
//! it when debugging GOFLAGS). [`apply`] then sets, in a command's flag
//! set, those flags it defines, before the command line is parsed.

use goxide_build::quoted;
use goxide_build::strconv::quote;

use crate::flags::FlagSet;

/// The flags defined by any go command (`hasFlag(base.Go, name)`), go1.27.
pub const GO_FLAG_NAMES: &[&str] = &[
    "C",
    "a",
    "artifacts",
    "asan",
    "asmflags",
    "bench",
    "benchmem",
    "benchtime",
    "blockprofile",
    "blockprofilerate",
    "buildmode",
    "buildvcs",
    "c",
    "cache",
    "changed",
    "compat",
    "compiled",
    "compiler",
    "count",
    "cover",
    "covermode",
    "coverpkg",
    "coverprofile",
    "cpu",
    "cpuprofile",
    "d",
    "debug-actiongraph",
    "debug-runtime-trace",
    "debug-trace",
    "deps",
    "diff",
    "dropexclude",
    "dropgodebug",
    "dropignore",
    "dropreplace",
    "droprequire",
    "dropretract",
    "droptool",
    "dropuse",
    "e",
    "exclude",
    "exec",
    "export",
    "f",
    "failfast",
    "find",
    "fix",
    "fmt",
    "fullpath",
    "fuzz",
    "fuzzcache",
    "fuzzminimizetime",
    "fuzztime",
    "gccgoflags",
    "gcflags",
    "go",
    "godebug",
    "i",
    "ignore",
    "insecure",
    "installsuffix",
    "json",
    "ldflags",
    "linkshared",
    "list",
    "m",
    "memprofile",
    "memprofilerate",
    "mod",
    "modcache",
    "modcacherw",
    "modfile",
    "module",
    "msan",
    "mutexprofile",
    "mutexprofilefraction",
    "n",
    "o",
    "outputdir",
    "overlay",
    "p",
    "parallel",
    "pgo",
    "pkgdir",
    "print",
    "r",
    "race",
    "replace",
    "require",
    "retract",
    "retracted",
    "reuse",
    "run",
    "short",
    "shuffle",
    "skip",
    "t",
    "tags",
    "test",
    "testcache",
    "timeout",
    "tool",
    "toolchain",
    "toolexec",
    "trace",
    "trimpath",
    "u",
    "use",
    "v",
    "vendor",
    "versions",
    "vet",
    "w",
    "work",
    "x",
    // go test's pass-through flags, also accepted as -test.<name>.
    "test.artifacts",
    "test.bench",
    "test.benchmem",
    "test.benchtime",
    "test.blockprofile",
    "test.blockprofilerate",
    "test.count",
    "test.coverprofile",
    "test.cpu",
    "test.cpuprofile",
    "test.failfast",
    "test.fullpath",
    "test.fuzz",
    "test.fuzzminimizetime",
    "test.fuzztime",
    "test.list",
    "test.memprofile",
    "test.memprofilerate",
    "test.mutexprofile",
    "test.mutexprofilefraction",
    "test.outputdir",
    "test.parallel",
    "test.run",
    "test.short",
    "test.shuffle",
    "test.skip",
    "test.timeout",
    "test.trace",
    "test.v",
];

/// `InitGOFLAGS`: the words of `$GOFLAGS`. With `hide_errors` (go env),
/// a malformed setting yields no flags and bad words are dropped; else
/// the error is the fatal message (exit status 1).
pub fn init(setting: &[u8], hide_errors: bool) -> Result<Vec<Vec<u8>>, String> {
    let words = match quoted::split(setting) {
        Ok(w) => w,
        Err(_) if hide_errors => return Ok(Vec::new()),
        Err(e) => return Err(format!("goxide: parsing $GOFLAGS: {e}")),
    };
    let mut out = Vec::with_capacity(words.len());
    for f in words {
        let malformed = !f.starts_with(b"-")
            || f == b"-"
            || f == b"--"
            || f.starts_with(b"---")
            || f.starts_with(b"-=")
            || f.starts_with(b"--=");
        if malformed {
            if hide_errors {
                continue;
            }
            return Err(format!("goxide: parsing $GOFLAGS: non-flag {}", quote(&f)));
        }
        let name = flag_name(&f);
        if !GO_FLAG_NAMES.iter().any(|n| n.as_bytes() == name) {
            if hide_errors {
                continue;
            }
            return Err(format!(
                "goxide: parsing $GOFLAGS: unknown flag -{}",
                String::from_utf8_lossy(name)
            ));
        }
        out.push(f);
    }
    Ok(out)
}

/// The flag name of a `$GOFLAGS` word: `--x=v` → `x`.
fn flag_name(word: &[u8]) -> &[u8] {
    let mut name = &word[1..];
    if name.first() == Some(&b'-') {
        name = &name[1..];
    }
    match name.iter().position(|&b| b == b'=') {
        Some(i) => &name[..i],
        None => name,
    }
}

/// `SetFromGOFLAGS`: sets the flags of `flags` that `$GOFLAGS` names.
/// `Err` is the line to print before the command's usage (exit status 2).
pub fn apply(flags: &mut FlagSet, goflags: &[Vec<u8>]) -> Result<(), String> {
    const WHERE: &str = "$GOFLAGS";
    for goflag in goflags {
        let (mut name, value): (&[u8], Option<&[u8]>) = match goflag.iter().position(|&b| b == b'=')
        {
            Some(0) => continue,
            Some(i) => (&goflag[..i], Some(&goflag[i + 1..])),
            None => (goflag.as_slice(), None),
        };
        if name.starts_with(b"--") {
            name = &name[1..];
        }
        let Some(bare) = name.strip_prefix(b"-").filter(|b| !b.is_empty()) else {
            continue;
        };
        if flags.lookup(bare).is_none() {
            continue;
        }
        let shown = String::from_utf8_lossy(name);
        if flags.is_bool(bare) {
            match value {
                Some(v) => {
                    if let Err(e) = flags.set(bare, v) {
                        return Err(format!(
                            "goxide: invalid boolean value {} for flag {shown} (from {WHERE}): {e}",
                            quote(v)
                        ));
                    }
                }
                None => {
                    if let Err(e) = flags.set(bare, b"true") {
                        return Err(format!(
                            "goxide: invalid boolean flag {shown} (from {WHERE}): {e}"
                        ));
                    }
                }
            }
        } else {
            let Some(v) = value else {
                return Err(format!(
                    "goxide: flag needs an argument: {shown} (from {WHERE})"
                ));
            };
            if let Err(e) = flags.set(bare, v) {
                return Err(format!(
                    "goxide: invalid value {} for flag {shown} (from {WHERE}): {e}",
                    quote(v)
                ));
            }
        }
    }
    Ok(())
}

/// `InGOFLAGS`: whether `$GOFLAGS` sets `flag` (given as `-name`).
pub fn contains(goflags: &[Vec<u8>], flag: &str) -> bool {
    goflags.iter().any(|g| {
        let mut name = g.as_slice();
        if name.starts_with(b"--") {
            name = &name[1..];
        }
        let name = match name.iter().position(|&b| b == b'=') {
            Some(i) => &name[..i],
            None => name,
        };
        name == flag.as_bytes()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flags::Kind;

    #[test]
    fn init_checks_words() {
        assert_eq!(
            init(b"-v --mod=mod", false).unwrap(),
            vec![b"-v".to_vec(), b"--mod=mod".to_vec()]
        );
        assert_eq!(
            init(b"-bogus", false).unwrap_err(),
            "goxide: parsing $GOFLAGS: unknown flag -bogus"
        );
        assert_eq!(
            init(b"x", false).unwrap_err(),
            "goxide: parsing $GOFLAGS: non-flag \"x\""
        );
        assert_eq!(
            init(b"'-v", false).unwrap_err(),
            "goxide: parsing $GOFLAGS: unterminated ' string"
        );
        assert_eq!(init(b"-bogus x -v", true).unwrap(), vec![b"-v".to_vec()]);
        assert!(init(b"'-v", true).unwrap().is_empty());
    }

    #[test]
    fn apply_sets_known_flags() {
        let mut fs = FlagSet::new(&[
            ("json", Kind::Bool),
            (
                "C",
                Kind::Reject("-C flag must be first flag on command line"),
            ),
        ]);
        apply(&mut fs, &init(b"--json -mod=mod", false).unwrap()).unwrap();
        assert!(fs.bool("json"));
        assert_eq!(
            apply(&mut fs, &[b"-json=maybe".to_vec()]).unwrap_err(),
            "goxide: invalid boolean value \"maybe\" for flag -json (from $GOFLAGS): parse error"
        );
        assert_eq!(
            apply(&mut fs, &[b"-C=/x".to_vec()]).unwrap_err(),
            "goxide: invalid value \"/x\" for flag -C (from $GOFLAGS): -C flag must be first flag on command line"
        );
        assert_eq!(
            apply(&mut fs, &[b"-C".to_vec()]).unwrap_err(),
            "goxide: flag needs an argument: -C (from $GOFLAGS)"
        );
        assert!(contains(&[b"--m=1".to_vec()], "-m") && !contains(&[b"-mod=1".to_vec()], "-m"));
    }
}
