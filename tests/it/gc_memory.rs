//! The collector really collects: a loop making millions of short-lived
//! objects and reference cycles runs in bounded memory (the child's own peak
//! RSS, read with wait4).



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

#[test]
fn cycles_and_garbage_stay_bounded() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pkpy"))
        .args(["-c", SCRIPT])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn pkpy");
    let mut out = String::new();
    use std::io::Read;
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    // SAFETY: wait4 on our own child's pid, writing into zeroed locals.
    let (status, peak_kib) = unsafe {
        let mut status: libc::c_int = 0;
        let mut ru: libc::rusage = std::mem::zeroed();
        libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut ru);
        (status, ru.ru_maxrss)
    };
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "pkpy failed");
    assert_eq!(out.trim(), "6000000");
    // Over 14 million objects are allocated; without collection this would
    // need well over a gigabyte.
    assert!(peak_kib < 150 * 1024, "peak RSS {} KiB", peak_kib);
}
