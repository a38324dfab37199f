//! What every target starts from: a VM confined the way a host confines
//! untrusted scripts (no file system, output discarded, a shallow recursion
//! limit, a 2 s watchdog and a 256 MiB heap limit).

use pocketpy::vm::Vm;

pub fn confined_vm(recursion_limit: usize) -> Box<Vm> {
    let mut vm = Vm::new();
    vm.allow_fs = false;
    vm.recursion_limit = recursion_limit;
    vm.stdout_hook = Some(Box::new(|_| {}));
    vm.limits.host_deadline = Some(pocketpy::vm::limits::deadline_in(2000));
    vm.set_heap_limit(256 << 20);
    vm
}
