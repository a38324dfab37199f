//! The process-wide table of 16 VM slots.
//!
//! Slot 0 is created by `initialize`; the others on first switch. A VM is
//! held by at most one thread at a time: switching to a VM another thread
//! holds is refused with an error naming the index and both threads — never
//! silent sharing. The current VM is thread-local; a thread that exits
//! releases the slot it held.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::ThreadId;

use crate::vm::Vm;

pub const MAX_VMS: usize = 16;

/// A VM owned by the table.
///
/// `Vm` is not `Send` (it holds raw pointers and a host callback). It is
/// moved between threads only through this table, whose protocol guarantees
/// that exactly one thread (the slot's `owner`) touches it at a time.
struct VmBox(Box<Vm>);

// SAFETY: see the type's documentation: access is serialised by the slot's
// owner field, which is only changed under the slot's mutex.
unsafe impl Send for VmBox {}

struct Slot {
    vm: Option<VmBox>,
    owner: Option<ThreadId>,
    /// The host's context pointer (`py_getvmctx`/`py_setvmctx`).
    ctx: usize,
    /// The VM's interrupt flag (`interrupt`), reachable without holding it.
    interrupt: Option<Arc<AtomicBool>>,
}

static TABLE: [Mutex<Slot>; MAX_VMS] = [const { Mutex::new(Slot { vm: None, owner: None, ctx: 0, interrupt: None }) }; MAX_VMS];

/// Releases the slot a thread holds when the thread exits.
struct Holder {
    index: Cell<Option<usize>>,
}

impl Drop for Holder {
    fn drop(&mut self) {
        if let Some(i) = self.index.get() {
            release(i);
        }
    }
}

thread_local! {
    /// Set while `with_vm` lends the current VM out (no second loan).
    static LENT: Cell<bool> = const { Cell::new(false) };
    static HELD: Holder = const { Holder { index: Cell::new(None) } };
    static CURRENT: Cell<*mut Vm> = const { Cell::new(std::ptr::null_mut()) };
}

fn lock(i: usize) -> std::sync::MutexGuard<'static, Slot> {
    TABLE[i].lock().unwrap_or_else(|e| e.into_inner())
}

fn release(i: usize) {
    let mut s = lock(i);
    if s.owner == Some(std::thread::current().id()) {
        s.owner = None;
    }
}

/// Why a switch was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SwitchError {
    OutOfRange(i64),
    Busy { index: usize, holder: String, current: String },
}

impl std::fmt::Display for SwitchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SwitchError::OutOfRange(i) => write!(f, "VM index {} is out of range [0, {})", i, MAX_VMS),
            SwitchError::Busy { index, holder, current } => {
                write!(f, "VM {} is in use by thread {}; thread {} cannot switch to it", index, holder, current)
            }
        }
    }
}

fn thread_label(id: ThreadId) -> String {
    format!("{:?}", id).trim_start_matches("ThreadId(").trim_end_matches(')').to_string()
}

/// Make VM `index` the current thread's VM, creating it if needed. The VM
/// the thread held before is released.
pub fn switch_vm(index: i64) -> Result<*mut Vm, SwitchError> {
    if index < 0 || index as usize >= MAX_VMS {
        return Err(SwitchError::OutOfRange(index));
    }
    let i = index as usize;
    let me = std::thread::current().id();
    let held = HELD.with(|h| h.index.get());
    if held == Some(i) {
        return Ok(CURRENT.with(|c| c.get()));
    }
    let ptr = {
        let mut s = lock(i);
        if let Some(o) = s.owner {
            if o != me {
                return Err(SwitchError::Busy { index: i, holder: thread_label(o), current: thread_label(me) });
            }
        }
        if s.vm.is_none() {
            let mut vm = Vm::new();
            vm.index = i;
            s.interrupt = Some(vm.interrupt_flag());
            s.vm = Some(VmBox(vm));
        }
        s.owner = Some(me);
        let b = s.vm.as_mut().expect("slot has a VM");
        &mut *b.0 as *mut Vm
    };
    if let Some(old) = held {
        release(old);
    }
    HELD.with(|h| h.index.set(Some(i)));
    CURRENT.with(|c| c.set(ptr));
    Ok(ptr)
}

/// Switch to VM `index` and run `f` with it. Refused while this thread is
/// already inside `with_vm` (that would be a second `&mut` to a VM).
pub fn with_vm<R>(index: i64, f: impl FnOnce(&mut Vm) -> R) -> Result<R, SwitchError> {
    if LENT.with(|l| l.get()) {
        return Err(SwitchError::Busy { index: index.max(0) as usize, holder: "this thread (re-entrant use)".into(), current: thread_label(std::thread::current().id()) });
    }
    let p = switch_vm(index)?;
    LENT.with(|l| l.set(true));
    struct Unlend;
    impl Drop for Unlend {
        fn drop(&mut self) {
            LENT.with(|l| l.set(false));
        }
    }
    let _u = Unlend;
    // SAFETY: `switch_vm` made this thread the slot's only owner and returned
    // the VM's stable address; LENT prevents a second loan on this thread,
    // and no other thread may switch to the slot while we own it.
    let vm = unsafe { &mut *p };
    Ok(f(vm))
}

/// Claim slot `index` only if nobody holds it (for ComputeThread workers);
/// the calling thread must not hold another VM.
pub fn claim(index: usize) -> Result<*mut Vm, SwitchError> {
    if index >= MAX_VMS {
        return Err(SwitchError::OutOfRange(index as i64));
    }
    switch_vm(index as i64)
}

/// Is slot `index` held by some thread?
pub fn is_held(index: usize) -> bool {
    index < MAX_VMS && lock(index).owner.is_some()
}

/// Release whatever VM the current thread holds.
pub fn release_current() {
    if let Some(i) = HELD.with(|h| h.index.take()) {
        release(i);
    }
    CURRENT.with(|c| c.set(std::ptr::null_mut()));
}

/// The current thread's VM (null when it never switched to one).
pub fn current_ptr() -> *mut Vm {
    CURRENT.with(|c| c.get())
}

/// Index of the current thread's VM.
pub fn current_index() -> Option<usize> {
    HELD.with(|h| h.index.get())
}

/// Destroy VM `index` (it is recreated on the next switch). Refused while
/// another thread holds it.
pub fn reset_vm(index: usize) -> Result<(), SwitchError> {
    if index >= MAX_VMS {
        return Err(SwitchError::OutOfRange(index as i64));
    }
    let me = std::thread::current().id();
    let old = {
        let mut s = lock(index);
        if let Some(o) = s.owner {
            if o != me {
                return Err(SwitchError::Busy { index, holder: thread_label(o), current: thread_label(me) });
            }
        }
        s.ctx = 0;
        s.interrupt = None;
        s.vm.take()
    };
    let was_current = current_index() == Some(index);
    drop(old);
    if was_current {
        // Recreate at once so the thread keeps a valid current VM.
        let mut s = lock(index);
        let mut vm = Vm::new();
        vm.index = index;
        s.interrupt = Some(vm.interrupt_flag());
        s.vm = Some(VmBox(vm));
        let p = &mut *s.vm.as_mut().expect("just set").0 as *mut Vm;
        CURRENT.with(|c| c.set(p));
    }
    Ok(())
}

/// Ask VM `index` to raise KeyboardInterrupt at its next check (from any
/// thread; the VM need not be held). Pending until delivered: a VM that runs
/// nothing now raises it in the next code it runs. False when the slot has
/// no VM.
pub fn interrupt(index: usize) -> bool {
    if index >= MAX_VMS {
        return false;
    }
    match &lock(index).interrupt {
        Some(f) => {
            f.store(true, Ordering::Release);
            true
        }
        None => false,
    }
}

pub fn get_ctx(index: usize) -> usize {
    if index >= MAX_VMS {
        return 0;
    }
    lock(index).ctx
}

pub fn set_ctx(index: usize, ctx: usize) {
    if index < MAX_VMS {
        lock(index).ctx = ctx;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_and_contention() {
        // Use high slots so other tests in this binary do not collide.
        let p = switch_vm(14).expect("switch");
        assert!(!p.is_null());
        assert_eq!(current_index(), Some(14));
        let r = std::thread::spawn(|| switch_vm(14).map(|_| ())).join().unwrap();
        match r {
            Err(SwitchError::Busy { index, .. }) => assert_eq!(index, 14),
            other => panic!("expected Busy, got {:?}", other),
        }
        assert!(matches!(switch_vm(16), Err(SwitchError::OutOfRange(16))));
        assert!(matches!(switch_vm(-1), Err(SwitchError::OutOfRange(-1))));
        // A thread that exits releases its VM.
        std::thread::spawn(|| {
            switch_vm(13).unwrap();
        })
        .join()
        .unwrap();
        assert!(!is_held(13));
        release_current();
        assert!(!is_held(14));
    }
}
