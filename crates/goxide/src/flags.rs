//! Go's `flag` package, as the go command uses it: `-name`, `--name`,
//! `-name=value`, `-name value` (non-boolean flags only), `--` ends the
//! flags, and the first non-flag argument (including a lone `-`) ends
//! them too. Error texts are the `flag` package's, byte for byte:
//!
//! - `flag provided but not defined: -x`
//! - `bad flag syntax: ---x`
//! - `flag needs an argument: -C`
//! - `invalid boolean value "foo" for -json: parse error`
//! - `invalid value "x" for flag -j: parse error`
//!
//! `-h` and `-help`, when not defined, ask for usage ([`ParseError::Help`]).
//! Arguments are bytes (`Vec<u8>`): they need not be UTF-8.
//!
//! Invariant: parsing never panics; values are only stored through
//! [`FlagSet::set`], which validates them as the flag's kind requires.

use goxide_build::strconv::quote;

/// What a flag holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A boolean: `-v`, `-v=false`.
    Bool,
    /// A string.
    Str,
    /// An integer (`strconv.ParseInt(s, 0, 64)` syntax).
    Int,
    /// A flag whose every setting fails with this message (the go
    /// command's `-C` after the first position).
    Reject(&'static str),
    /// A flag that may be given alone, like a boolean (`-json`, meaning
    /// `true`), or with any value (`-json=Dir,Name`): a `flag.Value`
    /// with `IsBoolFlag` and its own `Set`. Holds the text.
    BoolOrStr,
}

/// A flag's current value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Bool(bool),
    Str(Vec<u8>),
    Int(i64),
    None,
}

/// A defined flag.
#[derive(Clone, Debug)]
pub struct Flag {
    pub name: &'static str,
    pub kind: Kind,
    pub value: Value,
    /// Whether it was set (by the command line or `$GOFLAGS`).
    pub set: bool,
}

/// Why parsing stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// `-h` or `-help`: print usage.
    Help,
    /// A malformed or unknown flag: print this line, then usage.
    Failed(String),
}

/// A set of flags (`flag.FlagSet`).
#[derive(Clone, Debug, Default)]
pub struct FlagSet {
    flags: Vec<Flag>,
}

impl FlagSet {
    /// A set with the given flags, at their zero values (`false`, empty,
    /// 0) unless [`FlagSet::default_int`] changes them.
    pub fn new(defs: &[(&'static str, Kind)]) -> FlagSet {
        let flags = defs
            .iter()
            .map(|&(name, kind)| Flag {
                name,
                kind,
                value: match kind {
                    Kind::Bool => Value::Bool(false),
                    Kind::Str | Kind::BoolOrStr => Value::Str(Vec::new()),
                    Kind::Int => Value::Int(0),
                    Kind::Reject(_) => Value::None,
                },
                set: false,
            })
            .collect();
        FlagSet { flags }
    }

    /// Sets an integer flag's default.
    pub fn default_int(mut self, name: &str, v: i64) -> FlagSet {
        if let Some(f) = self.flags.iter_mut().find(|f| f.name == name) {
            f.value = Value::Int(v);
        }
        self
    }

    /// The flag named `name`.
    pub fn lookup(&self, name: &[u8]) -> Option<&Flag> {
        self.flags.iter().find(|f| f.name.as_bytes() == name)
    }

    /// Whether `name` is a boolean flag.
    pub fn is_bool(&self, name: &[u8]) -> bool {
        self.lookup(name)
            .is_some_and(|f| f.kind == Kind::Bool || f.kind == Kind::BoolOrStr)
    }

    /// A boolean flag's value (false if undefined).
    pub fn bool(&self, name: &str) -> bool {
        matches!(
            self.lookup(name.as_bytes()),
            Some(Flag {
                value: Value::Bool(true),
                ..
            })
        )
    }

    /// An integer flag's value (0 if undefined).
    pub fn int(&self, name: &str) -> i64 {
        match self.lookup(name.as_bytes()) {
            Some(Flag {
                value: Value::Int(v),
                ..
            }) => *v,
            _ => 0,
        }
    }

    /// A string flag's value (empty if undefined or not a string).
    pub fn str(&self, name: &str) -> &[u8] {
        match self.lookup(name.as_bytes()) {
            Some(Flag {
                value: Value::Str(v),
                ..
            }) => v,
            _ => &[],
        }
    }

    /// Whether the flag was set explicitly.
    pub fn was_set(&self, name: &str) -> bool {
        self.lookup(name.as_bytes()).is_some_and(|f| f.set)
    }

    /// `flag.Value.Set`: stores `value` or returns the error text (the
    /// part after `: ` in the flag package's messages).
    pub fn set(&mut self, name: &[u8], value: &[u8]) -> Result<(), String> {
        let Some(f) = self.flags.iter_mut().find(|f| f.name.as_bytes() == name) else {
            return Err(format!("no such flag -{}", String::from_utf8_lossy(name)));
        };
        f.value = match f.kind {
            Kind::Bool => Value::Bool(parse_bool(value).ok_or("parse error")?),
            Kind::Str | Kind::BoolOrStr => Value::Str(value.to_vec()),
            Kind::Int => Value::Int(parse_int(value)?),
            Kind::Reject(msg) => return Err(msg.to_string()),
        };
        f.set = true;
        Ok(())
    }

    /// Parses `args`; returns the arguments after the flags.
    pub fn parse(&mut self, args: &[Vec<u8>]) -> Result<Vec<Vec<u8>>, ParseError> {
        let mut i = 0;
        while i < args.len() {
            let s = args[i].as_slice();
            if s.len() < 2 || s[0] != b'-' {
                break;
            }
            let mut minuses = 1;
            if s[1] == b'-' {
                minuses = 2;
                if s.len() == 2 {
                    i += 1;
                    break;
                }
            }
            let mut name = &s[minuses..];
            if name.is_empty() || name[0] == b'-' || name[0] == b'=' {
                return Err(fail(format!(
                    "bad flag syntax: {}",
                    String::from_utf8_lossy(s)
                )));
            }
            i += 1;
            let mut value: Option<&[u8]> = None;
            if let Some(eq) = name[1..].iter().position(|&b| b == b'=') {
                value = Some(&name[eq + 2..]);
                name = &name[..eq + 1];
            }
            let name_text = String::from_utf8_lossy(name).into_owned();
            let Some(flag) = self.lookup(name) else {
                if name == b"help" || name == b"h" {
                    return Err(ParseError::Help);
                }
                return Err(fail(format!("flag provided but not defined: -{name_text}")));
            };
            if flag.kind == Kind::Bool || flag.kind == Kind::BoolOrStr {
                match value {
                    Some(v) => {
                        if let Err(e) = self.set(name, v) {
                            return Err(fail(format!(
                                "invalid boolean value {} for -{name_text}: {e}",
                                quote(v)
                            )));
                        }
                    }
                    None => {
                        if let Err(e) = self.set(name, b"true") {
                            return Err(fail(format!("invalid boolean flag {name_text}: {e}")));
                        }
                    }
                }
                continue;
            }
            let v: &[u8] = match value {
                Some(v) => v,
                None if i < args.len() => {
                    i += 1;
                    &args[i - 1]
                }
                None => return Err(fail(format!("flag needs an argument: -{name_text}"))),
            };
            if let Err(e) = self.set(name, v) {
                return Err(fail(format!(
                    "invalid value {} for flag -{name_text}: {e}",
                    quote(v)
                )));
            }
        }
        Ok(args[i..].to_vec())
    }
}

fn fail(msg: String) -> ParseError {
    ParseError::Failed(msg)
}

/// `strconv.ParseBool`.
pub fn parse_bool(s: &[u8]) -> Option<bool> {
    match s {
        b"1" | b"t" | b"T" | b"TRUE" | b"true" | b"True" => Some(true),
        b"0" | b"f" | b"F" | b"FALSE" | b"false" | b"False" => Some(false),
        _ => None,
    }
}

/// `strconv.ParseInt(s, 0, 64)` with the flag package's error words
/// (`parse error`, `value out of range`).
pub fn parse_int(s: &[u8]) -> Result<i64, String> {
    const SYNTAX: &str = "parse error";
    let (neg, body) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if body.is_empty() {
        return Err(SYNTAX.into());
    }
    let (base, digits, prefixed): (u32, &[u8], bool) = match body {
        [b'0', b'x' | b'X', rest @ ..] => (16, rest, true),
        [b'0', b'b' | b'B', rest @ ..] => (2, rest, true),
        [b'0', b'o' | b'O', rest @ ..] => (8, rest, true),
        [b'0', rest @ ..] if !rest.is_empty() => (8, rest, true),
        _ => (10, body, false),
    };
    // Underscores may separate digits (and follow a base prefix).
    let mut prev_underscore_ok = prefixed;
    let mut clean = Vec::with_capacity(digits.len());
    for (k, &c) in digits.iter().enumerate() {
        if c == b'_' {
            if !prev_underscore_ok || k + 1 == digits.len() {
                return Err(SYNTAX.into());
            }
            prev_underscore_ok = false;
            continue;
        }
        prev_underscore_ok = true;
        clean.push(c);
    }
    if clean.is_empty() {
        return Err(SYNTAX.into());
    }
    let mut v: i128 = 0;
    for c in clean {
        let d = (c as char).to_digit(base).ok_or(SYNTAX)?;
        v = v * base as i128 + d as i128;
        if v > i64::MAX as i128 + 1 {
            return Err("value out of range".into());
        }
    }
    let v = if neg { -v } else { v };
    i64::try_from(v).map_err(|_| "value out of range".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<Vec<u8>> {
        a.iter().map(|s| s.as_bytes().to_vec()).collect()
    }

    fn env_flags() -> FlagSet {
        FlagSet::new(&[
            ("json", Kind::Bool),
            (
                "C",
                Kind::Reject("-C flag must be first flag on command line"),
            ),
            ("o", Kind::Str),
            ("j", Kind::Int),
        ])
    }

    fn err(a: &[&str]) -> String {
        match env_flags().parse(&args(a)) {
            Err(ParseError::Failed(m)) => m,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parses_like_go() {
        let mut fs = env_flags();
        let rest = fs
            .parse(&args(&[
                "--json",
                "-o",
                "out",
                "-j=0x10",
                "GOOS",
                "-json=false",
            ]))
            .unwrap();
        assert_eq!(rest, args(&["GOOS", "-json=false"]));
        assert!(fs.bool("json") && fs.was_set("o"));
        assert_eq!(fs.int("j"), 16);
        assert_eq!(
            env_flags().parse(&args(&["-json", "--", "-x"])).unwrap(),
            args(&["-x"])
        );
        assert_eq!(
            env_flags().parse(&args(&["-", "x"])).unwrap(),
            args(&["-", "x"])
        );
        assert_eq!(env_flags().parse(&args(&["-h"])), Err(ParseError::Help));
        assert_eq!(env_flags().parse(&args(&["--help"])), Err(ParseError::Help));
    }

    #[test]
    fn error_texts() {
        assert_eq!(err(&["-x"]), "flag provided but not defined: -x");
        assert_eq!(err(&["--x=1"]), "flag provided but not defined: -x");
        assert_eq!(err(&["---x"]), "bad flag syntax: ---x");
        assert_eq!(err(&["-=x"]), "bad flag syntax: -=x");
        assert_eq!(err(&["-o"]), "flag needs an argument: -o");
        assert_eq!(
            err(&["-json=foo"]),
            "invalid boolean value \"foo\" for -json: parse error"
        );
        assert_eq!(
            err(&["-j", "x"]),
            "invalid value \"x\" for flag -j: parse error"
        );
        assert_eq!(
            err(&["-j", "99999999999999999999"]),
            "invalid value \"99999999999999999999\" for flag -j: value out of range"
        );
        assert_eq!(
            err(&["-C", "/x"]),
            "invalid value \"/x\" for flag -C: -C flag must be first flag on command line"
        );
    }

    #[test]
    fn ints() {
        assert_eq!(parse_int(b"-12"), Ok(-12));
        assert_eq!(parse_int(b"0o17"), Ok(15));
        assert_eq!(parse_int(b"017"), Ok(15));
        assert_eq!(parse_int(b"0"), Ok(0));
        assert_eq!(parse_int(b"1_000"), Ok(1000));
        assert!(
            parse_int(b"_1").is_err() && parse_int(b"1__0").is_err() && parse_int(b"1_").is_err()
        );
        assert_eq!(parse_int(b"0x_1f"), Ok(31));
        assert_eq!(parse_int(b"-9223372036854775808"), Ok(i64::MIN));
        assert!(parse_int(b"9223372036854775808").is_err());
        assert!(parse_int(b"").is_err() && parse_int(b"0x").is_err() && parse_int(b"08").is_err());
    }
}
