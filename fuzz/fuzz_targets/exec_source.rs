//! Arbitrary bytes as Python source: compiled and run in a fresh VM.
//!
//! Python errors are the expected outcome for most inputs; a Rust panic, a
//! sanitizer report, a hang or unbounded memory are bugs. There is no
//! instruction budget in the VM yet, so legitimately endless scripts are
//! kept rare by a small input size (`-max_len`) and caught by `-timeout`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pocketpy::Vm;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    // Things that block for real without being bugs: skip them so the
    // fuzzer's time limit reports only interpreter hangs.
    // (threading primitives, queues, worker threads, time.sleep, stdin).
    for word in ["sleep", "input", "threading", "queue", "Queue", "pkpy", "pool", "__import__"] {
        if src.contains(word) {
            return;
        }
    }
    let mut vm = Vm::new();
    vm.allow_fs = false;
    vm.recursion_limit = 120;
    vm.stdout_hook = Some(Box::new(|_| {}));
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
