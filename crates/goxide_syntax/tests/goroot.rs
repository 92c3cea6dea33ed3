//! The standard library as a corpus: every `.go` file of GOROOT/src
//! outside `testdata` parses with no diagnostic, and every `.go` file
//! under a `testdata` folder (many deliberately broken) parses without a
//! panic. Files are split over the cores; the test reports counts.
//!
//! GOROOT is `GOXIDE_TEST_GOROOT` or the setup's `.goroot-pkg/go`. The
//! counts go to the conformance snapshot.

use std::path::{Path, PathBuf};

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

fn goroot() -> PathBuf {
    goxide_testing::goroot()
}

fn walk(dir: &Path, in_testdata: bool, out: &mut Vec<(PathBuf, bool)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if p.is_dir() {
            walk(&p, in_testdata || name == "testdata", out);
        } else if name.ends_with(".go") {
            out.push((p, in_testdata));
        }
    }
}

#[test]
fn goroot_src_parses() {
    let mut files = Vec::new();
    let src_root = goroot().join("src");
    walk(&src_root, false, &mut files);
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::<String>::new());
    let (clean, broken) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((path, in_testdata)) = files.get(i) else { break };
                    let src = std::fs::read(path).unwrap();
                    let name = path.display().to_string();
                    // GOROOT packages are compiled with gc's -std policy.
                    let rel = path.strip_prefix(&src_root).unwrap();
                    let pkg = rel.parent().unwrap().to_string_lossy().into_owned();
                    let mode = goxide_syntax::parser::Mode {
                        directives: goxide_syntax::directive::Policy::for_std_package(&pkg),
                        ..Default::default()
                    };
                    let result = std::panic::catch_unwind(|| goxide_syntax::parse_file_with(&name, &src, mode).1);
                    match result {
                        Err(_) => failures.lock().unwrap().push(format!("{name}: panic")),
                        Ok(diags) if !in_testdata => {
                            clean.fetch_add(1, Ordering::Relaxed);
                            if let Some(d) = diags.first() {
                                failures.lock().unwrap().push(d.to_string());
                            }
                        }
                        Ok(_) => {
                            broken.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    println!(
        "GOROOT/src: {} files outside testdata, {} under testdata, {} failures",
        clean.load(Ordering::Relaxed),
        broken.load(Ordering::Relaxed),
        failures.len()
    );
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.iter().take(40).cloned().collect::<Vec<_>>().join("\n"));
    let (clean, broken) = (clean.load(Ordering::Relaxed), broken.load(Ordering::Relaxed));
    assert!(clean > 6000, "too few std files found");
    goxide_syntax_conformance(clean, broken);
}

fn goxide_syntax_conformance(clean: usize, broken: usize) {
    goxide_testing::conformance("syntax / GOROOT/src files outside testdata parse without diagnostics", clean, clean);
    goxide_testing::conformance("syntax / GOROOT/src testdata files parse without panic", broken, broken);
}
