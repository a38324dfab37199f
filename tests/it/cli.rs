//! The `pkpy` command: scripts with arguments, `-c`, the REPL, exit codes.

use super::common::{pkpy, pkpy_with_input};
use std::time::Duration;

#[test]
fn repl_echoes_and_runs_blocks() {
    let input = "x = 20\nx + 1\ndef f(n):\n    return n * 2\n\nf(x)\nNone\n'text'\n1/0\nprint('after error')\n";
    let r = pkpy_with_input(&[], &[], Some(input), Duration::from_secs(30));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("21\n"), "{}", r.stdout);
    assert!(r.stdout.contains("40\n"), "{}", r.stdout);
    assert!(r.stdout.contains("'text'\n"), "{}", r.stdout);
    assert!(r.stdout.contains("after error\n"), "{}", r.stdout);
    assert!(r.stderr.contains("ZeroDivisionError: division by zero"), "{}", r.stderr);
}

#[test]
fn script_arguments_and_imports_beside_the_script() {
    let r = pkpy(&["tests/python/test_imports.py", "a", "b"], &[], Duration::from_secs(30));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let r = pkpy(&["-c", "import sys; print(sys.argv)", "x", "y"], &[], Duration::from_secs(30));
    assert_eq!(r.stdout, "['-c', 'x', 'y']\n");
}

#[test]
fn missing_script_is_reported() {
    let r = pkpy(&["no/such/file.py"], &[], Duration::from_secs(30));
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("can't open file"), "{}", r.stderr);
}

#[test]
fn exit_with_a_job_still_running_detaches() {
    // The script ends while its ComputeThread is busy: the process exits
    // normally instead of aborting or hanging.
    let code = "from pkpy import ComputeThread\nt = ComputeThread(1)\nt.submit_eval('__import__(\\'time\\').sleep(30)')\nprint('bye')";
    let r = pkpy(&["-c", code], &[], Duration::from_secs(20));
    assert!(!r.timed_out, "did not exit");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, "bye\n");
}

#[test]
fn dis_lists_the_bytecode_with_fused_instructions() {
    let dir = std::env::temp_dir().join(format!("pkpy_dis_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("f.py");
    std::fs::write(&path, "def f(a, b):\n    if a < 2:\n        return a\n    return a + b\n").unwrap();
    let r = pkpy(&["--dis", path.to_str().unwrap()], &[], Duration::from_secs(30));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("code <module>"), "{}", r.stdout);
    assert!(r.stdout.contains("code f"), "{}", r.stdout);
    assert!(r.stdout.contains("COMPARE_SMALL_INT_JUMP"), "{}", r.stdout);
    assert!(r.stdout.contains("LOAD_FAST_LOAD_FAST"), "{}", r.stdout);
    // A syntax error is reported with its line; a missing file as for scripts.
    std::fs::write(&path, "x = (1,\n").unwrap();
    let r = pkpy(&["--dis", path.to_str().unwrap()], &[], Duration::from_secs(30));
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("SyntaxError") && r.stderr.contains("line"), "{}", r.stderr);
    let r = pkpy(&["--dis", "no/such/file.py"], &[], Duration::from_secs(30));
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("can't open file"), "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}
