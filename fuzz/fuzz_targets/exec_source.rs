//! Arbitrary bytes as Python source: compiled and run in a fresh VM.
//!
//! Python errors are the expected outcome for most inputs; a Rust panic, a
//! sanitizer report, a hang or unbounded memory are bugs. Endless scripts
//! end with TimeoutError from the VM's watchdog and memory hogs with
//! MemoryError from its heap limit.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    // Skip what the watchdog does not cover (stdin) and worker threads.
    for word in ["input", "pkpy", "pool", "__import__"] {
        if src.contains(word) {
            return;
        }
    }
    let mut vm = common::confined_vm(120);
    let main = vm.main_module;
    if vm.exec_in(src, "<fuzz>", &main).is_err() {
        // Formatting the traceback runs repr/str of arbitrary objects.
        let e = vm.take_exc();
        let _ = vm.format_exception(&e);
    }
    // A full collection over whatever the script left behind: dangling
    // references show up here under the address sanitizer.
    vm.collect_garbage();
});
