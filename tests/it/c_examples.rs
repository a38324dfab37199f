//! Builds each C/C++ example in c_examples/ against the built libpocketpy
//! (shared and static), runs it, and compares its output with
//! c_examples/<name>.expected. Also checks include/pocketpy.h is what
//! build.rs generates.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// target/<profile>/, where libpocketpy.so and .a sit next to the pkpy binary.
fn lib_dir() -> PathBuf {
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_pkpy"));
    let dir = exe.parent().expect("bin dir").to_path_buf();
    for lib in ["libpocketpy.so", "libpocketpy.a"] {
        assert!(dir.join(lib).exists(), "{} not found in {}: run `cargo build --release` before `cargo test --release`", lib, dir.display());
    }
    dir
}

fn compile(src: &Path, out: &Path, static_link: bool) {
    let cpp = src.extension().is_some_and(|e| e == "cpp");
    let mut cmd = Command::new(if cpp { "c++" } else { "cc" });
    cmd.arg("-o").arg(out).arg(src).arg("-I").arg(root().join("include")).arg("-Wall");
    let dir = lib_dir();
    if static_link {
        cmd.arg(dir.join("libpocketpy.a")).args(["-lpthread", "-ldl", "-lm"]);
    } else {
        cmd.arg("-L").arg(&dir).arg("-lpocketpy").arg("-lpthread");
    }
    let o = cmd.output().expect("run the C compiler");
    assert!(o.status.success(), "compiling {} failed:\n{}", src.display(), String::from_utf8_lossy(&o.stderr));
}

fn run_example(name: &str, ext: &str) {
    let src = root().join("c_examples").join(format!("{}.{}", name, ext));
    let expected = std::fs::read_to_string(root().join("c_examples").join(format!("{}.expected", name))).expect("expected output");
    let tmp = std::env::temp_dir().join(format!("pkpy_c_{}_{}", name, std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    for static_link in [false, true] {
        let exe = tmp.join(if static_link { "static" } else { "shared" });
        compile(&src, &exe, static_link);
        let o = Command::new(&exe).env("LD_LIBRARY_PATH", lib_dir()).current_dir(&tmp).output().expect("run example");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "{} ({}) exited with {:?}\nstdout:\n{}\nstderr:\n{}", name, if static_link { "static" } else { "shared" }, o.status, out, String::from_utf8_lossy(&o.stderr));
        assert_eq!(out, expected, "{} ({}) printed something else", name, if static_link { "static" } else { "shared" });
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn c_example_hello() {
    run_example("hello", "c");
}

#[test]
fn c_example_bind_native() {
    run_example("bind_native", "c");
}

#[test]
fn c_example_compute_thread() {
    run_example("compute_thread", "c");
}

#[test]
fn header_is_generated() {
    let generated = std::fs::read_to_string(Path::new(env!("OUT_DIR")).join("pocketpy.h")).expect("OUT_DIR/pocketpy.h from build.rs");
    let checked_in = std::fs::read_to_string(root().join("include/pocketpy.h")).expect("include/pocketpy.h");
    assert!(generated == checked_in, "include/pocketpy.h differs from what build.rs generates: rebuild and commit it (never edit it by hand)");
}
