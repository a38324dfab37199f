//! Generates include/pocketpy.h from the `extern "C"` items in src/capi/
//! with cbindgen (config and hand-written macros in cbindgen.toml).
//! The text is written to $OUT_DIR/pocketpy.h, and to include/pocketpy.h
//! when that differs; tests/it/c_examples.rs checks the two agree.

use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-changed=cbindgen.toml");
    // The `pkpy` command exports the C API from its executable, so native
    // extension modules it imports (`foo.so`) resolve `py_*` against it.
    if std::env::var("CARGO_CFG_UNIX").is_ok() {
        println!("cargo:rustc-link-arg-bins=-rdynamic");
    }
    println!("cargo:rerun-if-changed=src/capi");
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("cbindgen.toml");
    // cbindgen follows the `mod` items of src/capi/mod.rs into the other files.
    for e in std::fs::read_dir(dir.join("src/capi")).expect("src/capi").flatten() {
        println!("cargo:rerun-if-changed={}", e.path().display());
    }
    let b = cbindgen::Builder::new().with_config(config).with_src(dir.join("src/capi/mod.rs"));
    let bindings = b.generate().expect("cbindgen failed to generate pocketpy.h");
    let mut text = Vec::new();
    bindings.write(&mut text);
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("pocketpy.h");
    std::fs::write(&out, &text).expect("write OUT_DIR/pocketpy.h");
    let inc = dir.join("include/pocketpy.h");
    if std::fs::read(&inc).ok().as_deref() != Some(&text[..]) {
        std::fs::create_dir_all(dir.join("include")).expect("include/");
        std::fs::write(&inc, &text).expect("write include/pocketpy.h");
    }
}
