//! Resource limits a host (or a script) puts on a running VM: the watchdog
//! (TimeoutError once a deadline passes), an interrupt another thread can
//! send (KeyboardInterrupt), and the heap limit (MemoryError; the accounting
//! is in `heap.rs`).
//!
//! The eval loop counts loop back-edges and frame pushes down in `Vm::ticks`;
//! every `TICK_INTERVAL` of them `poll_limits` reads the clock and the
//! interrupt flag. A runaway `while True: pass` or a recursion without loops
//! is therefore stopped within microseconds, at the cost of one decrement and
//! branch per back-edge. Native code that runs long without returning to the
//! loop (one huge `sorted`, a regex) is stopped when it returns; blocking
//! waits of `time.sleep` end at the deadline or interrupt.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::exceptions::*;
use super::{PyResult, Vm};

/// Back-edges and calls between two polls of the clock and interrupt flag.
pub const TICK_INTERVAL: u32 = 1024;

/// Limits state of one VM.
pub struct Limits {
    /// Set by another thread (`py_interrupt`, `ComputeThread.interrupt`);
    /// the VM raises KeyboardInterrupt at its next poll and clears it.
    pub interrupt: Arc<AtomicBool>,
    /// `py_watchdog_begin` (the host's deadline; a script cannot end it).
    pub host_deadline: Option<Instant>,
    /// `pkpy.watchdog_begin` (the script's own deadline).
    pub script_deadline: Option<Instant>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { interrupt: Arc::new(AtomicBool::new(false)), host_deadline: None, script_deadline: None }
    }
}

/// Deadline `ms` milliseconds from now (negative counts as 0).
pub fn deadline_in(ms: i64) -> Instant {
    let now = Instant::now();
    now.checked_add(Duration::from_millis(ms.max(0) as u64)).unwrap_or(now + Duration::from_secs(86400 * 365 * 100))
}

impl Vm {
    /// The earlier of the two watchdog deadlines.
    pub fn deadline(&self) -> Option<Instant> {
        match (self.limits.host_deadline, self.limits.script_deadline) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Count one back-edge or call; poll the limits every `TICK_INTERVAL`.
    #[inline(always)]
    pub(crate) fn tick(&mut self) -> PyResult<()> {
        self.ticks -= 1;
        if self.ticks == 0 {
            return self.poll_limits();
        }
        Ok(())
    }

    /// Raise what a limit calls for: KeyboardInterrupt for an interrupt,
    /// TimeoutError past the watchdog's deadline; ask for a collection when
    /// the heap budget ran out (MemoryError follows at the safe point if the
    /// live data is over the limit).
    #[cold]
    #[inline(never)]
    pub fn poll_limits(&mut self) -> PyResult<()> {
        self.ticks = TICK_INTERVAL;
        if self.heap.over_budget() {
            self.heap.wants_collect = true;
        }
        self.check_interrupts()
    }

    /// The interrupt and watchdog part of `poll_limits` (also used by blocking
    /// natives between waits).
    pub fn check_interrupts(&mut self) -> PyResult<()> {
        if self.limits.interrupt.swap(false, Ordering::AcqRel) {
            return Err(self.new_error(TP_KEYBOARD_INTERRUPT, "interrupted by the host"));
        }
        if let Some(d) = self.deadline() {
            if Instant::now() >= d {
                return Err(self.new_error(TP_TIMEOUT_ERROR, "watchdog: time limit exceeded"));
            }
        }
        Ok(())
    }

    /// Sleep for `dur`, waking early (with the error) when the watchdog's
    /// deadline passes or an interrupt arrives.
    pub fn sleep_interruptibly(&mut self, dur: Duration) -> PyResult<()> {
        let end = Instant::now() + dur;
        loop {
            self.check_interrupts()?;
            let now = Instant::now();
            if now >= end {
                return Ok(());
            }
            let mut step = (end - now).min(Duration::from_millis(10));
            if let Some(d) = self.deadline() {
                step = step.min(d.saturating_duration_since(now));
            }
            std::thread::sleep(step);
        }
    }

    /// MemoryError after a collection found the live data over the heap limit.
    pub fn heap_limit_error(&mut self) -> super::Raised {
        let msg = format!("heap limit of {} bytes exceeded", self.heap.limit());
        self.new_error(TP_MEMORY_ERROR, msg)
    }

    /// Check that an allocation of `bytes` whose size is known up front fits
    /// under the heap limit (MemoryError if not; always fits without a limit).
    pub fn check_alloc(&mut self, bytes: usize) -> PyResult<()> {
        if self.heap.fits(bytes) {
            Ok(())
        } else {
            Err(self.heap_limit_error())
        }
    }

    /// For natives that grow data in long loops without reaching a safe
    /// point: MemoryError once the usage passes the limit and its headroom.
    #[inline]
    pub fn check_growth(&mut self) -> PyResult<()> {
        let lim = self.heap.limit();
        if self.heap.over_budget() && self.heap.usage() > lim + lim / 8 {
            Err(self.heap_limit_error())
        } else {
            Ok(())
        }
    }

    /// Set the heap limit of this VM in bytes (0 removes it).
    pub fn set_heap_limit(&mut self, bytes: usize) {
        self.heap.set_limit(bytes);
        if self.native_depth > 0 {
            // Running (a script set it): the eval loop's guard, installed
            // when there was no limit, ends this when the run ends.
            super::heap::charge_in_scope(self.heap.account());
        }
    }

    /// For `pkpy` and the C API: the interrupt flag other threads may set.
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        self.limits.interrupt.clone()
    }
}
