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
fn c_example_native_pthreads() {
    run_example("native_pthreads", "c");
}

#[test]
fn c_example_api_surface() {
    run_example("api_surface", "c");
}

#[test]
fn c_example_worker_pool() {
    run_example("worker_pool", "c");
}

#[test]
fn c_example_limits() {
    run_example("limits", "c");
}

#[test]
fn c_example_engine() {
    run_example("engine", "cpp");
}

fn scratch_dir(name: &str) -> PathBuf {
    let tmp = std::env::temp_dir().join(format!("pkpy_c_{}_{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).unwrap();
    tmp
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(root().join("c_examples").join(format!("{}.expected", name))).expect("expected output")
}

fn check_run(what: &str, o: std::process::Output, want: &str) {
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{} exited with {:?}\nstdout:\n{}\nstderr:\n{}", what, o.status, out, String::from_utf8_lossy(&o.stderr));
    assert_eq!(out, want, "{} printed something else", what);
}

/// plugin_host.c is not linked against the library: it dlopens it.
#[test]
fn c_example_plugin_host() {
    let tmp = scratch_dir("plugin_host");
    let exe = tmp.join("plugin_host");
    let src = root().join("c_examples/plugin_host.c");
    let o = Command::new("cc").arg("-o").arg(&exe).arg(&src).arg("-I").arg(root().join("include")).args(["-Wall", "-ldl"]).output().expect("cc");
    assert!(o.status.success(), "compiling plugin_host.c failed:\n{}", String::from_utf8_lossy(&o.stderr));
    let o = Command::new(&exe).env("LD_LIBRARY_PATH", lib_dir()).current_dir(&tmp).output().expect("run plugin_host");
    check_run("plugin_host", o, &expected("plugin_host"));
    let _ = std::fs::remove_dir_all(&tmp);
}

/// ext_module.c built as gamemath.so (and, raising, as broken.so), imported
/// by ext_module.py run with the `pkpy` command.
#[test]
fn c_example_ext_module() {
    let tmp = scratch_dir("ext_module");
    let src = root().join("c_examples/ext_module.c");
    for (lib, defs) in [("gamemath.so", vec![]), ("broken.so", vec!["-DBROKEN_INIT"])] {
        let o = Command::new("cc")
            .args(["-shared", "-fPIC", "-Wall", "-o"])
            .arg(tmp.join(lib))
            .arg(&src)
            .arg("-I")
            .arg(root().join("include"))
            .args(defs)
            .output()
            .expect("cc");
        assert!(o.status.success(), "compiling {} failed:\n{}", lib, String::from_utf8_lossy(&o.stderr));
    }
    std::fs::write(tmp.join("notalib.so"), "not a shared library\n").unwrap();
    std::fs::copy(root().join("c_examples/ext_module.py"), tmp.join("ext_module.py")).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_pkpy")).arg("ext_module.py").current_dir(&tmp).output().expect("run pkpy");
    check_run("pkpy ext_module.py", o, &expected("ext_module"));
    let _ = std::fs::remove_dir_all(&tmp);
}

/// The C program in README.md compiles against the header and prints what
/// its comments say.
#[test]
fn readme_c_example() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("```c\n").expect("README has a C example") + 5;
    let len = readme[start..].find("```").unwrap();
    let tmp = scratch_dir("readme");
    let src = tmp.join("hello.c");
    std::fs::write(&src, &readme[start..start + len]).unwrap();
    let exe = tmp.join("hello");
    compile(&src, &exe, false);
    let o = Command::new(&exe).env("LD_LIBRARY_PATH", lib_dir()).output().expect("run");
    check_run("README example", o, "Hello world!\n7\n");
    let _ = std::fs::remove_dir_all(&tmp);
}

#[test]
fn header_is_generated() {
    let generated = std::fs::read_to_string(Path::new(env!("OUT_DIR")).join("pocketpy.h")).expect("OUT_DIR/pocketpy.h from build.rs");
    let checked_in = std::fs::read_to_string(root().join("include/pocketpy.h")).expect("include/pocketpy.h");
    assert!(generated == checked_in, "include/pocketpy.h differs from what build.rs generates: rebuild and commit it (never edit it by hand)");
}
