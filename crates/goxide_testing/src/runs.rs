//! The run-golden format: what a program built by the reference go did
//! when run — its exit status, stdout and stderr — as stored in
//! `tests/run/NNN_name.out` by `cargo xtask goldens --corpus run`, and how
//! goxide's run of the same program is compared with it
//! (`crates/goxide/tests/run_goldens.rs`).
//!
//! File format (byte counts make it exact for any output, trailing
//! newlines and all):
//!
//! ```text
//! exit N
//! -- stdout (N bytes) --
//! <N bytes>-- stderr (M bytes) --
//! <M bytes>
//! ```
//!
//! Tracebacks: a Go program that dies of a panic prints `goroutine 1
//! [running]:` and then frames with file paths and program counters,
//! which depend on the machine and the compiler; a deadlock (`fatal
//! error: all goroutines are asleep - deadlock!`) prints every goroutine's
//! header with its wait reason (`goroutine 1 [chan receive]:`, `[chan
//! send (nil chan)]:`, `[select (no cases)]:`) and frames. The stored
//! stderr (and goxide's, before comparing) is cut right after the first
//! goroutine header line `goroutine N [STATE]:`
//! ([`without_traceback_frames`]); everything before it — the program's
//! own output and the `panic: ...` or `fatal error: ...` report — and the
//! first header itself (so the wait reason of the main goroutine) are
//! compared byte for byte, and so is the exit status. One exception: the
//! program counter of a fault report (`[signal SIGSEGV: segmentation
//! violation code=0x1 addr=0x0 pc=0x47db10]`, printed before the header
//! by a nil dereference) is an address in the executable, so its value is
//! masked to `pc=0x?` on both sides; the signal, code and faulting
//! address stay compared.
//!
//! Invariant: [`compare`] reports every difference; its unit tests feed
//! it deliberately wrong expectations.

/// What a run produced.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RunOutput {
    pub exit: i32,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// The `.out` text of a run.
pub fn render(r: &RunOutput) -> Vec<u8> {
    let mut out = format!("exit {}\n-- stdout ({} bytes) --\n", r.exit, r.stdout.len()).into_bytes();
    out.extend_from_slice(&r.stdout);
    out.extend_from_slice(format!("-- stderr ({} bytes) --\n", r.stderr.len()).as_bytes());
    out.extend_from_slice(&r.stderr);
    out
}

/// Reads a line `prefix<N>suffix\n` at `*at`; returns N.
fn header(b: &[u8], at: &mut usize, prefix: &str, suffix: &str) -> Result<usize, String> {
    let rest = &b[(*at).min(b.len())..];
    let end = rest.iter().position(|&c| c == b'\n').ok_or_else(|| format!("missing `{prefix}...` line"))?;
    let line = std::str::from_utf8(&rest[..end]).map_err(|_| "header is not UTF-8".to_string())?;
    let n = line
        .strip_prefix(prefix)
        .and_then(|l| l.strip_suffix(suffix))
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("bad header line {line:?}, want `{prefix}N{suffix}`"))?;
    *at += end + 1;
    Ok(n)
}

fn take<'a>(b: &'a [u8], at: &mut usize, n: usize) -> Result<&'a [u8], String> {
    let s = b.get(*at..*at + n).ok_or("output shorter than its byte count")?;
    *at += n;
    Ok(s)
}

/// Parses an `.out` file.
pub fn parse(b: &[u8]) -> Result<RunOutput, String> {
    let mut at = 0;
    let exit_line_end = b.iter().position(|&c| c == b'\n').ok_or("empty file")?;
    let exit = std::str::from_utf8(&b[..exit_line_end])
        .ok()
        .and_then(|l| l.strip_prefix("exit "))
        .and_then(|n| n.parse().ok())
        .ok_or("first line should be `exit N`")?;
    at = at.max(exit_line_end + 1);
    let n = header(b, &mut at, "-- stdout (", " bytes) --")?;
    let stdout = take(b, &mut at, n)?.to_vec();
    let m = header(b, &mut at, "-- stderr (", " bytes) --")?;
    let stderr = take(b, &mut at, m)?.to_vec();
    if at != b.len() {
        return Err("bytes after stderr".into());
    }
    Ok(RunOutput { exit, stdout, stderr })
}

/// `stderr` up to and including its first goroutine header line,
/// `goroutine N [STATE]:` (N decimal digits, STATE any non-empty text:
/// `running`, `chan receive`, ...).
pub fn without_traceback_frames(stderr: &[u8]) -> Vec<u8> {
    let mut at = 0;
    while at < stderr.len() {
        let end = stderr[at..].iter().position(|&c| c == b'\n').map_or(stderr.len(), |e| at + e + 1);
        if is_goroutine_header(&stderr[at..end]) {
            return with_fault_pc_masked(&stderr[..end]);
        }
        at = end;
    }
    with_fault_pc_masked(stderr)
}

/// `text` with the hexadecimal value after ` pc=0x` masked to `?` on every
/// line that starts with `[signal ` (the runtime's fault report).
fn with_fault_pc_masked(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        let end = text[at..].iter().position(|&c| c == b'\n').map_or(text.len(), |e| at + e + 1);
        let line = &text[at..end];
        let pc = line.windows(6).position(|w| w == b" pc=0x");
        match pc {
            Some(p) if line.starts_with(b"[signal ") => {
                // An already masked value (`?`, as stored in a golden) is
                // replaced too: masking is idempotent.
                let digits = line[p + 6..].iter().take_while(|c| c.is_ascii_hexdigit() || **c == b'?').count();
                out.extend_from_slice(&line[..p + 6]);
                out.push(b'?');
                out.extend_from_slice(&line[p + 6 + digits..]);
            }
            _ => out.extend_from_slice(line),
        }
        at = end;
    }
    out
}

/// Whether `line` is `goroutine N [STATE]:\n`, the runtime's traceback
/// header for one goroutine.
fn is_goroutine_header(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"goroutine ") else { return false };
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let Some(state) = rest[digits..].strip_prefix(b" [").and_then(|r| r.strip_suffix(b"]:\n")) else { return false };
    digits > 0 && !state.is_empty()
}

/// The differences between gc's run and goxide's, in words; `None` when
/// they agree (see the module header for what is compared).
pub fn compare(want: &RunOutput, got: &RunOutput) -> Option<String> {
    let mut diffs = Vec::new();
    if want.exit != got.exit {
        diffs.push(format!("exit status {} (gc: {})", got.exit, want.exit));
    }
    if want.stdout != got.stdout {
        diffs.push(format!(
            "stdout differs:\n  gc:     {:?}\n  goxide: {:?}",
            String::from_utf8_lossy(&want.stdout),
            String::from_utf8_lossy(&got.stdout)
        ));
    }
    let (w, g) = (without_traceback_frames(&want.stderr), without_traceback_frames(&got.stderr));
    if w != g {
        diffs.push(format!(
            "stderr differs:\n  gc:     {:?}\n  goxide: {:?}",
            String::from_utf8_lossy(&w),
            String::from_utf8_lossy(&g)
        ));
    }
    if diffs.is_empty() { None } else { Some(diffs.join("\n")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> RunOutput {
        RunOutput { exit: 2, stdout: b"out\nno newline".to_vec(), stderr: b"x\npanic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/x.go:5 +0x1d\n".to_vec() }
    }

    #[test]
    fn the_format_round_trips() {
        let s = sample();
        let text = render(&s);
        assert!(text.starts_with(b"exit 2\n-- stdout (14 bytes) --\nout\nno newline-- stderr ("));
        assert_eq!(parse(&text), Ok(s));
        assert!(parse(b"exit 0\n-- stdout (5 bytes) --\nab").is_err());
        assert!(parse(b"exit x\n").is_err());
        assert!(parse(b"exit 0\n-- stdout (0 bytes) --\n-- stderr (0 bytes) --\nextra").is_err());
    }

    #[test]
    fn traceback_frames_are_cut() {
        assert_eq!(
            without_traceback_frames(&sample().stderr),
            b"x\npanic: runtime error: integer divide by zero\n\ngoroutine 1 [running]:\n"
        );
        assert_eq!(without_traceback_frames(b"plain\n"), b"plain\n");
        // A deadlock: the main goroutine's header carries its wait reason;
        // other goroutines' headers and all frames are cut.
        let deadlock = b"fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send (nil chan)]:\nmain.main()\n\t/tmp/x.go:6 +0x3f\n\ngoroutine 18 [chan receive]:\n";
        assert_eq!(
            without_traceback_frames(deadlock),
            b"fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send (nil chan)]:\n"
        );
        // A fault report's program counter is masked, nothing else is.
        let fault = b"panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x47db10]\n\ngoroutine 1 [running]:\nmain.main()\n";
        assert_eq!(
            without_traceback_frames(fault),
            b"panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x?]\n\ngoroutine 1 [running]:\n"
        );
        assert_eq!(without_traceback_frames(&without_traceback_frames(fault)), without_traceback_frames(fault));
        assert_eq!(without_traceback_frames(b"x pc=0x12\n"), b"x pc=0x12\n");
        // Not headers: no number, no state, text after the colon.
        for line in [&b"goroutine [running]:\n"[..], b"goroutine 1 []:\n", b"goroutine 1 [running]: x\n", b"goroutine x1 [running]:\n"] {
            assert_eq!(without_traceback_frames(line), line);
        }
    }

    #[test]
    fn wrong_expectations_are_reported() {
        let want = sample();
        assert_eq!(compare(&want, &want), None);
        let mut got = want.clone();
        got.stderr.truncate(got.stderr.len() - 5); // only frames differ
        assert_eq!(compare(&want, &got), None);
        let mut got = want.clone();
        got.exit = 0;
        assert!(compare(&want, &got).unwrap().contains("exit status 0 (gc: 2)"));
        let mut got = want.clone();
        got.stdout.push(b'!');
        assert!(compare(&want, &got).unwrap().contains("stdout differs"));
        let mut got = want.clone();
        got.stderr[0] = b'y';
        assert!(compare(&want, &got).unwrap().contains("stderr differs"));
        // Fault reports: another pc is the same report, another addr is not.
        let fault = |addr: &str, pc: &str| RunOutput {
            exit: 2,
            stdout: Vec::new(),
            stderr: format!("panic: x\n[signal SIGSEGV: segmentation violation code=0x1 addr={addr} pc={pc}]\n\ngoroutine 1 [running]:\n").into_bytes(),
        };
        assert_eq!(compare(&fault("0x0", "0x47db10"), &fault("0x0", "0x401000")), None);
        // A golden stores the masked report; it still matches a live one.
        assert_eq!(compare(&fault("0x0", "0x?"), &fault("0x0", "0x401000")), None);
        assert!(compare(&fault("0x0", "0x47db10"), &fault("0x8", "0x47db10")).is_some());
    }
}
