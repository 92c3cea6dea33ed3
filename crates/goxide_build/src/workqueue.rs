//! A parallel work queue over a dependency graph: each node runs once all
//! the nodes it depends on have finished, on a fixed pool of threads —
//! the shape of cmd/go's `(*Builder).Do` (`cmd/go/internal/work/exec.go`),
//! which runs a package's actions as soon as their dependencies are done,
//! up to `-p` at a time.
//!
//! Algorithm: every node counts its unfinished dependencies; nodes at zero
//! wait in a ready heap ordered by a caller-given priority (highest first,
//! then lowest index), so that, for example, packages many others wait on
//! start first. A worker takes the best ready node, runs it without any
//! lock held, stores its outcome in the node's slot, then decrements the
//! counts of the nodes that depend on it, readying those that reach zero.
//! A node's work may read the outcome of any node it depends on (those
//! slots are set before it starts). Completed nodes are reported to the
//! calling thread, in completion order, while the others still run.
//!
//! A panic in a node's work is caught and becomes that node's outcome
//! ([`Outcome::Panicked`], with the message and where it was raised); the
//! nodes depending on it still run and see it. When nothing is ready and
//! nothing runs while nodes remain, those nodes sit on (or behind) a
//! dependency cycle: they never run and their outcome is
//! [`Outcome::Cycle`].
//!
//! Invariants: every node's slot is set exactly once, before the node is
//! reported; a node never starts before all of its dependencies' slots are
//! set; `run` returns only when every worker has stopped.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex, Once, OnceLock};

/// How a node ended.
#[derive(Debug)]
pub enum Outcome<R> {
    /// The work ran and returned this.
    Done(R),
    /// The work panicked: the panic message, with its location when known.
    Panicked(String),
    /// The node depends, directly or not, on a cycle: it never ran.
    Cycle,
}

impl<R> Outcome<R> {
    /// The result, if the work ran to completion.
    pub fn done(&self) -> Option<&R> {
        match self {
            Outcome::Done(r) => Some(r),
            _ => None,
        }
    }
}

/// The outcome slots of all nodes: a node's work reads its dependencies'.
pub struct Slots<R> {
    slots: Vec<OnceLock<Outcome<R>>>,
}

impl<R> Slots<R> {
    /// Node `i`'s outcome, if it has finished.
    pub fn get(&self, i: usize) -> Option<&Outcome<R>> {
        self.slots.get(i).and_then(OnceLock::get)
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// All outcomes, in node order (every slot is set once `run` returns).
    pub fn into_outcomes(self) -> Vec<Outcome<R>> {
        self.slots.into_iter().map(|s| s.into_inner().unwrap_or(Outcome::Cycle)).collect()
    }
}

/// What the pool needs besides the graph.
#[derive(Clone, Copy, Debug)]
pub struct Pool {
    /// Worker threads (at least one is used).
    pub jobs: usize,
    /// Stack size of each worker (reserved address space, committed as
    /// touched): deeply nested input must not overflow a worker.
    pub stack_size: usize,
}

struct State {
    /// Ready nodes: (priority, Reverse(index)), best first.
    ready: BinaryHeap<(u64, Reverse<usize>)>,
    /// Unfinished dependencies per node.
    waiting: Vec<usize>,
    running: usize,
}

/// Runs `work` on every node of the graph (`deps[i]` lists the nodes node
/// `i` depends on; out-of-range entries are ignored, duplicates are fine),
/// `priority[i]` choosing among ready nodes (missing entries are 0).
/// `on_done` is called on the calling thread with each node as it
/// finishes (nodes on a cycle last, in index order). Returns all
/// outcomes.
pub fn run<R, W, D>(deps: &[Vec<usize>], priority: &[u64], pool: Pool, work: W, mut on_done: D) -> Slots<R>
where
    R: Send + Sync,
    W: Fn(usize, &Slots<R>) -> R + Sync,
    D: FnMut(usize, &Outcome<R>),
{
    let n = deps.len();
    let slots = Slots { slots: (0..n).map(|_| OnceLock::new()).collect() };
    // Deduplicated edges, both ways.
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut waiting = vec![0usize; n];
    for (i, ds) in deps.iter().enumerate() {
        let mut ds: Vec<usize> = ds.iter().copied().filter(|&d| d < n).collect();
        ds.sort_unstable();
        ds.dedup();
        waiting[i] = ds.len();
        for d in ds {
            dependents[d].push(i);
        }
    }
    let prio = |i: usize| priority.get(i).copied().unwrap_or(0);
    let ready: BinaryHeap<(u64, Reverse<usize>)> =
        (0..n).filter(|&i| waiting[i] == 0).map(|i| (prio(i), Reverse(i))).collect();
    let state = Mutex::new(State { ready, waiting, running: 0 });
    let wake = Condvar::new();
    let (tx, rx) = mpsc::channel::<usize>();

    install_quiet_panic_hook();
    std::thread::scope(|scope| {
        let worker = |tx: mpsc::Sender<usize>| {
            let was_quiet = QUIET.with(|q| q.replace(true));
            loop {
                let next = {
                    let mut st = lock(&state);
                    loop {
                        if let Some((_, Reverse(i))) = st.ready.pop() {
                            st.running += 1;
                            break Some(i);
                        }
                        if st.running == 0 {
                            break None;
                        }
                        st = wake.wait(st).unwrap_or_else(|e| e.into_inner());
                    }
                };
                let Some(i) = next else {
                    wake.notify_all();
                    QUIET.with(|q| q.set(was_quiet));
                    return;
                };
                let outcome = match panic::catch_unwind(AssertUnwindSafe(|| work(i, &slots))) {
                    Ok(r) => Outcome::Done(r),
                    Err(payload) => Outcome::Panicked(panic_message(payload.as_ref())),
                };
                let _ = slots.slots[i].set(outcome);
                let _ = tx.send(i);
                let mut st = lock(&state);
                st.running -= 1;
                for &d in &dependents[i] {
                    st.waiting[d] -= 1;
                    if st.waiting[d] == 0 {
                        st.ready.push((prio(d), Reverse(d)));
                    }
                }
                drop(st);
                wake.notify_all();
            }
        };
        let workers = pool.jobs.clamp(1, n.max(1));
        let mut started = 0;
        for _ in 0..workers {
            let tx = tx.clone();
            let spawned = std::thread::Builder::new()
                .name("goxide-work".into())
                .stack_size(pool.stack_size)
                .spawn_scoped(scope, move || worker(tx));
            if spawned.is_ok() {
                started += 1;
            }
        }
        if started == 0 {
            // No thread could start: work on this one.
            worker(tx.clone());
        }
        drop(tx);
        for i in rx {
            if let Some(o) = slots.get(i) {
                on_done(i, o);
            }
        }
    });

    for (i, slot) in slots.slots.iter().enumerate() {
        if slot.get().is_none() {
            let _ = slot.set(Outcome::Cycle);
            if let Some(o) = slot.get() {
                on_done(i, o);
            }
        }
    }
    slots
}

fn lock(m: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

thread_local! {
    /// Set on worker threads: their panics are outcomes, not printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
    /// Where the last panic on this thread was raised.
    static PANIC_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Wraps the process's panic hook, once: on a worker thread a panic
/// prints nothing and records where it was raised (the message goes into
/// the node's outcome); elsewhere the previous hook runs as before.
fn install_quiet_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) {
                let at = info.location().map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
                PANIC_AT.with(|p| *p.borrow_mut() = at);
            } else {
                previous(info);
            }
        }));
    });
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string());
    match PANIC_AT.with(|p| p.borrow_mut().take()) {
        Some(at) => format!("{msg} (panic at {at})"),
        None => msg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    const POOL: Pool = Pool { jobs: 4, stack_size: 1 << 20 };

    /// Every node starts after its dependencies, sees their results, and
    /// is reported once.
    #[test]
    fn dependencies_finish_first() {
        // 0 <- 1 <- 3, 0 <- 2 <- 3, 4 alone; 5 depends on 3 and 4.
        let deps = vec![vec![], vec![0], vec![0], vec![1, 2, 2], vec![], vec![3, 4]];
        let clock = AtomicUsize::new(0);
        let mut reported = Vec::new();
        let slots = run(
            &deps,
            &[],
            POOL,
            |i, slots: &Slots<(usize, usize)>| {
                let start = clock.fetch_add(1, Ordering::SeqCst);
                let mut sum = i;
                for &d in &deps[i] {
                    let &(_, dsum) = slots.get(d).and_then(Outcome::done).expect("dependency finished first");
                    sum += dsum;
                }
                (start, sum)
            },
            |i, _| reported.push(i),
        );
        let out: Vec<(usize, usize)> = slots.into_outcomes().into_iter().map(|o| *o.done().unwrap()).collect();
        // Sums over the dependency lists as written (node 2 is listed twice by node 3; node 0 reached along two paths).
        assert_eq!(out.iter().map(|o| o.1).collect::<Vec<_>>(), [0, 1, 2, 8, 4, 17]);
        for (i, ds) in deps.iter().enumerate() {
            for &d in ds {
                assert!(out[d].0 < out[i].0, "{d} started after its dependent {i}");
            }
        }
        reported.sort();
        assert_eq!(reported, [0, 1, 2, 3, 4, 5]);
    }

    /// With one worker, the ready node of highest priority runs first.
    #[test]
    fn priority_orders_ready_nodes() {
        let deps = vec![vec![], vec![], vec![], vec![0]];
        let order = Mutex::new(Vec::new());
        run(&deps, &[1, 5, 3, 9], Pool { jobs: 1, stack_size: 1 << 20 }, |i, _: &Slots<()>| order.lock().unwrap().push(i), |_, _| {});
        assert_eq!(*order.lock().unwrap(), [1, 2, 0, 3]);
    }

    /// A panic is the node's outcome; dependents still run; a cycle and
    /// what depends on it never run.
    #[test]
    fn panics_and_cycles_are_outcomes() {
        // 0 panics; 1 depends on 0; 2 <-> 3 form a cycle; 4 depends on 3.
        let deps = vec![vec![], vec![0], vec![3], vec![2], vec![3]];
        let ran = Mutex::new(Vec::new());
        let mut reported = Vec::new();
        let slots = run(
            &deps,
            &[],
            POOL,
            |i, slots: &Slots<bool>| {
                ran.lock().unwrap().push(i);
                if i == 0 {
                    panic!("boom {}", 7);
                }
                matches!(slots.get(0), Some(Outcome::Panicked(_)))
            },
            |i, _| reported.push(i),
        );
        let out = slots.into_outcomes();
        match &out[0] {
            Outcome::Panicked(m) => assert!(m.starts_with("boom 7 (panic at ") && m.contains("workqueue.rs"), "{m}"),
            o => panic!("{o:?}"),
        }
        assert!(matches!(out[1], Outcome::Done(true)));
        assert!(matches!(out[2], Outcome::Cycle) && matches!(out[3], Outcome::Cycle) && matches!(out[4], Outcome::Cycle));
        let mut ran = ran.into_inner().unwrap();
        ran.sort();
        assert_eq!(ran, [0, 1]);
        assert_eq!(&reported[2..], [2, 3, 4]);
    }

    #[test]
    fn empty_graph() {
        let slots = run(&[], &[], POOL, |_, _: &Slots<()>| (), |_, _| {});
        assert!(slots.is_empty());
    }
}
