//! Bytes to `json.loads`: as a str when they are UTF-8 (the direct decoder),
//! else as bytes (encoding detection first).
//!
//! A successful load must dump again, and the dump must load.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pocketpy::modules::json;
use pocketpy::runtime::names::Name;
use pocketpy::Vm;

fuzz_target!(|data: &[u8]| {
    let mut vm = Vm::new();
    vm.allow_fs = false;
    vm.recursion_limit = 300;
    let g = vm.main_module;
    let r = match std::str::from_utf8(data) {
        Ok(s) => json::loads_str(&mut vm, s),
        Err(_) => {
            let b = vm.new_bytes(data.to_vec());
            vm.keep_alive(b);
            let m = vm.exec_in("import json", "<fuzz>", &g).and_then(|_| vm.getattr(&g, Name::new("json")));
            m.and_then(|m| vm.getattr(&m, Name::new("loads"))).and_then(|f| vm.call(&f, &[b]))
        }
    };
    match r {
        Ok(v) => {
            vm.keep_alive(v);
            let text = match json::dumps_value(&mut vm, v, None) {
                Ok(t) => t,
                Err(_) => {
                    let e = vm.take_exc();
                    panic!("a loaded value does not dump: {}", vm.format_exception(&e));
                }
            };
            if json::loads_str(&mut vm, &text).is_err() {
                let e = vm.take_exc();
                panic!("json.dumps output {:?} does not load: {}", text, vm.format_exception(&e));
            }
        }
        Err(_) => {
            let e = vm.take_exc();
            let _ = vm.format_exception(&e);
        }
    }
    vm.collect_garbage();
});
