//! The powers-of-ten table that build.rs computes (a port of go1.27's
//! `internal/strconv/pow10gen.go`) against the table gc ships,
//! `GOROOT/src/internal/strconv/pow10tab.go`, entry by entry.

use goxide_runtime::strconv::{POW10_MAX, POW10_MIN, POW10_TAB};

#[test]
fn pow10_table_equals_gcs() {
    let path = goxide_testing::goroot().join("src/internal/strconv/pow10tab.go");
    let src = std::fs::read_to_string(&path).unwrap();
    let bound = |name: &str| -> i32 {
        let line = src
            .lines()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap();
        line.split('=').nth(1).unwrap().trim().parse().unwrap()
    };
    assert_eq!(
        (bound("pow10Min"), bound("pow10Max")),
        (POW10_MIN, POW10_MAX)
    );
    // Entries look like `{0xfa8fd5a0081c0289, 0xe8cd3796329f1bac}, // 1e-348 * 2**1284`.
    let gc: Vec<(u64, u64)> = src
        .lines()
        .filter_map(|l| l.trim().strip_prefix("{0x"))
        .map(|rest| {
            let (hi, rest) = rest.split_once(", 0x").unwrap();
            let lo = &rest[..rest.find('}').unwrap()];
            (
                u64::from_str_radix(hi, 16).unwrap(),
                u64::from_str_radix(lo, 16).unwrap(),
            )
        })
        .collect();
    assert_eq!(gc.len(), (POW10_MAX - POW10_MIN + 1) as usize);
    for (i, (ours, theirs)) in POW10_TAB.iter().zip(&gc).enumerate() {
        assert_eq!(ours, theirs, "1e{}", POW10_MIN + i as i32);
    }
}
