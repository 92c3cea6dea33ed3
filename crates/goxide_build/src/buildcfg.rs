//! `internal/buildcfg` (and `internal/goexperiment`): the host GOOS and
//! GOARCH, the defaults of the per-architecture variables (`GOAMD64=v1`,
//! `GOARM64=v8.0`, ...), their validation, and `GOEXPERIMENT` parsing.
//!
//! [`check`] reproduces `buildcfg.Error` exactly, quirks included: Go
//! computes the variables in a fixed order and each check overwrites the
//! previous error, and the `GOARM64` check even clears it, so an invalid
//! `GOAMD64` or `GOARM` is never reported. The order is GOAMD64, GOARM,
//! GOARM64, GOMIPS, GOMIPS64, GOPPC64, GORISCV64, GOWASM, GOFIPS140,
//! GOEXPERIMENT (confirmed against go1.27.3). Like Go's package it reads
//! the OS environment only, not the go/env file.

use crate::osenv::OsEnv;

/// The GOOS goxide itself runs on (`runtime.GOOS`).
pub const HOST_GOOS: &str = std::env::consts::OS;

/// The GOARCH goxide itself runs on (`runtime.GOARCH`).
pub const HOST_GOARCH: &str = host_goarch();

const fn host_goarch() -> &'static str {
    if cfg!(target_arch = "x86_64") {
        "amd64"
    } else if cfg!(target_arch = "aarch64") {
        "arm64"
    } else if cfg!(target_arch = "x86") {
        "386"
    } else if cfg!(target_arch = "arm") {
        "arm"
    } else if cfg!(target_arch = "riscv64") {
        "riscv64"
    } else if cfg!(target_arch = "loongarch64") {
        "loong64"
    } else if cfg!(target_arch = "s390x") {
        "s390x"
    } else if cfg!(all(target_arch = "powerpc64", target_endian = "little")) {
        "ppc64le"
    } else if cfg!(target_arch = "powerpc64") {
        "ppc64"
    } else if cfg!(all(target_arch = "mips64", target_endian = "little")) {
        "mips64le"
    } else if cfg!(target_arch = "mips64") {
        "mips64"
    } else if cfg!(all(target_arch = "mips", target_endian = "little")) {
        "mipsle"
    } else if cfg!(target_arch = "mips") {
        "mips"
    } else if cfg!(target_arch = "wasm32") {
        "wasm"
    } else {
        "unknown"
    }
}

pub const DEFAULT_GO386: &str = "sse2";
pub const DEFAULT_GOAMD64: &str = "v1";
pub const DEFAULT_GOARM: &str = "7";
pub const DEFAULT_GOARM64: &str = "v8.0";
pub const DEFAULT_GOMIPS: &str = "hardfloat";
pub const DEFAULT_GOMIPS64: &str = "hardfloat";
pub const DEFAULT_GOPPC64: &str = "power8";
pub const DEFAULT_GORISCV64: &str = "rva20u64";
pub const DEFAULT_GOWASM: &str = "";
pub const DEFAULT_GOFIPS140: &str = "off";
pub const DEFAULT_GOEXPERIMENT: &str = "";

/// The GOARCH-specific variable and its default (`cfg.GetArchEnv`), if
/// the architecture has one.
pub fn arch_env_var(goarch: &str) -> Option<(&'static str, &'static str)> {
    Some(match goarch {
        "arm" => ("GOARM", DEFAULT_GOARM),
        "arm64" => ("GOARM64", DEFAULT_GOARM64),
        "386" => ("GO386", DEFAULT_GO386),
        "amd64" => ("GOAMD64", DEFAULT_GOAMD64),
        "mips" | "mipsle" => ("GOMIPS", DEFAULT_GOMIPS),
        "mips64" | "mips64le" => ("GOMIPS64", DEFAULT_GOMIPS64),
        "ppc64" | "ppc64le" => ("GOPPC64", DEFAULT_GOPPC64),
        "riscv64" => ("GORISCV64", DEFAULT_GORISCV64),
        "wasm" => ("GOWASM", DEFAULT_GOWASM),
        _ => return None,
    })
}

fn env_or<'a>(env: &'a OsEnv, key: &str, def: &'a str) -> &'a [u8] {
    let v = env.get(key);
    if v.is_empty() { def.as_bytes() } else { v }
}

/// `buildcfg.Error` for this environment: the message `buildcfg.Check`
/// prints after `<program>: `, or `None` when the configuration is valid.
pub fn check(env: &OsEnv) -> Option<String> {
    // Go validates GOAMD64 and GOARM first, but goarm64() then assigns
    // buildcfg.Error unconditionally, so their errors never surface.
    let mut error = parse_goarm64(env_or(env, "GOARM64", DEFAULT_GOARM64)).err();
    if !matches!(
        env_or(env, "GOMIPS", DEFAULT_GOMIPS),
        b"hardfloat" | b"softfloat"
    ) {
        error = Some("invalid GOMIPS: must be hardfloat, softfloat".into());
    }
    if !matches!(
        env_or(env, "GOMIPS64", DEFAULT_GOMIPS64),
        b"hardfloat" | b"softfloat"
    ) {
        error = Some("invalid GOMIPS64: must be hardfloat, softfloat".into());
    }
    if !matches!(
        env_or(env, "GOPPC64", DEFAULT_GOPPC64),
        b"power8" | b"power9" | b"power10"
    ) {
        error = Some("invalid GOPPC64: must be power8, power9, power10".into());
    }
    if !matches!(
        env_or(env, "GORISCV64", DEFAULT_GORISCV64),
        b"rva20u64" | b"rva22u64" | b"rva23u64"
    ) {
        error = Some("invalid GORISCV64: must be rva20u64, rva22u64, rva23u64".into());
    }
    for opt in env.get("GOWASM").split(|&b| b == b',') {
        if !matches!(opt, b"satconv" | b"signext" | b"") {
            error = Some(format!(
                "invalid GOWASM: no such feature {}",
                crate::strconv::quote(opt)
            ));
        }
    }
    let fips = env_or(env, "GOFIPS140", DEFAULT_GOFIPS140);
    if !matches!(fips, b"off" | b"latest" | b"inprocess" | b"certified") && !is_fips_version(fips) {
        error =
            Some("invalid GOFIPS140: must be off, latest, inprocess, certified, or v1.Y.Z".into());
    }
    let goos = String::from_utf8_lossy(env_or(env, "GOOS", HOST_GOOS));
    let goarch = String::from_utf8_lossy(env_or(env, "GOARCH", HOST_GOARCH));
    if let Err(e) = parse_goexperiment(
        &goos,
        &goarch,
        env_or(env, "GOEXPERIMENT", DEFAULT_GOEXPERIMENT),
    ) {
        error = Some(e);
    }
    error
}

/// `buildcfg.ParseGoarm64`'s validation.
fn parse_goarm64(v: &[u8]) -> Result<(), String> {
    let mut v = v;
    loop {
        if let Some(rest) = v.strip_suffix(b",lse") {
            v = rest;
        } else if let Some(rest) = v.strip_suffix(b",crypto") {
            v = rest;
        } else {
            break;
        }
    }
    let ok = matches!(
        v,
        [b'v', b'8', b'.', b'0'..=b'9'] | [b'v', b'9', b'.', b'0'..=b'5']
    );
    if ok {
        Ok(())
    } else {
        Err("invalid GOARM64: must start with v8.{0-9} or v9.{0-5} and may optionally end in \",lse\" and/or \",crypto\"".into())
    }
}

/// `buildcfg.isFIPSVersion`: `v1.Y.Z`, `v1.Y.Z-rcN` or `v1.Y.Z-hhhhhhhh`.
fn is_fips_version(v: &[u8]) -> bool {
    fn cut_num(s: &[u8]) -> Option<&[u8]> {
        let n = s.iter().take_while(|b| b.is_ascii_digit()).count();
        (n > 0).then(|| &s[n..])
    }
    let Some(v) = v.strip_prefix(b"v1.") else {
        return false;
    };
    let Some(v) = cut_num(v) else { return false };
    let Some(v) = v.strip_prefix(b".") else {
        return false;
    };
    let Some(v) = cut_num(v) else { return false };
    if v.is_empty() {
        return true;
    }
    if let Some(v) = v.strip_prefix(b"-rc") {
        return cut_num(v).is_some_and(|rest| rest.is_empty());
    }
    if let Some(v) = v.strip_prefix(b"-") {
        return v.len() == 8;
    }
    false
}

/// The experiment names of `internal/goexperiment.Flags`, lowercased, as
/// `GOEXPERIMENT` accepts them (go1.27): one table, kept by the loader,
/// which derives `goexperiment.X` build tags from it.
pub use goxide_load::build::EXPERIMENTS;

/// `buildcfg.ParseGOEXPERIMENT`'s validation: a comma-separated list of
/// experiment names, each optionally prefixed by `no`, plus `none` and
/// `regabi`. (The "regabiargs requires regabiwrappers" error cannot occur:
/// both are forced together for every architecture.)
pub fn parse_goexperiment(_goos: &str, _goarch: &str, goexp: &[u8]) -> Result<(), String> {
    for f in goexp.split(|&b| b == b',') {
        if f.is_empty() || f == b"none" {
            continue;
        }
        let name = f.strip_prefix(b"no").unwrap_or(f);
        let known = name == b"regabi" || EXPERIMENTS.iter().any(|e| e.as_bytes() == name);
        if !known {
            return Err(format!(
                "unknown GOEXPERIMENT {}",
                String::from_utf8_lossy(name)
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_with(pairs: &[(&str, &str)]) -> Option<String> {
        check(&OsEnv::from_pairs(pairs.iter().copied()))
    }

    #[test]
    fn check_order_quirks() {
        assert_eq!(check_with(&[]), None);
        // GOARM64's check clears earlier errors, as in Go.
        assert_eq!(check_with(&[("GOAMD64", "v9")]), None);
        assert_eq!(check_with(&[("GOARM", "9")]), None);
        assert!(
            check_with(&[("GOARM64", "x")])
                .unwrap()
                .starts_with("invalid GOARM64")
        );
        assert_eq!(check_with(&[("GOARM64", "v9.5,crypto,lse")]), None);
        assert_eq!(
            check_with(&[("GOFIPS140", "bad"), ("GOEXPERIMENT", "bogus")]).unwrap(),
            "unknown GOEXPERIMENT bogus"
        );
        assert_eq!(
            check_with(&[("GOWASM", "x")]).unwrap(),
            "invalid GOWASM: no such feature \"x\""
        );
        assert_eq!(check_with(&[("GOFIPS140", "v1.0.0")]), None);
        assert_eq!(check_with(&[("GOFIPS140", "v1.0.0-rc1")]), None);
        assert_eq!(check_with(&[("GOFIPS140", "v1.0.0-12345678")]), None);
        assert!(check_with(&[("GOFIPS140", "v1.0")]).is_some());
    }

    #[test]
    fn experiments() {
        assert!(parse_goexperiment("linux", "amd64", b"nofieldtrack,regabi,none,arenas,,").is_ok());
        assert_eq!(
            parse_goexperiment("linux", "amd64", b"nobogus").unwrap_err(),
            "unknown GOEXPERIMENT bogus"
        );
    }
}
