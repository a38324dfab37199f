//! The collector really collects: a loop making millions of short-lived
//! objects and reference cycles runs in bounded memory. (Its own test binary,
//! so the child's peak RSS is the only one `RUSAGE_CHILDREN` sees.)

mod common;

use std::time::Duration;

const SCRIPT: &str = r#"
class Node:
    def __init__(self):
        self.other = None

def make_closure():
    def f():
        return f
    return f

count = 0
for i in range(2_000_000):
    a = [i, str(i)]
    a.append(a)
    n1 = Node()
    n2 = Node()
    n1.other = n2
    n2.other = n1
    g = make_closure()
    d = {"self": None}
    d["self"] = d
    count += len(a)
print(count)
"#;

fn peak_rss_kib_of_children() -> i64 {
    // SAFETY: getrusage writes into the zeroed struct we pass.
    unsafe {
        let mut ru: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut ru);
        ru.ru_maxrss
    }
}

#[test]
fn cycles_and_garbage_stay_bounded() {
    let r = common::pkpy(&["-c", SCRIPT], &[], Duration::from_secs(300));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout.trim(), "6000000");
    let peak = peak_rss_kib_of_children();
    // Over 14 million objects are allocated; without collection this would
    // need well over a gigabyte.
    assert!(peak < 150 * 1024, "peak RSS {} KiB", peak);
}
