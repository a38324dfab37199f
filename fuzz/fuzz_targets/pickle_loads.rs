//! Bytes to `pickle.loads`.
//!
//! Input layout: the first byte picks the mode, the rest is the data.
//! - even: the rest is passed as is (header, length and checksum checks);
//! - odd: the rest is a payload (a MessagePack op program) and gets a valid
//!   header, so mutations reach the op decoder and the unpickler instead of
//!   stopping at the CRC.
//!
//! A successful load is repr'd, pickled again and that pickle loaded again:
//! whatever `loads` builds, `dumps` must either refuse cleanly or produce a
//! pickle that loads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pocketpy::modules::pickle;
use pocketpy::runtime::wire;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    // Globals resolved by name can be called through reduce ops: skip the
    // ones that block or run code by design.
    for word in [&b"sleep"[..], b"input", b"exec", b"eval", b"compile", b"threading", b"queue", b"pkpy", b"pool", b"import"] {
        if rest.windows(word.len()).any(|w| w == word) {
            return;
        }
    }
    let bytes = if mode & 1 == 1 { wire::seal(rest) } else { rest.to_vec() };
    let mut vm = common::confined_vm(120);
    match pickle::loads(&mut vm, &bytes) {
        Ok(v) => {
            vm.keep_alive(v);
            if vm.repr(&v).is_err() {
                vm.take_exc();
            }
            match pickle::dumps(&mut vm, &v) {
                Ok(again) => {
                    if pickle::loads(&mut vm, &again).is_err() {
                        let e = vm.take_exc();
                        panic!("a re-pickled value does not load: {}", vm.format_exception(&e));
                    }
                }
                Err(_) => {
                    vm.take_exc();
                }
            }
        }
        Err(_) => {
            let e = vm.take_exc();
            let _ = vm.format_exception(&e);
        }
    }
    vm.collect_garbage();
});
