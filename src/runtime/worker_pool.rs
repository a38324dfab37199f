//! WorkerPool: `n` persistent worker threads, each owning a free VM slot,
//! pulling jobs from one shared queue (so a job goes to whichever worker is
//! free first: the least-loaded one). Each job has a `Future` the submitter
//! waits on. Every worker also has a private channel for setup code that must
//! run on all of them (`exec`).
//!
//! Waiting blocks on the future's condition variable. Shutting down closes
//! the queues; workers finish the jobs already queued (unless they were
//! cancelled) and release their slots.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{unbounded, Receiver, Sender};

use crate::runtime::compute_thread::{Job, JobOutcome};
use crate::runtime::vm_table;
use crate::vm::Vm;

/// Where a job is in its life.
#[derive(Clone, Debug)]
pub enum FutureState {
    Pending,
    Running,
    Done(JobOutcome),
    Cancelled,
}

/// The shared state of one job's result.
pub struct FutureCell {
    state: Mutex<FutureState>,
    changed: Condvar,
}

impl FutureCell {
    pub fn new() -> Arc<FutureCell> {
        Arc::new(FutureCell { state: Mutex::new(FutureState::Pending), changed: Condvar::new() })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FutureState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn state(&self) -> FutureState {
        self.lock().clone()
    }

    /// Finished or cancelled.
    pub fn is_settled(&self) -> bool {
        matches!(*self.lock(), FutureState::Done(_) | FutureState::Cancelled)
    }

    /// Cancel a job that has not started; true when it is (now) cancelled.
    pub fn cancel(&self) -> bool {
        let mut st = self.lock();
        match *st {
            FutureState::Pending => {
                *st = FutureState::Cancelled;
                drop(st);
                self.changed.notify_all();
                true
            }
            FutureState::Cancelled => true,
            _ => false,
        }
    }

    /// Mark the job running unless it was cancelled; false: skip it.
    fn start(&self) -> bool {
        let mut st = self.lock();
        match *st {
            FutureState::Pending => {
                *st = FutureState::Running;
                true
            }
            _ => false,
        }
    }

    fn finish(&self, out: JobOutcome) {
        *self.lock() = FutureState::Done(out);
        self.changed.notify_all();
    }

    /// Block until settled or `timeout` passes; true when settled.
    pub fn wait(&self, timeout: Option<Duration>) -> bool {
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut st = self.lock();
        loop {
            if matches!(*st, FutureState::Done(_) | FutureState::Cancelled) {
                return true;
            }
            st = match deadline {
                None => self.changed.wait(st).unwrap_or_else(|e| e.into_inner()),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        return false;
                    }
                    self.changed.wait_timeout(st, d - now).unwrap_or_else(|e| e.into_inner()).0
                }
            };
        }
    }
}

type Queued = (Arc<FutureCell>, Job);

struct Worker {
    index: usize,
    private: Option<Sender<Queued>>,
    handle: Option<JoinHandle<()>>,
}

pub struct WorkerPool {
    queue: Option<Sender<Queued>>,
    workers: Vec<Worker>,
    /// Set by `cancel_pending`: workers cancel queued jobs instead of running them.
    cancel_queued: Arc<AtomicBool>,
}

fn run_job(vm: &mut Vm, job: Job) -> JobOutcome {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(vm))).unwrap_or_else(|p| {
        let msg = p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_else(|| "panic".into());
        JobOutcome::Error {
            type_name: "SystemError".into(),
            message: format!("internal error in job: {}", msg),
            traceback: format!("SystemError: internal error in job: {}\n", msg),
        }
    })
}

fn worker_loop(vm: &mut Vm, private: Receiver<Queued>, queue: Receiver<Queued>, cancel_queued: &AtomicBool) {
    let mut private_open = true;
    loop {
        let (fut, job) = if private_open {
            crossbeam_channel::select! {
                recv(private) -> m => match m {
                    Ok(q) => q,
                    Err(_) => {
                        private_open = false;
                        continue;
                    }
                },
                recv(queue) -> m => match m {
                    Ok(q) => q,
                    Err(_) => break,
                },
            }
        } else {
            match queue.recv() {
                Ok(q) => q,
                Err(_) => break,
            }
        };
        if cancel_queued.load(Ordering::Acquire) {
            fut.cancel();
            continue;
        }
        if fut.start() {
            let out = run_job(vm, job);
            fut.finish(out);
        }
    }
}

impl WorkerPool {
    /// Start `n` workers on free VM slots (never `exclude`, the caller's own).
    pub fn spawn(n: usize, exclude: usize) -> Result<WorkerPool, String> {
        if n == 0 {
            return Err("a WorkerPool needs at least one worker".into());
        }
        let (tx, rx) = unbounded::<Queued>();
        let mut pool = WorkerPool { queue: Some(tx), workers: Vec::new(), cancel_queued: Arc::new(AtomicBool::new(false)) };
        for index in 1..vm_table::MAX_VMS {
            if pool.workers.len() == n {
                break;
            }
            if index == exclude || vm_table::is_held(index) {
                continue;
            }
            let (ptx, prx) = unbounded::<Queued>();
            let (ready_tx, ready_rx) = crossbeam_channel::bounded::<bool>(1);
            let queue = rx.clone();
            let cancel_queued = pool.cancel_queued.clone();
            let handle = std::thread::Builder::new()
                .name(format!("pkpy-pool-{}", index))
                .stack_size(256 << 20)
                .spawn(move || {
                    let vm_ptr = match vm_table::claim(index) {
                        Ok(p) => p,
                        Err(_) => {
                            let _ = ready_tx.send(false);
                            return;
                        }
                    };
                    let _ = ready_tx.send(true);
                    // SAFETY: this thread claimed slot `index` and holds it until
                    // it exits; no other thread gets this VM meanwhile.
                    let vm = unsafe { &mut *vm_ptr };
                    worker_loop(vm, prx, queue, &cancel_queued);
                    vm_table::release_current();
                })
                .map_err(|e| format!("cannot start thread: {}", e))?;
            if ready_rx.recv().unwrap_or(false) {
                pool.workers.push(Worker { index, private: Some(ptx), handle: Some(handle) });
            } else {
                // Taken meanwhile by another thread: try the next slot.
                let _ = handle.join();
            }
        }
        if pool.workers.len() < n {
            let got = pool.workers.len();
            pool.shutdown(true);
            return Err(format!("WorkerPool({}) needs {} free VM slots, only {} are free", n, n, got));
        }
        Ok(pool)
    }

    pub fn size(&self) -> usize {
        self.workers.len()
    }

    pub fn indices(&self) -> Vec<usize> {
        self.workers.iter().map(|w| w.index).collect()
    }

    pub fn is_shut_down(&self) -> bool {
        self.queue.is_none()
    }

    /// Queue a job for the first free worker.
    pub fn submit(&self, job: Job) -> Result<Arc<FutureCell>, String> {
        let q = self.queue.as_ref().ok_or("cannot schedule new jobs after shutdown")?;
        let f = FutureCell::new();
        q.send((f.clone(), job)).map_err(|_| "the pool's workers are gone".to_string())?;
        Ok(f)
    }

    /// Queue one job on every worker (made by `make` per worker).
    pub fn broadcast(&self, make: impl Fn() -> Job) -> Result<Vec<Arc<FutureCell>>, String> {
        if self.queue.is_none() {
            return Err("cannot schedule new jobs after shutdown".into());
        }
        let mut out = Vec::new();
        for w in &self.workers {
            let f = FutureCell::new();
            if let Some(p) = &w.private {
                p.send((f.clone(), make())).map_err(|_| "the pool's workers are gone".to_string())?;
            }
            out.push(f);
        }
        Ok(out)
    }

    /// Cancel every queued job that has not started (shutdown's
    /// `cancel_futures`).
    pub fn cancel_pending(&self) {
        self.cancel_queued.store(true, Ordering::Release);
    }

    /// Stop accepting jobs; workers finish what is queued, then exit and
    /// release their slots. With `wait`, join them here; else they are left
    /// to finish on their own.
    pub fn shutdown(&mut self, wait: bool) {
        self.queue = None;
        for w in &mut self.workers {
            w.private = None;
        }
        for w in &mut self.workers {
            if let Some(h) = w.handle.take() {
                if wait {
                    let _ = h.join();
                }
            }
        }
    }
}

impl Drop for WorkerPool {
    fn drop(&mut self) {
        self.shutdown(true);
    }
}
