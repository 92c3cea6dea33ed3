//! The signal handlers in a real process: this test re-runs its own
//! binary as a child (`GOXIDE_SIGNAL_CHILD=<scenario>`) that installs the
//! handlers, runs a goroutine through the scheduler, and faults on purpose:
//! a load from address 0, or a trap with the stack pointer just above the
//! goroutine's `stack_limit` (what Cranelift's failing prologue check
//! does). The child prints the facts the report must contain on stdout
//! before faulting; the parent checks the report on stderr (gc's words,
//! see `signals.rs`) and the exit status 2. This exercises the alternate
//! signal stack, the `ucontext_t` offsets and the current-goroutine
//! tracking on whatever architecture runs the tests (x86-64 natively,
//! aarch64 under qemu).
//!
//! Invariants: the child never returns normally from a faulting scenario;
//! the parent runs each scenario once, with a timeout-free blocking wait.

use std::process::Command;

use goxide_runtime::goroutine::G;
use goxide_runtime::sched::goxide_rt_Gosched;
use goxide_runtime::sched::testing::{go, run_with_signal_reports};

const CHILD_ENV: &str = "GOXIDE_SIGNAL_CHILD";

fn load_from_zero() {
    let p: usize = 0;
    let v: usize;
    // SAFETY: faults on purpose; the handler ends the process.
    unsafe {
        #[cfg(target_arch = "x86_64")]
        core::arch::asm!("mov {v}, qword ptr [{p}]", p = in(reg) p, v = out(reg) v);
        #[cfg(target_arch = "aarch64")]
        core::arch::asm!("ldr {v}, [{p}]", p = in(reg) p, v = out(reg) v);
    }
    std::hint::black_box(v);
}

fn trap_at_stack_limit(g: *mut G) {
    // SAFETY: reads the running goroutine's record.
    let sp = unsafe { (*g).stack_limit } + 64;
    let (lo, hi) = unsafe { ((*g).stack_lo, (*g).stack_hi) };
    println!("sp={sp:#x} stack=[{lo:#x}, {hi:#x}]");
    // SAFETY: traps on purpose with sp where a failing prologue leaves it.
    unsafe {
        #[cfg(target_arch = "x86_64")]
        core::arch::asm!("mov rsp, {sp}", "ud2", sp = in(reg) sp, options(noreturn));
        #[cfg(target_arch = "aarch64")]
        core::arch::asm!("mov sp, {sp}", "udf #0", sp = in(reg) sp, options(noreturn));
    }
}

/// A goroutine that never blocks, testing its preempt flag as compiled
/// loops do; main sleeps and must still wake up.
fn preemption(g: *mut G) {
    use std::sync::atomic::{AtomicBool, Ordering};
    static STOP: AtomicBool = AtomicBool::new(false);
    go(g, |g| {
        let t0 = std::time::Instant::now();
        let mut yields = 0u64;
        while !STOP.load(Ordering::Relaxed) {
            // SAFETY: g is this goroutine; the flag is at the contract offset.
            if unsafe { (*g).preempt.load(Ordering::Relaxed) } != 0 {
                yields += 1;
                unsafe { goxide_runtime::sched::preempt::goxide_rt_preempt(g) };
            }
            if t0.elapsed().as_secs() >= 5 {
                println!("starved");
                return;
            }
        }
        println!("spinner yielded {}", if yields > 0 { "yes" } else { "no" });
    });
    // SAFETY: g is the main goroutine.
    unsafe { goxide_runtime::sched::sleep::goxide_rt_timeSleep(g, 30_000_000) };
    println!("main woke");
    STOP.store(true, Ordering::Relaxed);
    // Let the spinner see STOP and report.
    unsafe { goxide_rt_Gosched(g) };
}

fn child(scenario: &str) -> ! {
    if scenario == "preempt" {
        let end = run_with_signal_reports(preemption);
        std::process::exit(end.code);
    }
    let scenario = scenario.to_string();
    let end = run_with_signal_reports(move |g| {
        let s = scenario.clone();
        go(g, move |g| match s.as_str() {
            "nil" => load_from_zero(),
            "overflow" => trap_at_stack_limit(g),
            _ => {}
        });
        // SAFETY: g is the main goroutine.
        unsafe { goxide_rt_Gosched(g) };
    });
    // Only an unknown scenario gets here.
    eprintln!("child scenario did not fault: {end:?}");
    std::process::exit(3)
}

fn run_child(scenario: &str) -> (String, String, Option<i32>) {
    let exe = std::env::current_exe().unwrap();
    let args = [
        "--exact",
        "signals_end_the_process_with_gcs_reports",
        "--nocapture",
        "--test-threads=1",
    ];
    let out = match Command::new(&exe)
        .args(args)
        .env(CHILD_ENV, scenario)
        .output()
    {
        // Cross-testing under qemu-user (a cargo runner): the kernel cannot
        // exec our own binary; run it through the same emulator.
        Err(e) if e.raw_os_error() == Some(8) => {
            Command::new(format!("qemu-{}", std::env::consts::ARCH))
                .arg(&exe)
                .args(args)
                .env(CHILD_ENV, scenario)
                .output()
        }
        other => other,
    }
    .expect("run the child");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

#[test]
fn signals_end_the_process_with_gcs_reports() {
    if let Ok(s) = std::env::var(CHILD_ENV) {
        child(&s);
    }

    let (_, err, code) = run_child("nil");
    assert_eq!(code, Some(2), "{err}");
    let prefix = "panic: runtime error: invalid memory address or nil pointer dereference\n\
                  [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x";
    assert!(err.starts_with(prefix), "{err}");
    assert!(err.ends_with("]\n\ngoroutine 6 [running]:\n"), "{err}");

    let (out, err, code) = run_child("preempt");
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains("main woke") && out.contains("spinner yielded yes"),
        "{out}"
    );

    let (out, err, code) = run_child("overflow");
    assert_eq!(code, Some(2), "{err}");
    // libtest's "test ... " prefix shares the line with the child's print.
    let facts = out
        .lines()
        .find_map(|l| l.find("sp=").map(|i| &l[i..]))
        .expect("the child's facts");
    let expected = format!(
        "runtime: goroutine stack exceeds 1000000000-byte limit\nruntime: {facts}\nfatal error: stack overflow\n\nruntime stack:\n\ngoroutine 6 gp=0x"
    );
    assert!(err.starts_with(&expected), "want\n{expected}\ngot\n{err}");
    assert!(err.contains(" m=0 mp=0x"), "{err}");
    assert!(err.ends_with(" [running]:\n"), "{err}");
}
