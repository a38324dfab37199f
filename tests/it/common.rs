//! Shared helpers for the integration tests: run the `pkpy` binary with a
//! time limit and capture what it printed.

#![allow(dead_code)]

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub timed_out: bool,
}

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Run `pkpy args...` in the repository root, killing it after `limit`.
pub fn pkpy(args: &[&str], env: &[(&str, &str)], limit: Duration) -> Run {
    pkpy_with_input(args, env, None, limit)
}

/// Like `pkpy`, feeding `input` on standard input.
pub fn pkpy_with_input(args: &[&str], env: &[(&str, &str)], input: Option<&str>, limit: Duration) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pkpy"));
    cmd.args(args).current_dir(repo()).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() });
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn pkpy");
    if let Some(text) = input {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(text.as_bytes()).unwrap();
    }
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break Some(st);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            timed_out = true;
            break child.wait().ok();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = String::from_utf8_lossy(&t_out.join().unwrap()).to_string();
    let stderr = String::from_utf8_lossy(&t_err.join().unwrap()).to_string();
    Run { code: status.and_then(|s| s.code()), stdout, stderr, timed_out }
}

/// `pkpy -c code`.
pub fn run_code(code: &str) -> Run {
    pkpy(&["-c", code], &[], Duration::from_secs(60))
}
