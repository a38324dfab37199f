//! ComputeThread: one persistent worker thread that owns VM slot `k` and
//! runs jobs on it, fed over a channel.
//!
//! Jobs are closures over the worker's VM producing a `JobOutcome` (the
//! Python layer pickles values into bytes, so nothing else crosses VMs).
//! One job at a time: submitting while busy is refused. Waiting blocks on a
//! condition variable after a short, bounded poll (`spin_budget`, 20 µs by
//! default): a short job's round trip then costs no thread wake-ups (tens of
//! microseconds each on an idle machine), while any longer wait sleeps. A
//! job's failure never kills the worker.
//! Closing (or dropping) sends a stop message and joins the thread after the
//! running job, so the slot is always released.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{bounded, unbounded, Sender};

use crate::runtime::vm_table;
use crate::vm::Vm;

/// What a finished job left behind.
#[derive(Clone, Debug)]
pub enum JobOutcome {
    /// The pickled return value.
    Value(Vec<u8>),
    /// The job raised: the exception's type name, its `str()`, and the full
    /// formatted traceback.
    Error { type_name: String, message: String, traceback: String },
}

pub type Job = Box<dyn FnOnce(&mut Vm) -> JobOutcome + Send>;

enum Msg {
    Run(Job),
    Stop,
}

#[derive(Default)]
struct State {
    busy: bool,
    /// Jobs finished so far.
    finished: u64,
    last: Option<JobOutcome>,
}

struct Shared {
    state: Mutex<State>,
    done: Condvar,
    /// Mirrors `state.busy` (cleared after the outcome is stored) for
    /// lock-free polling.
    busy: AtomicBool,
}

/// How long a waiter polls before it blocks: 20 µs, or the
/// `PKPY_WAIT_SPIN_US` environment variable (microseconds, at most 10 ms; 0
/// turns polling off). With idle cores the poll saves the wake-up latency of
/// short jobs; on an oversubscribed machine it only steals time, so such a
/// host may turn it off.
fn spin_budget() -> Duration {
    static SPIN: std::sync::OnceLock<Duration> = std::sync::OnceLock::new();
    *SPIN.get_or_init(|| {
        let us = std::env::var("PKPY_WAIT_SPIN_US").ok().and_then(|v| v.parse::<u64>().ok()).unwrap_or(20);
        Duration::from_micros(us.min(10_000))
    })
}

/// Poll `ready` for at most the spin budget (or until `deadline`); true
/// once it holds.
fn spin_until(mut ready: impl FnMut() -> bool, deadline: Option<Instant>) -> bool {
    let budget = spin_budget();
    if budget.is_zero() {
        return ready();
    }
    let start = Instant::now();
    let end = match deadline {
        Some(d) => d.min(start + budget),
        None => start + budget,
    };
    loop {
        for _ in 0..32 {
            if ready() {
                return true;
            }
            std::hint::spin_loop();
        }
        if Instant::now() >= end {
            return ready();
        }
    }
}

pub struct ComputeThread {
    index: usize,
    tx: Option<Sender<Msg>>,
    shared: Arc<Shared>,
    handle: Option<JoinHandle<()>>,
}

/// Stack size of worker threads (deep recursion in jobs stays inside it).
const WORKER_STACK: usize = 256 << 20;

#[derive(Debug)]
pub enum SubmitError {
    Busy,
    Closed,
}

impl ComputeThread {
    /// Start the worker for VM `index`; it claims the slot before this returns.
    pub fn spawn(index: usize) -> Result<ComputeThread, String> {
        if index == 0 || index >= vm_table::MAX_VMS {
            return Err(format!("index {} is out of range [1, {})", index, vm_table::MAX_VMS));
        }
        let (tx, rx) = unbounded::<Msg>();
        let (ready_tx, ready_rx) = bounded::<Result<(), String>>(1);
        let shared = Arc::new(Shared { state: Mutex::new(State::default()), done: Condvar::new(), busy: AtomicBool::new(false) });
        let sh = shared.clone();
        let handle = std::thread::Builder::new()
            .name(format!("pkpy-compute-{}", index))
            .stack_size(WORKER_STACK)
            .spawn(move || {
                let vm_ptr = match vm_table::claim(index) {
                    Ok(p) => p,
                    Err(e) => {
                        let _ = ready_tx.send(Err(format!("index {} is already in use ({})", index, e)));
                        return;
                    }
                };
                let _ = ready_tx.send(Ok(()));
                loop {
                    // Jobs often follow each other closely: poll briefly first.
                    let mut next = None;
                    spin_until(
                        || match rx.try_recv() {
                            Ok(m) => {
                                next = Some(m);
                                true
                            }
                            Err(crossbeam_channel::TryRecvError::Empty) => false,
                            Err(crossbeam_channel::TryRecvError::Disconnected) => true,
                        },
                        None,
                    );
                    let msg = match next.take() {
                        Some(m) => m,
                        None => match rx.recv() {
                            Ok(m) => m,
                            Err(_) => break,
                        },
                    };
                    let job = match msg {
                        Msg::Run(j) => j,
                        Msg::Stop => break,
                    };
                    // SAFETY: this thread claimed slot `index` above and holds it
                    // until it exits; the table hands the VM to no other thread
                    // meanwhile, so this is the only reference to it.
                    let vm = unsafe { &mut *vm_ptr };
                    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(vm))).unwrap_or_else(|p| {
                        let msg = p
                            .downcast_ref::<&str>()
                            .map(|s| s.to_string())
                            .or_else(|| p.downcast_ref::<String>().cloned())
                            .unwrap_or_else(|| "panic".into());
                        JobOutcome::Error {
                            type_name: "SystemError".into(),
                            message: format!("internal error in job: {}", msg),
                            traceback: format!("SystemError: internal error in job: {}\n", msg),
                        }
                    });
                    let mut st = sh.state.lock().unwrap_or_else(|e| e.into_inner());
                    st.last = Some(outcome);
                    st.busy = false;
                    // An interrupt meant for this job must not hit the next one
                    // (`interrupt` sets the flag only while busy, under this lock).
                    vm.limits.interrupt.store(false, Ordering::Release);
                    st.finished += 1;
                    sh.busy.store(false, Ordering::Release);
                    drop(st);
                    sh.done.notify_all();
                }
                vm_table::release_current();
            })
            .map_err(|e| format!("cannot start thread: {}", e))?;
        match ready_rx.recv() {
            Ok(Ok(())) => Ok(ComputeThread { index, tx: Some(tx), shared, handle: Some(handle) }),
            Ok(Err(e)) => {
                let _ = handle.join();
                Err(e)
            }
            Err(_) => {
                let _ = handle.join();
                Err("worker thread failed to start".into())
            }
        }
    }

    pub fn index(&self) -> usize {
        self.index
    }

    /// Interrupt the running job: it fails with KeyboardInterrupt at its
    /// next check (loop back-edge, call, or wait in `time.sleep`). False
    /// when no job is running.
    pub fn interrupt(&self) -> bool {
        let st = self.shared.state.lock().unwrap_or_else(|e| e.into_inner());
        if !st.busy {
            return false;
        }
        vm_table::interrupt(self.index)
    }

    /// Queue a job; refused while the previous one runs.
    pub fn submit(&self, job: Job) -> Result<(), SubmitError> {
        let tx = self.tx.as_ref().ok_or(SubmitError::Closed)?;
        {
            let mut st = self.shared.state.lock().unwrap_or_else(|e| e.into_inner());
            if st.busy {
                return Err(SubmitError::Busy);
            }
            st.busy = true;
            st.last = None;
            self.shared.busy.store(true, Ordering::Release);
        }
        if tx.send(Msg::Run(job)).is_err() {
            let mut st = self.shared.state.lock().unwrap_or_else(|e| e.into_inner());
            st.busy = false;
            self.shared.busy.store(false, Ordering::Release);
            return Err(SubmitError::Closed);
        }
        Ok(())
    }

    pub fn is_done(&self) -> bool {
        !self.shared.state.lock().unwrap_or_else(|e| e.into_inner()).busy
    }

    /// Block until the current job finishes (or `timeout` passes); true when done.
    pub fn wait(&self, timeout: Option<Duration>) -> bool {
        let deadline = timeout.map(|t| Instant::now() + t);
        if spin_until(|| !self.shared.busy.load(Ordering::Acquire), deadline) {
            return true;
        }
        let mut st = self.shared.state.lock().unwrap_or_else(|e| e.into_inner());
        while st.busy {
            match deadline {
                None => st = self.shared.done.wait(st).unwrap_or_else(|e| e.into_inner()),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        return false;
                    }
                    st = self.shared.done.wait_timeout(st, d - now).unwrap_or_else(|e| e.into_inner()).0;
                }
            }
        }
        true
    }

    /// The outcome of the last finished job (None while busy or before any job).
    pub fn last(&self) -> Option<JobOutcome> {
        let st = self.shared.state.lock().unwrap_or_else(|e| e.into_inner());
        if st.busy {
            None
        } else {
            st.last.clone()
        }
    }

    pub fn jobs_finished(&self) -> u64 {
        self.shared.state.lock().unwrap_or_else(|e| e.into_inner()).finished
    }

    pub fn is_closed(&self) -> bool {
        self.tx.is_none()
    }

    /// Stop the worker after its current job and wait for it; the VM slot is released.
    pub fn close(&mut self) {
        if let Some(tx) = self.tx.take() {
            let _ = tx.send(Msg::Stop);
        }
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

impl Drop for ComputeThread {
    fn drop(&mut self) {
        self.close();
    }
}
