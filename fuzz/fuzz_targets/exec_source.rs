//! Arbitrary bytes as Python source: compiled and run in a fresh VM.
//!
//! Python errors are the expected outcome for most inputs; a Rust panic, a
//! sanitizer report, a hang or unbounded memory are bugs. Endless scripts
//! end with TimeoutError from the VM's watchdog and memory hogs with
//! MemoryError from its heap limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pocketpy::Vm;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    // Skip what the watchdog does not cover (stdin) and worker threads.
    for word in ["input", "pkpy", "pool", "__import__"] {
        if src.contains(word) {
            return;
        }
    }
    let mut vm = Vm::new();
    vm.allow_fs = false;
    vm.recursion_limit = 120;
    vm.stdout_hook = Some(Box::new(|_| {}));
    vm.limits.host_deadline = Some(pocketpy::vm::limits::deadline_in(2000));
    vm.set_heap_limit(256 << 20);
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
