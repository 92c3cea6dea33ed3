//! The benchmark runner every bench of `bench/` shares: it times whole
//! processes ("contenders"), runs them alternately, and prints medians and
//! ratios.
//!
//! How: each run spawns the contender's command, reads its stdout and
//! stderr to the end on two threads, and reaps it with `wait4(2)`, whose
//! `rusage` gives that one child's CPU time and peak resident set size.
//! Wall time runs from just before the spawn to the reaping. Rounds
//! alternate the contenders (round `r` starts at contender `r mod n`, so no
//! contender is always first after another's cache-warming or heat), which
//! on a shared, noisy machine matters more than the run count.
//!
//! Invariants:
//! - Nothing here asserts on a time: a bench prints medians and ratios, and
//!   a human (or an issue's acceptance line) reads them.
//! - Every [`Series`] holds exactly one [`Sample`] per completed round; a run
//!   that the caller's check rejects stops the whole bench with its error
//!   (a wrong answer is never timed as if it were a right one).
//! - Medians of an even count are the mean of the two middle values.

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One command to time: what is run, and the label the tables print.
#[derive(Clone, Debug)]
pub struct Contender {
    pub label: String,
    pub program: PathBuf,
    pub args: Vec<OsString>,
    /// Environment variables set (over the inherited environment).
    pub env: Vec<(OsString, OsString)>,
}

impl Contender {
    pub fn new(label: impl Into<String>, program: impl Into<PathBuf>) -> Contender {
        Contender {
            label: label.into(),
            program: program.into(),
            args: Vec::new(),
            env: Vec::new(),
        }
    }

    /// Sets an environment variable for the contender's runs.
    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Contender {
        self.env
            .push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Contender {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    /// The command line as a shell would show it (for error messages).
    pub fn command_line(&self) -> String {
        let mut s = self.program.display().to_string();
        for a in &self.args {
            s.push(' ');
            s.push_str(&a.to_string_lossy());
        }
        s
    }
}

/// How a finished process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitKind {
    Code(i32),
    Signal(i32),
}

impl std::fmt::Display for ExitKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExitKind::Code(c) => write!(f, "exit status {c}"),
            ExitKind::Signal(s) => write!(f, "killed by signal {s}"),
        }
    }
}

/// One finished run of a contender.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub wall: Duration,
    /// User plus system CPU time of the process (and of any children it
    /// reaped itself).
    pub cpu: Duration,
    /// Peak resident set size, in bytes (Linux reports KiB; converted).
    pub peak_rss: u64,
    pub exit: ExitKind,
    pub stdout: String,
    /// At most the last [`STDERR_TAIL_BYTES`] of stderr (all of it is read).
    pub stderr_tail: String,
}

/// How much of a run's stderr is kept for error messages.
pub const STDERR_TAIL_BYTES: usize = 4096;

impl Outcome {
    /// The last non-empty line of stdout, trimmed.
    pub fn last_stdout_line(&self) -> Option<&str> {
        self.stdout.lines().map(str::trim).rfind(|l| !l.is_empty())
    }

    /// A description of the run for an error message: how it ended and the
    /// end of its stderr.
    pub fn describe(&self) -> String {
        let mut s = format!("{}", self.exit);
        if !self.stderr_tail.trim().is_empty() {
            let _ = write!(s, "; end of stderr:\n{}", self.stderr_tail.trim_end());
        }
        s
    }
}

/// Runs `contender` once to the end and measures it.
pub fn run_once(contender: &Contender) -> Result<Outcome, String> {
    let start = Instant::now();
    let mut child = Command::new(&contender.program)
        .args(&contender.args)
        .envs(contender.env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", contender.command_line()))?;
    let mut stdout_pipe = child.stdout.take().expect("stdout is piped");
    let mut stderr_pipe = child.stderr.take().expect("stderr is piped");
    let stdout_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout_pipe.read_to_end(&mut buf);
        buf
    });
    let stderr_reader = std::thread::spawn(move || read_tail(&mut stderr_pipe, STDERR_TAIL_BYTES));

    // Reap with wait4 rather than Child::wait: it is the one call that gives
    // this child's own rusage. `child` is then dropped unwaited, which std
    // allows (dropping a Child neither waits nor kills).
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; zeroed is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our unreaped child; both pointers are valid for the call.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("wait4 on {}: {err}", contender.command_line()));
        }
    }
    let wall = start.elapsed();
    drop(child);

    let stdout = stdout_reader
        .join()
        .map_err(|_| "stdout reader panicked".to_string())?;
    let stderr_tail = stderr_reader
        .join()
        .map_err(|_| "stderr reader panicked".to_string())?;
    let exit = if libc::WIFEXITED(status) {
        ExitKind::Code(libc::WEXITSTATUS(status))
    } else {
        ExitKind::Signal(libc::WTERMSIG(status))
    };
    Ok(Outcome {
        wall,
        cpu: timeval(usage.ru_utime) + timeval(usage.ru_stime),
        peak_rss: (usage.ru_maxrss.max(0) as u64) * 1024,
        exit,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr_tail: String::from_utf8_lossy(&stderr_tail).into_owned(),
    })
}

fn timeval(tv: libc::timeval) -> Duration {
    Duration::new(tv.tv_sec.max(0) as u64, (tv.tv_usec.max(0) as u32) * 1000)
}

/// Reads `r` to its end and returns its last `keep` bytes.
fn read_tail(r: &mut impl Read, keep: usize) -> Vec<u8> {
    let mut tail = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        match r.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                tail.extend_from_slice(&chunk[..n]);
                if tail.len() > 2 * keep {
                    tail.drain(..tail.len() - keep);
                }
            }
        }
    }
    if tail.len() > keep {
        tail.drain(..tail.len() - keep);
    }
    tail
}

/// One measurement of a series (the stdout and stderr are not kept).
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    pub wall: Duration,
    pub cpu: Duration,
    pub peak_rss: u64,
}

/// All the samples of one contender, in round order.
#[derive(Clone, Debug)]
pub struct Series {
    pub label: String,
    pub samples: Vec<Sample>,
}

impl Series {
    pub fn median_wall(&self) -> Duration {
        median_duration(self.samples.iter().map(|s| s.wall))
    }
    pub fn min_wall(&self) -> Duration {
        self.samples
            .iter()
            .map(|s| s.wall)
            .min()
            .unwrap_or_default()
    }
    pub fn max_wall(&self) -> Duration {
        self.samples
            .iter()
            .map(|s| s.wall)
            .max()
            .unwrap_or_default()
    }
    pub fn median_cpu(&self) -> Duration {
        median_duration(self.samples.iter().map(|s| s.cpu))
    }
    pub fn median_peak_rss(&self) -> u64 {
        let mut v: Vec<u64> = self.samples.iter().map(|s| s.peak_rss).collect();
        v.sort_unstable();
        match v.len() {
            0 => 0,
            n if n % 2 == 1 => v[n / 2],
            n => (v[n / 2 - 1] + v[n / 2]) / 2,
        }
    }
}

fn median_duration(values: impl Iterator<Item = Duration>) -> Duration {
    let mut v: Vec<Duration> = values.collect();
    v.sort_unstable();
    match v.len() {
        0 => Duration::ZERO,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2,
    }
}

/// Runs every contender `runs` times, alternating (see the module header),
/// and returns one series per contender, in the order given. `check` sees
/// each outcome and rejects a wrong one with a message, which ends the
/// bench. Progress goes to stderr, one dot per run.
pub fn run_alternating(
    contenders: &[Contender],
    runs: usize,
    check: impl Fn(usize, &Outcome) -> Result<(), String>,
) -> Result<Vec<Series>, String> {
    let labels: Vec<&str> = contenders.iter().map(|c| c.label.as_str()).collect();
    run_rounds(&labels, runs, |i| {
        let outcome = run_once(&contenders[i])?;
        check(i, &outcome)?;
        Ok(outcome)
    })
}

/// The alternation itself: `runs` rounds over the contenders named by
/// `labels`, round `r` starting at contender `r mod n`; `run(i)` times
/// contender `i` once (and may do untimed work around the timed run).
/// An error ends the bench, named with the contender and the round.
pub fn run_rounds(
    labels: &[&str],
    runs: usize,
    mut run: impl FnMut(usize) -> Result<Outcome, String>,
) -> Result<Vec<Series>, String> {
    let n = labels.len();
    let mut series: Vec<Series> = labels
        .iter()
        .map(|l| Series {
            label: l.to_string(),
            samples: Vec::with_capacity(runs),
        })
        .collect();
    if let Some(load) = load_average() {
        eprintln!(
            "  load average before: {load} (other work on these cores skews every contender)"
        );
    }
    eprint!("  {runs} rounds of {n}: ");
    for round in 0..runs {
        for k in 0..n {
            let i = (round + k) % n;
            let outcome = run(i).map_err(|e| format!("{} (round {}): {e}", labels[i], round + 1))?;
            series[i].samples.push(Sample {
                wall: outcome.wall,
                cpu: outcome.cpu,
                peak_rss: outcome.peak_rss,
            });
            eprint!(".");
        }
        eprint!(" ");
    }
    eprintln!();
    Ok(series)
}

/// The 1, 5 and 15 minute load averages (`/proc/loadavg`), if readable.
pub fn load_average() -> Option<String> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(
        text.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Prints the table of a group of series: median, min and max wall time,
/// CPU time over wall time (how many cores were busy), median peak RSS, and
/// with `bytes_processed` the throughput in MB/s (10^6 bytes per second of
/// median wall time).
pub fn print_table(series: &[Series], bytes_processed: Option<u64>) {
    let width = series
        .iter()
        .map(|s| s.label.len())
        .max()
        .unwrap_or(0)
        .max(9);
    let mut header = format!(
        "  {:<width$}  {:>9}  {:>9}  {:>9}  {:>8}  {:>10}",
        "contender", "median", "min", "max", "cpu/wall", "peak RSS"
    );
    if bytes_processed.is_some() {
        let _ = write!(header, "  {:>8}", "MB/s");
    }
    println!("{header}");
    for s in series {
        let median = s.median_wall();
        let cores = if median.is_zero() {
            0.0
        } else {
            s.median_cpu().as_secs_f64() / median.as_secs_f64()
        };
        let mut line = format!(
            "  {:<width$}  {:>9}  {:>9}  {:>9}  {:>7.2}×  {:>6.1} MiB",
            s.label,
            seconds(median),
            seconds(s.min_wall()),
            seconds(s.max_wall()),
            cores,
            s.median_peak_rss() as f64 / (1024.0 * 1024.0),
        );
        if let Some(bytes) = bytes_processed {
            let mbps = if median.is_zero() {
                0.0
            } else {
                bytes as f64 / 1e6 / median.as_secs_f64()
            };
            let _ = write!(line, "  {mbps:>8.1}");
        }
        println!("{line}");
    }
}

fn seconds(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

/// `slower`'s median wall time over `faster`'s: how many times faster
/// `faster` is (above 1 when it is). Per-round ratios, which pair runs of
/// the same round, give the spread.
pub struct Ratio {
    pub of_medians: f64,
    pub per_round_min: f64,
    pub per_round_max: f64,
}

pub fn ratio(slower: &Series, faster: &Series) -> Ratio {
    let of_medians = slower.median_wall().as_secs_f64() / faster.median_wall().as_secs_f64();
    let per_round: Vec<f64> = slower
        .samples
        .iter()
        .zip(&faster.samples)
        .map(|(s, f)| s.wall.as_secs_f64() / f.wall.as_secs_f64())
        .collect();
    Ratio {
        of_medians,
        per_round_min: per_round.iter().copied().fold(f64::INFINITY, f64::min),
        per_round_max: per_round.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    }
}

/// Prints `name = X.XX×  (per round A.AA×–B.BB×)`, with `goal` (e.g. 3.0)
/// stated as met or not. It is information, never an assertion.
pub fn print_ratio(name: &str, slower: &Series, faster: &Series, goal: Option<f64>) {
    let r = ratio(slower, faster);
    let mut line = format!(
        "  {name} = {:.2}×  (per round {:.2}×–{:.2}×)",
        r.of_medians, r.per_round_min, r.per_round_max
    );
    if let Some(goal) = goal {
        let verdict = if r.of_medians >= goal {
            "met"
        } else {
            "NOT met"
        };
        let _ = write!(line, "  goal ≥ {goal}×: {verdict}");
    }
    println!("{line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(walls_ms: &[u64]) -> Series {
        Series {
            label: "x".into(),
            samples: walls_ms
                .iter()
                .map(|&ms| Sample {
                    wall: Duration::from_millis(ms),
                    cpu: Duration::from_millis(ms),
                    peak_rss: ms,
                })
                .collect(),
        }
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(
            series(&[30, 10, 20]).median_wall(),
            Duration::from_millis(20)
        );
        assert_eq!(
            series(&[40, 10, 20, 30]).median_wall(),
            Duration::from_millis(25)
        );
        assert_eq!(series(&[40, 10, 20, 30]).median_peak_rss(), 25);
        assert_eq!(series(&[]).median_wall(), Duration::ZERO);
    }

    #[test]
    fn ratio_pairs_rounds() {
        let r = ratio(&series(&[30, 60]), &series(&[10, 30]));
        assert!((r.of_medians - 45.0 / 20.0).abs() < 1e-9);
        assert!((r.per_round_min - 2.0).abs() < 1e-9);
        assert!((r.per_round_max - 3.0).abs() < 1e-9);
    }

    #[test]
    fn run_once_reports_exit_stdout_and_stderr_tail() {
        let c = Contender::new("sh", "/bin/sh")
            .arg("-c")
            .arg("echo out; echo err >&2; exit 3");
        let o = run_once(&c).unwrap();
        assert_eq!(o.exit, ExitKind::Code(3));
        assert_eq!(o.last_stdout_line(), Some("out"));
        assert_eq!(o.stderr_tail.trim(), "err");
        assert!(o.peak_rss > 0);
    }

    #[test]
    fn read_tail_keeps_the_end() {
        let data: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        let tail = read_tail(&mut &data[..], 1000);
        assert_eq!(tail, &data[data.len() - 1000..]);
    }
}
