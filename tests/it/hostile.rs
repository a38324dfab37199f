//! Hostile and malformed input: every case ends in a Python exception with
//! exit code 1 (or the right output), never a crash, a hang or a Rust panic.



use super::common::{pkpy, run_code, Run};
use std::time::Duration;

fn script(name: &str, body: &[u8]) -> Run {
    let dir = std::env::temp_dir().join(format!("pkpy-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    pkpy(&[path.to_str().unwrap()], &[], Duration::from_secs(60))
}

fn assert_py_error(r: &Run, what: &str) {
    assert!(!r.timed_out, "timed out; stderr: {}", r.stderr);
    assert_eq!(r.code, Some(1), "expected exit 1 with {}; stdout: {} stderr: {}", what, r.stdout, r.stderr);
    assert!(r.stderr.contains(what), "expected {} in stderr, got: {}", what, r.stderr);
    assert!(!r.stderr.contains("panicked"), "Rust panic: {}", r.stderr);
}

#[test]
fn deeply_nested_parentheses() {
    let src = format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
    assert_py_error(&script("parens.py", src.as_bytes()), "SyntaxError");
}

#[test]
fn deeply_nested_lists_and_unary_chains() {
    let src = format!("x = {}1{}\n", "[".repeat(50_000), "]".repeat(50_000));
    assert_py_error(&script("lists.py", src.as_bytes()), "SyntaxError");
    let src = format!("x = {}1\n", "-".repeat(100_000));
    let r = script("unary.py", src.as_bytes());
    assert!(!r.timed_out && !r.stderr.contains("panicked"), "{}", r.stderr);
    assert!(r.code == Some(0) || r.stderr.contains("SyntaxError"), "{}", r.stderr);
}

#[test]
fn deeply_nested_blocks() {
    let mut src = String::new();
    for i in 0..1000 {
        src.push_str(&" ".repeat(i));
        src.push_str("if True:\n");
    }
    src.push_str(&" ".repeat(1000));
    src.push_str("pass\n");
    let r = script("blocks.py", src.as_bytes());
    assert!(!r.timed_out && !r.stderr.contains("panicked"), "{}", r.stderr);
    assert!(r.code == Some(0) || r.stderr.contains("Error"), "{}", r.stderr);
}

#[test]
fn recursion_bomb() {
    assert_py_error(&run_code("def f(n): return f(n + 1)\nf(0)"), "RecursionError: maximum recursion depth exceeded");
}

#[test]
fn recursion_through_native_calls() {
    // __repr__ recursing through repr() re-enters the VM from native code.
    let code = "class A:\n    def __repr__(self): return repr(self)\nrepr(A())";
    assert_py_error(&run_code(code), "RecursionError");
    let code = "def key(x): return sorted([1, 2], key=key)\nsorted([1, 2], key=key)";
    assert_py_error(&run_code(code), "RecursionError");
}

#[test]
fn recursion_is_catchable() {
    let r = run_code("def f(): f()\ntry:\n    f()\nexcept RecursionError:\n    print('caught')\nprint(f.__name__)");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, "caught\nf\n");
}

#[test]
fn random_bytes() {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..20 {
        let mut body = Vec::new();
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            body.push((x & 0xff) as u8);
        }
        let r = script(&format!("random{}.py", round), &body);
        assert!(!r.timed_out, "timed out");
        assert_eq!(r.code, Some(1), "round {}: {}", round, r.stderr);
        assert!(r.stderr.contains("SyntaxError"), "round {}: {}", round, r.stderr);
    }
}

#[test]
fn random_printable_garbage() {
    let alphabet = b"()[]{}:;,.=+-*/%<>!&|^~@'\"\\#\n \tabcdefxyz0123456789_";
    let mut x: u64 = 12345;
    for round in 0..50 {
        let mut body = Vec::new();
        for _ in 0..300 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            body.push(alphabet[(x >> 33) as usize % alphabet.len()]);
        }
        let r = script(&format!("garbage{}.py", round), &body);
        assert!(!r.timed_out, "timed out on {:?}", String::from_utf8_lossy(&body));
        assert!(!r.stderr.contains("panicked"), "panic on {:?}: {}", String::from_utf8_lossy(&body), r.stderr);
        assert!(r.code == Some(0) || r.code == Some(1), "{:?}", r.code);
    }
}

#[test]
fn unterminated_string() {
    let r = script("unterminated.py", b"x = 1\ny = 'abc\n");
    assert_py_error(&r, "SyntaxError: unterminated string literal (detected at line 2)");
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
    let r = script("unterminated3.py", b"x = '''abc\n\n");
    assert_py_error(&r, "SyntaxError: unterminated triple-quoted string literal");
}

#[test]
fn syntax_error_has_line_and_caret() {
    let r = script("bad.py", b"a = 1\nb = (2 +\nc = 3\n");
    assert_py_error(&r, "SyntaxError");
    assert!(r.stderr.contains("File \""), "{}", r.stderr);
    assert!(r.stderr.contains('^'), "{}", r.stderr);
    let r = script("indent.py", b"if True:\nprint(1)\n");
    assert_py_error(&r, "IndentationError");
}

#[test]
fn self_containing_containers() {
    let r = run_code("a = [1]\na.append(a)\nprint(a)\nd = {}\nd['k'] = d\nprint(d)\nprint(a == a)");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, "[1, [...]]\n{'k': {...}}\nTrue\n");
}

#[test]
fn deeply_nested_data() {
    let r = run_code("a = []\nfor i in range(100000):\n    a = [a]\nprint(len(repr(a)))");
    assert_py_error(&r, "RecursionError");
    let r = run_code("a = []\nb = []\nfor i in range(100000):\n    a = [a]\n    b = [b]\nprint(a == b)");
    assert_py_error(&r, "RecursionError");
}

#[test]
fn huge_allocations() {
    assert_py_error(&run_code("x = [0] * 10**12"), "MemoryError");
    let r = run_code("x = 'a' * 2**62");
    assert!(r.code == Some(1) && (r.stderr.contains("OverflowError") || r.stderr.contains("MemoryError")), "{}", r.stderr);
    assert_py_error(&run_code("x = 2 ** (2 ** 40)"), "MemoryError");
}

#[test]
fn generator_reentry() {
    let code = "def g():\n    yield next(it)\nit = g()\nnext(it)";
    assert_py_error(&run_code(code), "ValueError: generator already executing");
}

#[test]
fn dict_mutation_during_iteration() {
    let code = "d = {1: 1, 2: 2}\nfor k in d:\n    d[k + 10] = 0";
    assert_py_error(&run_code(code), "RuntimeError: dictionary changed size during iteration");
}

#[test]
fn traceback_lists_every_frame() {
    let r = script("tb.py", b"def inner():\n    return 1 / 0\n\ndef outer():\n    return inner()\n\nouter()\n");
    assert_py_error(&r, "ZeroDivisionError: division by zero");
    let s = &r.stderr;
    assert!(s.starts_with("Traceback (most recent call last):\n"), "{}", s);
    let a = s.find("line 7, in <module>").expect(s);
    let b = s.find("line 5, in outer").expect(s);
    let c = s.find("line 2, in inner").expect(s);
    assert!(a < b && b < c, "{}", s);
    assert!(s.contains("    return 1 / 0\n"), "{}", s);
}

#[test]
fn exception_chains_are_reported() {
    let r = run_code("try:\n    {}['x']\nexcept KeyError as e:\n    raise ValueError('bad') from e");
    assert_py_error(&r, "ValueError: bad");
    assert!(r.stderr.contains("KeyError: 'x'"), "{}", r.stderr);
    assert!(r.stderr.contains("The above exception was the direct cause"), "{}", r.stderr);
}

#[test]
fn system_exit_codes() {
    assert_eq!(run_code("raise SystemExit(3)").code, Some(3));
    assert_eq!(run_code("import sys\nsys.exit(0)").code, Some(0));
    assert_eq!(run_code("exit()").code, Some(0));
    let r = run_code("import sys\nsys.exit('bye')");
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("bye"));
}

#[test]
fn null_bytes_in_source() {
    assert_py_error(&script("nul.py", b"x = 1\0\n"), "SyntaxError");
}
