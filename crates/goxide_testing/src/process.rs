//! Running programs from tests: one child process with a time limit and its
//! output captured ([`run_with_timeout`]), and a small work pool that runs a
//! function over many inputs a few at a time, results in input order
//! ([`map_parallel`]).
//!
//! Both exist because every corpus harness (the golden corpora, the types2
//! corpus, the go/types differential) runs goxide hundreds of times and must
//! tell a hang from a failure. The child's stdin is a pipe closed at once
//! rather than `Stdio::null()`: no dependence on /dev/null being a device
//! (on shared machines it may not be). stdout and stderr are drained on
//! their own threads so that a chatty child never blocks on a full pipe.

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// What a child process did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Captured {
    /// Exit code; None if killed by a signal or by the time limit.
    pub exit: Option<i32>,
    /// The time limit was reached and the child was killed.
    pub timed_out: bool,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Runs `cmd` (stdin closed, stdout and stderr captured), killing it after
/// `timeout`. Panics only when the program cannot be started at all.
pub fn run_with_timeout(cmd: &mut Command, timeout: Duration) -> Captured {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {:?}: {e}", cmd.get_program()));
    drop(child.stdin.take());
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = out.read_to_end(&mut b);
        b
    });
    let err_t = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = err.read_to_end(&mut b);
        b
    });
    let deadline = Instant::now() + timeout;
    let (status, timed_out) = loop {
        match child.try_wait() {
            Ok(Some(st)) => break (Some(st), false),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break (None, true);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => panic!("waiting for {:?}: {e}", cmd.get_program()),
        }
    };
    Captured {
        exit: status.and_then(|s| s.code()),
        timed_out,
        stdout: out_t.join().unwrap(),
        stderr: err_t.join().unwrap(),
    }
}

/// How many inputs [`map_parallel`] works on at once: the machine's
/// parallelism, at most 4.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(4)
}

/// Applies `f` to every item, `jobs` at a time; results in input order.
pub fn map_parallel<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let slots: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..jobs.max(1).min(items.len().max(1)) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= items.len() {
                        break;
                    }
                    let r = f(&items[i]);
                    *slots[i].lock().unwrap() = Some(r);
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|m| m.into_inner().unwrap().expect("every item was mapped"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_output_and_exit_code() {
        let c = run_with_timeout(
            Command::new("sh").args(["-c", "echo out; echo err >&2; exit 3"]),
            Duration::from_secs(10),
        );
        assert_eq!(c.exit, Some(3));
        assert!(!c.timed_out);
        assert_eq!(c.stdout, b"out\n");
        assert_eq!(c.stderr, b"err\n");
    }

    #[test]
    fn kills_a_hang() {
        let c = run_with_timeout(Command::new("sleep").arg("30"), Duration::from_millis(200));
        assert!(c.timed_out);
        assert_eq!(c.exit, None);
    }

    #[test]
    fn map_keeps_order() {
        let items: Vec<u32> = (0..50).collect();
        assert_eq!(
            map_parallel(&items, 3, |x| x * 2),
            (0..50).map(|x| x * 2).collect::<Vec<_>>()
        );
        assert!(map_parallel(&[] as &[u32], 3, |x| *x).is_empty());
    }
}
