//! Goroutines, channels and select against the reference go: each case is
//! a Go program, built with gc and run under `GOMAXPROCS=1`, and the same
//! program written with the runtime's test shim
//! (`goxide_runtime::sched::testing`: Rust closures as goroutines through
//! the real scheduler, switch and channel code). What the program prints
//! (the shim's lines stand for `println`), its deadlock or panic report
//! and its exit status must be gc's. gc's reports carry traceback frames
//! after each `goroutine N [...]:` header; those are cut before comparing
//! (the runtime prints headers only until the unwinder lands). gc varies
//! a little from run to run, so ours must match one of a few gc runs.
//!
//! Invariants: the reference go builds only these programs, with HOME in a
//! temporary directory (telemetry off) and GOCACHE in the cargo target's
//! tmp dir; the temporary directory is removed afterwards.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;

use goxide_runtime::chan::{
    Hchan, goxide_rt_chanrecv2, goxide_rt_chansend1, goxide_rt_closechan, goxide_rt_makechan,
};
use goxide_runtime::goroutine::G;
use goxide_testing::gobuild::{build_with_reference_go, GoPackage};
use goxide_runtime::sched::sleep::goxide_rt_timeSleep;
use goxide_runtime::sched::testing::{chan_type, go, run};
use goxide_runtime::sched::{goxide_rt_Gosched, goxide_rt_block};
use goxide_runtime::select::{Scase, goxide_rt_selectgo};

struct TempDir(PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Outcome {
    stdout_and_stderr: String,
    code: Option<i32>,
}

/// Builds `src` with the reference go; the program's path.
fn build_reference(dir: &Path, name: &str, src: &str) -> PathBuf {
    let pkg = GoPackage { module: "scheddiff", files: &[("main.go", src)], build_args: &[] };
    let gocache = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gocache");
    build_with_reference_go(dir, name, &pkg, &gocache, &dir.join(name).join("prog"))
}

/// How many times a reference program may run before its output is
/// taken as differing from ours: gc itself is not deterministic here (its
/// background goroutines and sysmon can shift a scheduling tick, and
/// sleeps race with a loaded machine), so ours must equal one of gc's
/// runs, not a particular one.
const REFERENCE_RUNS: usize = 3;

/// Runs a reference program with GOMAXPROCS=1: its stderr (where println
/// writes) with traceback frames cut, and its exit code.
fn run_reference(prog: &Path) -> Outcome {
    let run = Command::new(prog)
        .env("GOMAXPROCS", "1")
        .output()
        .expect("run the reference program");
    assert!(
        run.stdout.is_empty(),
        "{}: the programs print with println",
        prog.display()
    );
    Outcome {
        stdout_and_stderr: cut_frames(&String::from_utf8_lossy(&run.stderr)),
        code: run.status.code(),
    }
}

/// Drops the traceback frames: every line after a `goroutine N [...]:` or
/// `runtime stack:` header up to the next blank line.
fn cut_frames(s: &str) -> String {
    let mut out = String::new();
    let mut in_frames = false;
    for line in s.split_inclusive('\n') {
        if in_frames {
            if line == "\n" {
                in_frames = false;
                out.push_str(line);
            }
            continue;
        }
        out.push_str(line);
        if line.starts_with("goroutine ") && line.trim_end().ends_with("]:") {
            in_frames = true;
        }
    }
    out
}

/// What the shim's program printed, then its report; its exit code.
fn run_ours(main: impl FnOnce(*mut G, Printer) + 'static) -> Outcome {
    let printed: Printer = Rc::new(RefCell::new(String::new()));
    let p = printed.clone();
    let end = run(move |g| main(g, p));
    let mut text = printed.borrow().clone();
    text.push_str(&String::from_utf8_lossy(&end.stderr));
    Outcome {
        stdout_and_stderr: text,
        code: Some(end.code),
    }
}

type Printer = Rc<RefCell<String>>;

fn println(p: &Printer, line: String) {
    p.borrow_mut().push_str(&line);
    p.borrow_mut().push('\n');
}

fn make(g: *mut G, cap: i64) -> *mut Hchan {
    unsafe { goxide_rt_makechan(g, chan_type(8, 8), cap) }
}
fn send(g: *mut G, c: *mut Hchan, v: i64) {
    unsafe { goxide_rt_chansend1(g, c, &v as *const i64 as *const u8) }
}
fn recv(g: *mut G, c: *mut Hchan) -> (i64, bool) {
    let mut v = 0i64;
    let ok = unsafe { goxide_rt_chanrecv2(g, c, &mut v as *mut i64 as *mut u8) };
    (v, ok)
}
fn gosched(g: *mut G) {
    unsafe { goxide_rt_Gosched(g) }
}
/// A select of receives only: (chosen, value, ok).
fn select_recv(g: *mut G, cs: &[*mut Hchan], block: bool) -> (i64, i64, bool) {
    let mut got = vec![0i64; cs.len()];
    let mut cases: Vec<Scase> = cs
        .iter()
        .enumerate()
        .map(|(k, &c)| Scase {
            c,
            elem: &mut got[k] as *mut i64 as *mut u8,
        })
        .collect();
    let mut order = vec![0u16; 2 * cs.len()];
    let r = unsafe {
        goxide_rt_selectgo(
            g,
            cases.as_mut_ptr(),
            order.as_mut_ptr(),
            0,
            cs.len() as i64,
            block,
        )
    };
    let v = if r.first >= 0 {
        got[r.first as usize]
    } else {
        0
    };
    (r.first, v, r.second != 0)
}

type Case = (&'static str, &'static str, Box<dyn FnOnce(*mut G, Printer)>);

fn cases() -> Vec<Case> {
    vec![
        (
            "deadlock_main",
            "package main\n\nfunc main() {\n\tc := make(chan int)\n\t<-c\n}\n",
            Box::new(|g, _| {
                let c = make(g, 0);
                recv(g, c);
            }),
        ),
        (
            "deadlock_many",
            r#"package main

func main() {
	c := make(chan int)
	var n chan int
	for i := 0; i < 3; i++ {
		go func() { c <- 1 }()
	}
	go func() { <-n }()
	go func() { select {} }()
	go func() {
		for {
			<-c
		}
	}()
	go func() { n <- 1 }()
	d := make(chan int)
	<-d
}
"#,
            Box::new(|g, _| {
                let c = make(g, 0);
                let n: *mut Hchan = std::ptr::null_mut();
                for _ in 0..3 {
                    go(g, move |g| send(g, c, 1));
                }
                go(g, move |g| {
                    recv(g, n);
                });
                go(g, |g| unsafe { goxide_rt_block(g) });
                go(g, move |g| {
                    loop {
                        recv(g, c);
                    }
                });
                go(g, move |g| send(g, n, 1));
                let d = make(g, 0);
                recv(g, d);
            }),
        ),
        (
            "deadlock_select",
            "package main\n\nfunc main() {\n\tc := make(chan int)\n\td := make(chan int)\n\tgo func() { c <- 1 }()\n\tselect {\n\tcase <-d:\n\tcase d <- 2:\n\t}\n}\n",
            Box::new(|g, _| {
                let (c, d) = (make(g, 0), make(g, 0));
                go(g, move |g| send(g, c, 1));
                let mut two = 2i64;
                let mut sink = 0i64;
                let mut cases = [
                    Scase {
                        c: d,
                        elem: &mut two as *mut i64 as *mut u8,
                    },
                    Scase {
                        c: d,
                        elem: &mut sink as *mut i64 as *mut u8,
                    },
                ];
                let mut order = [0u16; 4];
                unsafe {
                    goxide_rt_selectgo(g, cases.as_mut_ptr(), order.as_mut_ptr(), 1, 1, true)
                };
            }),
        ),
        (
            "handoff_order",
            "package main\n\nfunc main() {\n\tc := make(chan int)\n\tgo func() {\n\t\tfor i := 1; i <= 3; i++ {\n\t\t\tc <- i\n\t\t\tprintln(-i)\n\t\t}\n\t}()\n\tfor i := 0; i < 3; i++ {\n\t\tprintln(<-c)\n\t}\n}\n",
            Box::new(|g, p| {
                let c = make(g, 0);
                let p2 = p.clone();
                go(g, move |g| {
                    for i in 1..=3 {
                        send(g, c, i);
                        println(&p2, format!("{}", -i));
                    }
                });
                for _ in 0..3 {
                    let v = recv(g, c).0;
                    println(&p, format!("{v}"));
                }
            }),
        ),
        (
            "close_wakes_all",
            "package main\n\nimport \"runtime\"\n\nfunc main() {\n\tc := make(chan int)\n\tfor i := 0; i < 4; i++ {\n\t\tgo func(id int) { v, ok := <-c; println(id, v, ok) }(i)\n\t}\n\truntime.Gosched()\n\tclose(c)\n\truntime.Gosched()\n\tprintln(\"done\")\n}\n",
            Box::new(|g, p| {
                let c = make(g, 0);
                for id in 0..4 {
                    let p2 = p.clone();
                    go(g, move |g| {
                        let (v, ok) = recv(g, c);
                        println(&p2, format!("{id} {v} {ok}"));
                    });
                }
                gosched(g);
                unsafe { goxide_rt_closechan(g, c) };
                gosched(g);
                println(&p, "done".into());
            }),
        ),
        (
            "buffered_pipeline",
            r#"package main

func main() {
	jobs := make(chan int, 2)
	results := make(chan int, 5)
	done := make(chan bool)
	for w := 1; w <= 2; w++ {
		go func(w int) {
			for j := range jobs {
				println("worker", w, "job", j)
				results <- j * 10
			}
			done <- true
		}(w)
	}
	for j := 1; j <= 5; j++ {
		jobs <- j
		println("queued", j)
	}
	close(jobs)
	<-done
	<-done
	close(results)
	for r := range results {
		println(r)
	}
}
"#,
            Box::new(|g, p| {
                let (jobs, results, done) = (make(g, 2), make(g, 5), make(g, 0));
                for w in 1..=2 {
                    let p2 = p.clone();
                    go(g, move |g| {
                        loop {
                            let (j, ok) = recv(g, jobs);
                            if !ok {
                                break;
                            }
                            println(&p2, format!("worker {w} job {j}"));
                            send(g, results, j * 10);
                        }
                        send(g, done, 1);
                    });
                }
                for j in 1..=5 {
                    send(g, jobs, j);
                    println(&p, format!("queued {j}"));
                }
                unsafe { goxide_rt_closechan(g, jobs) };
                recv(g, done);
                recv(g, done);
                unsafe { goxide_rt_closechan(g, results) };
                loop {
                    let (r, ok) = recv(g, results);
                    if !ok {
                        break;
                    }
                    println(&p, format!("{r}"));
                }
            }),
        ),
        (
            "select_loop",
            r#"package main

func main() {
	a := make(chan int)
	b := make(chan int)
	quit := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			a <- i
			b <- 10 + i
		}
		close(quit)
	}()
	n := 0
	for {
		select {
		case v := <-a:
			println("a", v)
		case v := <-b:
			println("b", v)
		case _, ok := <-quit:
			println("quit", ok)
			n++
		}
		if n > 0 {
			break
		}
	}
}
"#,
            Box::new(|g, p| {
                let (a, b, quit) = (make(g, 0), make(g, 0), make(g, 0));
                go(g, move |g| {
                    for i in 0..3 {
                        send(g, a, i);
                        send(g, b, 10 + i);
                    }
                    unsafe { goxide_rt_closechan(g, quit) };
                });
                loop {
                    let (k, v, ok) = select_recv(g, &[a, b, quit], true);
                    match k {
                        0 => println(&p, format!("a {v}")),
                        1 => println(&p, format!("b {v}")),
                        _ => {
                            println(&p, format!("quit {ok}"));
                            break;
                        }
                    }
                }
            }),
        ),
        (
            "sleep_order",
            "package main\n\nimport \"time\"\n\nfunc main() {\n\tdone := make(chan int)\n\tfor _, ms := range []int{300, 100, 200} {\n\t\tgo func() { time.Sleep(time.Duration(ms) * time.Millisecond); done <- ms }()\n\t}\n\tfor i := 0; i < 3; i++ {\n\t\tprintln(<-done)\n\t}\n}\n",
            Box::new(|g, p| {
                let done = make(g, 0);
                for ms in [300i64, 100, 200] {
                    go(g, move |g| {
                        unsafe { goxide_rt_timeSleep(g, ms * 1_000_000) };
                        send(g, done, ms);
                    });
                }
                for _ in 0..3 {
                    let v = recv(g, done).0;
                    println(&p, format!("{v}"));
                }
            }),
        ),
        (
            "spawn_order_past_the_local_queue",
            "package main\n\nfunc main() {\n\tc := make(chan int)\n\tq := make(chan int)\n\tfor i := 0; i < 600; i++ {\n\t\tgo func(i int) {\n\t\t\tif i%7 == 0 {\n\t\t\t\tq <- i\n\t\t\t}\n\t\t\tc <- i\n\t\t}(i)\n\t}\n\tgo func() {\n\t\tfor {\n\t\t\tv := <-q\n\t\t\tprint(\"q\", v, \" \")\n\t\t}\n\t}()\n\tfor i := 0; i < 600; i++ {\n\t\tprint(<-c, \" \")\n\t}\n\tprintln()\n}\n",
            Box::new(|g, p| {
                let (c, q) = (make(g, 0), make(g, 0));
                for i in 0..600 {
                    go(g, move |g| {
                        if i % 7 == 0 {
                            send(g, q, i);
                        }
                        send(g, c, i);
                    });
                }
                let p2 = p.clone();
                go(g, move |g| {
                    loop {
                        let v = recv(g, q).0;
                        p2.borrow_mut().push_str(&format!("q{v} "));
                    }
                });
                for _ in 0..600 {
                    let v = recv(g, c).0;
                    p.borrow_mut().push_str(&format!("{v} "));
                }
                p.borrow_mut().push('\n');
            }),
        ),
        (
            "fairness_tick",
            "package main\n\nimport \"runtime\"\n\nfunc main() {\n\tn := 0\n\tfor i := 0; i < 200; i++ {\n\t\tgo func() { n++ }()\n\t}\n\truntime.Gosched()\n\tprintln(\"main resumed after\", n)\n}\n",
            Box::new(|g, p| {
                let n = Rc::new(RefCell::new(0));
                for _ in 0..200 {
                    let n2 = n.clone();
                    go(g, move |_| *n2.borrow_mut() += 1);
                }
                gosched(g);
                println(&p, format!("main resumed after {}", n.borrow()));
            }),
        ),
        (
            "send_on_closed",
            "package main\n\nfunc main() {\n\tc := make(chan int, 1)\n\tclose(c)\n\tc <- 1\n}\n",
            Box::new(|g, _| {
                let c = make(g, 1);
                unsafe { goxide_rt_closechan(g, c) };
                send(g, c, 1);
            }),
        ),
        (
            "close_closed_in_goroutine",
            "package main\n\nfunc main() {\n\tc := make(chan int)\n\tclose(c)\n\tgo func() { close(c) }()\n\tselect {}\n}\n",
            Box::new(|g, _| {
                let c = make(g, 0);
                unsafe { goxide_rt_closechan(g, c) };
                go(g, move |g| unsafe { goxide_rt_closechan(g, c) });
                unsafe { goxide_rt_block(g) };
            }),
        ),
        (
            "makechan_negative",
            "package main\n\nfunc main() {\n\tn := -1\n\t_ = make(chan int, n)\n}\n",
            Box::new(|g, _| {
                make(g, -1);
            }),
        ),
        (
            "select_default_nil",
            "package main\n\nfunc main() {\n\tvar c chan int\n\tselect {\n\tcase v := <-c:\n\t\tprintln(v)\n\tdefault:\n\t\tprintln(\"default\")\n\t}\n\td := make(chan int, 1)\n\td <- 5\n\tselect {\n\tcase v, ok := <-d:\n\t\tprintln(v, ok)\n\tdefault:\n\t\tprintln(\"default\")\n\t}\n}\n",
            Box::new(|g, p| {
                let (k, _, _) = select_recv(g, &[std::ptr::null_mut()], false);
                println(
                    &p,
                    if k < 0 {
                        "default".into()
                    } else {
                        "case".into()
                    },
                );
                let d = make(g, 1);
                send(g, d, 5);
                let (k, v, ok) = select_recv(g, &[d], false);
                println(
                    &p,
                    if k < 0 {
                        "default".into()
                    } else {
                        format!("{v} {ok}")
                    },
                );
            }),
        ),
    ]
}

#[test]
fn goroutines_channels_and_select_behave_as_gc() {
    let dir =
        TempDir(std::env::temp_dir().join(format!("goxide-scheddiff-{}", std::process::id())));
    let mut failures = Vec::new();
    let all = cases();
    let n = all.len();
    for (name, src, ours) in all {
        let prog = build_reference(&dir.0, name, src);
        let ours = run_ours(ours);
        let mut theirs = run_reference(&prog);
        for _ in 1..REFERENCE_RUNS {
            if theirs.stdout_and_stderr == ours.stdout_and_stderr && theirs.code == ours.code {
                break;
            }
            theirs = run_reference(&prog);
        }
        if theirs.stdout_and_stderr != ours.stdout_and_stderr || theirs.code != ours.code {
            failures.push(format!(
                "{name}: gc (exit {:?}):\n{}\nours (exit {:?}):\n{}",
                theirs.code, theirs.stdout_and_stderr, ours.code, ours.stdout_and_stderr
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn frames_are_cut_but_headers_kept() {
    let gc = "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n\t/x.go:2 +0x25\n\ngoroutine 18 [chan send]:\nmain.main.func1()\n\t/x.go:2 +0x36\ncreated by main.main in goroutine 1\n\t/x.go:2 +0x58\n";
    assert_eq!(
        cut_frames(gc),
        "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n\ngoroutine 18 [chan send]:\n"
    );
}
