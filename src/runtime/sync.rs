//! Shared synchronisation primitives, pure Rust: what `threading` and
//! `queue` objects point at. Every VM that unpickles a handle gets the same
//! `Arc`, so a primitive made in one VM works across VMs and threads.
//!
//! Built on `std::sync::{Mutex, Condvar}`; waiting blocks, never spins.
//! Every blocking call takes an optional timeout (`None` waits forever).
//! No Python value is ever stored here: queue items are pickled bytes.
//!
//! An [`Owner`] is a VM index plus the calling OS thread's identifier; the
//! Python layer passes it in. A blocking, untimed acquire of a [`Lock`]
//! already held by the same OS thread (from this VM or, through the C API's
//! VM switching, another one) reports [`Acquire::WouldDeadlock`] instead of
//! hanging forever; so does an [`RLock`] held by the same thread in another VM.
//!
//! The handle registry ([`register`] / [`lookup`]) maps a process-wide id to
//! the primitive, so a pickled handle can be resolved in another VM.

use std::any::Any;
use std::collections::{HashMap, HashSet, VecDeque};
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

/// Who holds a lock: a VM index and an OS thread identifier ([`thread_ident`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Owner {
    pub vm: usize,
    pub thread: u64,
}

impl Owner {
    /// The calling thread, running VM `vm`.
    pub fn current(vm: usize) -> Owner {
        Owner { vm, thread: thread_ident() }
    }
}

/// A nonzero number naming the calling OS thread for the life of the
/// process (handed out on first use; never reused).
pub fn thread_ident() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    thread_local! {
        static IDENT: u64 = NEXT.fetch_add(1, Ordering::Relaxed);
    }
    IDENT.with(|i| *i)
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// `now + timeout`; `None` for no timeout or one too large to represent.
fn deadline(timeout: Option<Duration>) -> Option<Instant> {
    timeout.and_then(|t| Instant::now().checked_add(t))
}

thread_local! {
    /// While a VM's blocking call runs on this thread: its interrupt flag and
    /// watchdog deadline (see `interruptible`).
    static STOP: RefCell<Option<(Arc<AtomicBool>, Option<Instant>)>> = const { RefCell::new(None) };
}

/// How often a wait checks for an interrupt or the watchdog.
const STOP_POLL: Duration = Duration::from_millis(20);

/// Make this thread's waits give up (as if timed out) when `flag` is set or
/// `deadline` passes, until the guard drops; the caller turns the early
/// return into its error.
pub fn interruptible(flag: Arc<AtomicBool>, deadline: Option<Instant>) -> StopGuard {
    StopGuard(STOP.with(|s| s.replace(Some((flag, deadline)))))
}

pub struct StopGuard(Option<(Arc<AtomicBool>, Option<Instant>)>);

impl Drop for StopGuard {
    fn drop(&mut self) {
        let prev = self.0.take();
        STOP.with(|s| *s.borrow_mut() = prev);
    }
}

/// Has this thread's VM been interrupted or run past its watchdog? With the
/// time of the next check when waits are interruptible.
fn stop_requested() -> (bool, Option<Instant>) {
    STOP.with(|s| match &*s.borrow() {
        None => (false, None),
        Some((flag, deadline)) => {
            let now = Instant::now();
            (flag.load(Ordering::Acquire) || deadline.is_some_and(|d| now >= d), Some(now + STOP_POLL))
        }
    })
}

/// Wait on `cv` once, until notified or `deadline`. Returns the guard and
/// whether the deadline has passed (or the VM was interrupted: see
/// `interruptible`; then the wait returns within `STOP_POLL`).
fn wait_once<'a, T>(cv: &Condvar, g: MutexGuard<'a, T>, deadline: Option<Instant>) -> (MutexGuard<'a, T>, bool) {
    let (stop, poll) = stop_requested();
    if stop {
        return (g, true);
    }
    if let Some(p) = poll {
        if deadline.is_none_or(|d| p < d) {
            let now = Instant::now();
            let (g, _) = cv.wait_timeout(g, p.saturating_duration_since(now)).unwrap_or_else(|e| e.into_inner());
            return (g, stop_requested().0);
        }
    }
    match deadline {
        None => (cv.wait(g).unwrap_or_else(|e| e.into_inner()), false),
        Some(d) => {
            let now = Instant::now();
            if now >= d {
                return (g, true);
            }
            let (g, _) = cv.wait_timeout(g, d - now).unwrap_or_else(|e| e.into_inner());
            (g, Instant::now() >= d)
        }
    }
}

// ====================================================================== Lock

/// The outcome of an acquire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Acquire {
    Acquired,
    /// Not acquired: non-blocking and busy, or the timeout passed.
    TimedOut,
    /// A blocking untimed acquire of a lock this owner already holds.
    WouldDeadlock,
}

/// A non-reentrant lock. Any owner may release it (as in CPython); the
/// owner is remembered only to detect self-deadlock.
#[derive(Default)]
pub struct Lock {
    st: Mutex<Option<Owner>>,
    cv: Condvar,
}

impl Lock {
    pub fn new() -> Lock {
        Lock::default()
    }

    pub fn acquire(&self, owner: Owner, blocking: bool, timeout: Option<Duration>) -> Acquire {
        self.acquire_inner(owner, blocking, timeout, true)
    }

    fn acquire_inner(&self, owner: Owner, blocking: bool, timeout: Option<Duration>, check: bool) -> Acquire {
        let mut g = lock(&self.st);
        if g.is_none() {
            *g = Some(owner);
            return Acquire::Acquired;
        }
        if !blocking {
            return Acquire::TimedOut;
        }
        if check && timeout.is_none() && g.map(|o| o.thread) == Some(owner.thread) {
            return Acquire::WouldDeadlock;
        }
        let d = deadline(timeout);
        loop {
            let (ng, late) = wait_once(&self.cv, g, d);
            g = ng;
            if g.is_none() {
                *g = Some(owner);
                return Acquire::Acquired;
            }
            if late {
                return Acquire::TimedOut;
            }
        }
    }

    /// False when the lock was not held.
    pub fn release(&self) -> bool {
        let mut g = lock(&self.st);
        if g.is_none() {
            return false;
        }
        *g = None;
        drop(g);
        self.cv.notify_one();
        true
    }

    pub fn locked(&self) -> bool {
        lock(&self.st).is_some()
    }
}

// ====================================================================== RLock

/// A reentrant lock: the owner may acquire it again; only the owner releases.
#[derive(Default)]
pub struct RLock {
    st: Mutex<(Option<Owner>, usize)>,
    cv: Condvar,
}

impl RLock {
    pub fn new() -> RLock {
        RLock::default()
    }

    pub fn acquire(&self, owner: Owner, blocking: bool, timeout: Option<Duration>) -> Acquire {
        if blocking && timeout.is_none() {
            // Held by this very thread under another VM: nothing but this
            // thread could release it.
            if let Some(o) = lock(&self.st).0 {
                if o != owner && o.thread == owner.thread {
                    return Acquire::WouldDeadlock;
                }
            }
        }
        if self.acquire_count(owner, blocking, timeout, 1) {
            Acquire::Acquired
        } else {
            Acquire::TimedOut
        }
    }

    fn acquire_count(&self, owner: Owner, blocking: bool, timeout: Option<Duration>, count: usize) -> bool {
        let mut g = lock(&self.st);
        if g.0 == Some(owner) {
            g.1 += count;
            return true;
        }
        let d = deadline(timeout);
        loop {
            if g.0.is_none() {
                *g = (Some(owner), count);
                return true;
            }
            if !blocking {
                return false;
            }
            let (ng, late) = wait_once(&self.cv, g, d);
            g = ng;
            if late && g.0.is_some() {
                return false;
            }
        }
    }

    /// False when `owner` does not hold the lock.
    pub fn release(&self, owner: Owner) -> bool {
        let mut g = lock(&self.st);
        if g.0 != Some(owner) {
            return false;
        }
        g.1 -= 1;
        if g.1 == 0 {
            g.0 = None;
            drop(g);
            self.cv.notify_one();
        }
        true
    }

    /// Release every level at once (for `Condition.wait`); the count to
    /// restore, or None when `owner` does not hold the lock.
    pub fn release_all(&self, owner: Owner) -> Option<usize> {
        let mut g = lock(&self.st);
        if g.0 != Some(owner) {
            return None;
        }
        let n = g.1;
        *g = (None, 0);
        drop(g);
        self.cv.notify_one();
        Some(n)
    }

    pub fn is_owned(&self, owner: Owner) -> bool {
        lock(&self.st).0 == Some(owner)
    }

    /// (owner, recursion count).
    pub fn state(&self) -> (Option<Owner>, usize) {
        *lock(&self.st)
    }
}

// ====================================================================== Semaphore

/// A counting semaphore; with a bound, releasing above the initial value fails.
pub struct Semaphore {
    value: Mutex<usize>,
    cv: Condvar,
    bound: Option<usize>,
}

impl Semaphore {
    pub fn new(value: usize, bounded: bool) -> Semaphore {
        Semaphore { value: Mutex::new(value), cv: Condvar::new(), bound: if bounded { Some(value) } else { None } }
    }

    pub fn acquire(&self, blocking: bool, timeout: Option<Duration>) -> bool {
        let mut g = lock(&self.value);
        let d = deadline(timeout);
        loop {
            if *g > 0 {
                *g -= 1;
                return true;
            }
            if !blocking {
                return false;
            }
            let (ng, late) = wait_once(&self.cv, g, d);
            g = ng;
            if late && *g == 0 {
                return false;
            }
        }
    }

    /// Add `n`; false (and no change) when that would pass the bound.
    pub fn release(&self, n: usize) -> bool {
        let mut g = lock(&self.value);
        if let Some(b) = self.bound {
            if *g + n > b {
                return false;
            }
        }
        *g += n;
        drop(g);
        for _ in 0..n {
            self.cv.notify_one();
        }
        true
    }

    pub fn value(&self) -> usize {
        *lock(&self.value)
    }

    pub fn bound(&self) -> Option<usize> {
        self.bound
    }
}

// ====================================================================== Event

/// A flag threads wait on.
#[derive(Default)]
pub struct Event {
    /// (flag, number of `set()` calls that changed the flag)
    st: Mutex<(bool, u64)>,
    cv: Condvar,
}

impl Event {
    pub fn new() -> Event {
        Event::default()
    }

    pub fn set(&self) {
        let mut g = lock(&self.st);
        if !g.0 {
            g.0 = true;
            g.1 += 1;
        }
        drop(g);
        self.cv.notify_all();
    }

    pub fn clear(&self) {
        lock(&self.st).0 = false;
    }

    pub fn is_set(&self) -> bool {
        lock(&self.st).0
    }

    /// True when the flag is set, or was set while waiting (even if cleared again).
    pub fn wait(&self, timeout: Option<Duration>) -> bool {
        let mut g = lock(&self.st);
        let gen = g.1;
        let d = deadline(timeout);
        loop {
            if g.0 || g.1 != gen {
                return true;
            }
            let (ng, late) = wait_once(&self.cv, g, d);
            g = ng;
            if late {
                return g.0 || g.1 != gen;
            }
        }
    }
}

// ====================================================================== Condition

/// The lock under a [`Condition`].
#[derive(Clone)]
pub enum CondLock {
    Lock(Arc<Lock>),
    RLock(Arc<RLock>),
}

impl CondLock {
    /// CPython's `_is_owned`: a plain Lock counts as owned when it is held at all.
    pub fn is_owned(&self, owner: Owner) -> bool {
        match self {
            CondLock::Lock(l) => l.locked(),
            CondLock::RLock(r) => r.is_owned(owner),
        }
    }
}

#[derive(Default)]
struct CondState {
    next: u64,
    /// Waiters not yet notified, oldest first.
    waiting: VecDeque<u64>,
    /// Waiters notified but not yet awake.
    woken: HashSet<u64>,
}

/// A condition variable over a Lock or RLock, with a FIFO of waiters so
/// that `notify(n)` wakes exactly the `n` oldest.
pub struct Condition {
    lock: CondLock,
    st: Mutex<CondState>,
    cv: Condvar,
}

/// The lock is not held by the caller.
#[derive(Debug, PartialEq, Eq)]
pub struct NotOwned;

impl Condition {
    pub fn new(lock: CondLock) -> Condition {
        Condition { lock, st: Mutex::new(CondState::default()), cv: Condvar::new() }
    }

    pub fn lock(&self) -> &CondLock {
        &self.lock
    }

    /// Release the lock, wait for a notification or the timeout, take the
    /// lock back. True when notified.
    pub fn wait(&self, owner: Owner, timeout: Option<Duration>) -> Result<bool, NotOwned> {
        if !self.lock.is_owned(owner) {
            return Err(NotOwned);
        }
        let ticket = {
            let mut st = lock(&self.st);
            st.next += 1;
            let t = st.next;
            st.waiting.push_back(t);
            t
        };
        let saved = match &self.lock {
            CondLock::Lock(l) => {
                l.release();
                1
            }
            CondLock::RLock(r) => r.release_all(owner).unwrap_or(1),
        };
        let d = deadline(timeout);
        let mut st = lock(&self.st);
        let notified = loop {
            if st.woken.remove(&ticket) {
                break true;
            }
            let (ng, late) = wait_once(&self.cv, st, d);
            st = ng;
            if late {
                if st.woken.remove(&ticket) {
                    break true;
                }
                st.waiting.retain(|t| *t != ticket);
                break false;
            }
        };
        drop(st);
        match &self.lock {
            CondLock::Lock(l) => {
                l.acquire_inner(owner, true, None, false);
            }
            CondLock::RLock(r) => {
                r.acquire_count(owner, true, None, saved);
            }
        }
        Ok(notified)
    }

    /// Wake up to `n` waiters (oldest first).
    pub fn notify(&self, owner: Owner, n: usize) -> Result<(), NotOwned> {
        if !self.lock.is_owned(owner) {
            return Err(NotOwned);
        }
        let mut st = lock(&self.st);
        let mut any = false;
        for _ in 0..n {
            match st.waiting.pop_front() {
                Some(t) => {
                    st.woken.insert(t);
                    any = true;
                }
                None => break,
            }
        }
        drop(st);
        if any {
            self.cv.notify_all();
        }
        Ok(())
    }

    pub fn notify_all(&self, owner: Owner) -> Result<(), NotOwned> {
        self.notify(owner, usize::MAX)
    }

    /// Waiters not yet notified.
    pub fn n_waiting(&self) -> usize {
        lock(&self.st).waiting.len()
    }
}

// ====================================================================== Barrier

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BState {
    Filling,
    /// The last arrival runs the action (new arrivals wait).
    Action,
    Draining,
    Resetting,
    Broken,
}

/// Why `Barrier::wait` failed.
#[derive(Debug, PartialEq, Eq)]
pub enum BarrierError<E> {
    Broken,
    /// The action failed; the barrier is broken.
    Action(E),
}

/// A barrier for `parties` threads, CPython's state machine: filling,
/// draining, resetting, broken.
pub struct Barrier {
    parties: usize,
    timeout: Option<Duration>,
    st: Mutex<(BState, usize)>,
    cv: Condvar,
}

impl Barrier {
    /// `parties` must be at least 1; `timeout` is the default for `wait`.
    pub fn new(parties: usize, timeout: Option<Duration>) -> Barrier {
        Barrier { parties: parties.max(1), timeout, st: Mutex::new((BState::Filling, 0)), cv: Condvar::new() }
    }

    pub fn parties(&self) -> usize {
        self.parties
    }

    pub fn default_timeout(&self) -> Option<Duration> {
        self.timeout
    }

    /// Wait for all parties; returns this arrival's index (0-based). The
    /// last arrival runs `action` (without any lock held) before the others
    /// go. A timeout breaks the barrier. `timeout: None` uses the default.
    pub fn wait<E>(&self, timeout: Option<Duration>, action: impl FnOnce() -> Result<(), E>) -> Result<usize, BarrierError<E>> {
        let d = deadline(timeout.or(self.timeout));
        let mut g = lock(&self.st);
        // Enter: wait while the barrier drains or resets.
        while matches!(g.0, BState::Draining | BState::Resetting | BState::Action) {
            g = self.cv.wait(g).unwrap_or_else(|e| e.into_inner());
        }
        if g.0 == BState::Broken {
            return Err(BarrierError::Broken);
        }
        let index = g.1;
        g.1 += 1;
        let r = if index + 1 == self.parties {
            g.0 = BState::Action;
            drop(g);
            let r = action();
            g = lock(&self.st);
            match r {
                Ok(()) if g.0 == BState::Action => {
                    g.0 = BState::Draining;
                    Ok(index)
                }
                Ok(()) => {
                    if g.0 != BState::Resetting {
                        g.0 = BState::Broken;
                    }
                    Err(BarrierError::Broken)
                }
                Err(e) => {
                    g.0 = BState::Broken;
                    Err(BarrierError::Action(e))
                }
            }
        } else {
            loop {
                if !matches!(g.0, BState::Filling | BState::Action) {
                    break;
                }
                let (ng, late) = wait_once(&self.cv, g, d);
                g = ng;
                if late && matches!(g.0, BState::Filling | BState::Action) {
                    g.0 = BState::Broken;
                    break;
                }
            }
            if g.0 == BState::Draining {
                Ok(index)
            } else {
                Err(BarrierError::Broken)
            }
        };
        // Exit: the last one out returns the barrier to filling.
        g.1 -= 1;
        if g.1 == 0 && matches!(g.0, BState::Draining | BState::Resetting) {
            g.0 = BState::Filling;
        }
        drop(g);
        self.cv.notify_all();
        r
    }

    /// Back to the empty state; current waiters get `Broken`.
    pub fn reset(&self) {
        let mut g = lock(&self.st);
        if g.1 > 0 {
            if matches!(g.0, BState::Filling | BState::Broken | BState::Action) {
                g.0 = BState::Resetting;
            }
        } else {
            g.0 = BState::Filling;
        }
        drop(g);
        self.cv.notify_all();
    }

    /// Break the barrier: current and future waiters get `Broken` until `reset`.
    pub fn abort(&self) {
        lock(&self.st).0 = BState::Broken;
        self.cv.notify_all();
    }

    /// Threads waiting in the filling phase.
    pub fn n_waiting(&self) -> usize {
        let g = lock(&self.st);
        if g.0 == BState::Filling {
            g.1
        } else {
            0
        }
    }

    pub fn broken(&self) -> bool {
        lock(&self.st).0 == BState::Broken
    }
}

// ====================================================================== Queue

/// Why a queue operation failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueueError {
    Empty,
    Full,
    ShutDown,
    /// `task_done()` called more times than items were put.
    TooManyTaskDone,
}

struct QState {
    items: VecDeque<Vec<u8>>,
    unfinished: usize,
    shutdown: bool,
}

/// A FIFO (or LIFO) queue of pickled items with CPython's `queue.Queue`
/// semantics, including 3.13's `shutdown`. `maxsize == 0` is unbounded.
pub struct Queue {
    maxsize: usize,
    lifo: bool,
    st: Mutex<QState>,
    not_empty: Condvar,
    not_full: Condvar,
    all_done: Condvar,
}

impl Queue {
    pub fn new(maxsize: usize, lifo: bool) -> Queue {
        Queue {
            maxsize,
            lifo,
            st: Mutex::new(QState { items: VecDeque::new(), unfinished: 0, shutdown: false }),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
            all_done: Condvar::new(),
        }
    }

    pub fn maxsize(&self) -> usize {
        self.maxsize
    }

    pub fn is_lifo(&self) -> bool {
        self.lifo
    }

    fn is_full(&self, st: &QState) -> bool {
        self.maxsize > 0 && st.items.len() >= self.maxsize
    }

    pub fn put(&self, item: Vec<u8>, block: bool, timeout: Option<Duration>) -> Result<(), QueueError> {
        let mut st = lock(&self.st);
        if st.shutdown {
            return Err(QueueError::ShutDown);
        }
        let d = deadline(timeout);
        while self.is_full(&st) {
            if !block {
                return Err(QueueError::Full);
            }
            let (ng, late) = wait_once(&self.not_full, st, d);
            st = ng;
            if st.shutdown {
                return Err(QueueError::ShutDown);
            }
            if late && self.is_full(&st) {
                return Err(QueueError::Full);
            }
        }
        st.items.push_back(item);
        st.unfinished += 1;
        drop(st);
        self.not_empty.notify_one();
        Ok(())
    }

    pub fn get(&self, block: bool, timeout: Option<Duration>) -> Result<Vec<u8>, QueueError> {
        let mut st = lock(&self.st);
        let d = deadline(timeout);
        loop {
            if st.shutdown && st.items.is_empty() {
                return Err(QueueError::ShutDown);
            }
            if !st.items.is_empty() {
                break;
            }
            if !block {
                return Err(QueueError::Empty);
            }
            let (ng, late) = wait_once(&self.not_empty, st, d);
            st = ng;
            if late && st.items.is_empty() {
                return Err(if st.shutdown { QueueError::ShutDown } else { QueueError::Empty });
            }
        }
        let item = if self.lifo { st.items.pop_back() } else { st.items.pop_front() };
        drop(st);
        self.not_full.notify_one();
        Ok(item.unwrap_or_default())
    }

    pub fn task_done(&self) -> Result<(), QueueError> {
        let mut st = lock(&self.st);
        if st.unfinished == 0 {
            return Err(QueueError::TooManyTaskDone);
        }
        st.unfinished -= 1;
        if st.unfinished == 0 {
            drop(st);
            self.all_done.notify_all();
        }
        Ok(())
    }

    /// Wait until every item put has been marked done; false on timeout.
    pub fn join(&self, timeout: Option<Duration>) -> bool {
        let mut st = lock(&self.st);
        let d = deadline(timeout);
        while st.unfinished > 0 {
            let (ng, late) = wait_once(&self.all_done, st, d);
            st = ng;
            if late && st.unfinished > 0 {
                return false;
            }
        }
        true
    }

    /// Refuse further puts; getters drain what is left, then get `ShutDown`.
    /// `immediate` also drops the remaining items (counting them done).
    pub fn shutdown(&self, immediate: bool) {
        let mut st = lock(&self.st);
        st.shutdown = true;
        if immediate {
            let n = st.items.len();
            st.items.clear();
            st.unfinished = st.unfinished.saturating_sub(n);
            self.all_done.notify_all();
        }
        drop(st);
        self.not_empty.notify_all();
        self.not_full.notify_all();
    }

    pub fn is_shutdown(&self) -> bool {
        lock(&self.st).shutdown
    }

    pub fn qsize(&self) -> usize {
        lock(&self.st).items.len()
    }

    pub fn unfinished_tasks(&self) -> usize {
        lock(&self.st).unfinished
    }
}

// ====================================================================== handle registry

/// How long an entry no one else holds survives after its last `register`.
pub const REGISTRY_GRACE: Duration = Duration::from_secs(60);

struct Entry {
    obj: Arc<dyn Any + Send + Sync>,
    registered: Instant,
}

#[derive(Default)]
struct Registry {
    next: u64,
    by_id: HashMap<u64, Entry>,
    by_addr: HashMap<usize, u64>,
    /// When `register` last scanned for dead entries (at most once a second,
    /// so registering many primitives stays linear).
    last_prune: Option<Instant>,
}

fn registry() -> &'static Mutex<Registry> {
    static R: OnceLock<Mutex<Registry>> = OnceLock::new();
    R.get_or_init(|| Mutex::new(Registry { next: 1, ..Registry::default() }))
}

/// Give `obj` a process-wide id (the same id each time for the same `Arc`)
/// so a pickled handle can find it from any VM.
///
/// Lifetime rule: the registry holds a strong reference. An entry is
/// dropped (by a later `register`, which looks at most once a second) once
/// the registry is its only holder and its last registration is older than
/// [`REGISTRY_GRACE`]; a handle pickled then and unpickled after that fails
/// to resolve. Handles to primitives
/// that are still alive somewhere always resolve.
pub fn register<T: Any + Send + Sync>(obj: &Arc<T>) -> u64 {
    let addr = Arc::as_ptr(obj) as *const () as usize;
    let mut r = lock(registry());
    let now = Instant::now();
    if r.last_prune.is_none_or(|t| now.duration_since(t) >= Duration::from_secs(1)) {
        prune(&mut r, REGISTRY_GRACE);
        r.last_prune = Some(now);
    }
    if let Some(&id) = r.by_addr.get(&addr) {
        if let Some(e) = r.by_id.get_mut(&id) {
            e.registered = now;
            return id;
        }
    }
    let id = r.next;
    r.next += 1;
    let any: Arc<dyn Any + Send + Sync> = obj.clone();
    r.by_id.insert(id, Entry { obj: any, registered: now });
    r.by_addr.insert(addr, id);
    id
}

/// The primitive registered as `id`, if it is still there and is a `T`.
pub fn lookup<T: Any + Send + Sync>(id: u64) -> Option<Arc<T>> {
    let r = lock(registry());
    let e = r.by_id.get(&id)?;
    e.obj.clone().downcast::<T>().ok()
}

fn prune(r: &mut Registry, grace: Duration) {
    let now = Instant::now();
    let dead: Vec<u64> = r
        .by_id
        .iter()
        .filter(|(_, e)| Arc::strong_count(&e.obj) == 1 && now.duration_since(e.registered) >= grace)
        .map(|(id, _)| *id)
        .collect();
    for id in dead {
        if let Some(e) = r.by_id.remove(&id) {
            r.by_addr.remove(&(Arc::as_ptr(&e.obj) as *const () as usize));
        }
    }
}

/// Apply the pruning rule now with another grace period (tests).
pub fn prune_registry(grace: Duration) {
    prune(&mut lock(registry()), grace);
}

/// Entries in the registry.
pub fn registry_len() -> usize {
    lock(registry()).by_id.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::thread;

    fn me(vm: usize) -> Owner {
        Owner::current(vm)
    }

    const SHORT: Option<Duration> = Some(Duration::from_millis(20));

    #[test]
    fn lock_basics_and_deadlock() {
        let l = Lock::new();
        assert_eq!(l.acquire(me(0), true, None), Acquire::Acquired);
        assert!(l.locked());
        assert_eq!(l.acquire(me(0), false, None), Acquire::TimedOut);
        assert_eq!(l.acquire(me(0), true, None), Acquire::WouldDeadlock);
        assert_eq!(l.acquire(me(0), true, SHORT), Acquire::TimedOut);
        // Another VM on the same thread: waits with a timeout, else deadlock.
        assert_eq!(l.acquire(me(1), true, SHORT), Acquire::TimedOut);
        assert_eq!(l.acquire(me(1), true, None), Acquire::WouldDeadlock);
        assert!(l.release());
        assert!(!l.release());
        assert!(!l.locked());
    }

    #[test]
    fn lock_counter_across_threads() {
        let l = Arc::new(Lock::new());
        let n = Arc::new(Mutex::new(0u64));
        let hs: Vec<_> = (0..4)
            .map(|i| {
                let (l, n) = (l.clone(), n.clone());
                thread::spawn(move || {
                    for _ in 0..1000 {
                        assert_eq!(l.acquire(me(i), true, None), Acquire::Acquired);
                        let v = *n.lock().unwrap();
                        *n.lock().unwrap() = v + 1;
                        assert!(l.release());
                    }
                })
            })
            .collect();
        for h in hs {
            h.join().unwrap();
        }
        assert_eq!(*n.lock().unwrap(), 4000);
    }

    #[test]
    fn lock_released_by_other_thread_wakes_waiter() {
        let l = Arc::new(Lock::new());
        assert_eq!(l.acquire(me(0), true, None), Acquire::Acquired);
        let l2 = l.clone();
        let h = thread::spawn(move || l2.acquire(me(1), true, None));
        assert!(l.release());
        assert_eq!(h.join().unwrap(), Acquire::Acquired);
        assert!(l.locked());
    }

    #[test]
    fn rlock_reentry_and_ownership() {
        let r = Arc::new(RLock::new());
        assert_eq!(r.acquire(me(0), true, None), Acquire::Acquired);
        assert_eq!(r.acquire(me(0), true, None), Acquire::Acquired);
        assert_eq!(r.state().1, 2);
        assert_eq!(r.acquire(me(1), true, None), Acquire::WouldDeadlock);
        assert_eq!(r.acquire(me(1), true, SHORT), Acquire::TimedOut);
        let r2 = r.clone();
        let other = thread::spawn(move || (r2.release(me(0)), r2.acquire(me(0), true, SHORT))).join().unwrap();
        assert_eq!(other, (false, Acquire::TimedOut));
        assert!(r.release(me(0)));
        assert!(r.release(me(0)));
        assert!(!r.release(me(0)));
        assert_eq!(r.state(), (None, 0));
    }

    #[test]
    fn semaphore_counts_and_bound() {
        let s = Semaphore::new(2, true);
        assert!(s.acquire(false, None));
        assert!(s.acquire(false, None));
        assert!(!s.acquire(false, None));
        assert!(!s.acquire(true, SHORT));
        assert!(s.release(2));
        assert!(!s.release(1));
        assert_eq!(s.value(), 2);
        let u = Semaphore::new(0, false);
        assert!(u.release(5));
        assert_eq!(u.value(), 5);
    }

    #[test]
    fn semaphore_release_wakes_n_waiters() {
        let s = Arc::new(Semaphore::new(0, false));
        let (tx, rx) = mpsc::channel();
        let hs: Vec<_> = (0..3)
            .map(|_| {
                let (s, tx) = (s.clone(), tx.clone());
                thread::spawn(move || {
                    assert!(s.acquire(true, None));
                    tx.send(()).unwrap();
                })
            })
            .collect();
        s.release(3);
        for _ in 0..3 {
            rx.recv().unwrap();
        }
        for h in hs {
            h.join().unwrap();
        }
        assert_eq!(s.value(), 0);
    }

    #[test]
    fn event_set_wakes_waiters() {
        let e = Arc::new(Event::new());
        assert!(!e.wait(SHORT));
        let hs: Vec<_> = (0..3)
            .map(|_| {
                let e = e.clone();
                thread::spawn(move || e.wait(None))
            })
            .collect();
        e.set();
        for h in hs {
            assert!(h.join().unwrap());
        }
        assert!(e.is_set());
        e.clear();
        assert!(!e.is_set());
    }

    #[test]
    fn condition_notify_n_wakes_n() {
        let l = Arc::new(Lock::new());
        let c = Arc::new(Condition::new(CondLock::Lock(l.clone())));
        let woke = Arc::new(Mutex::new(0));
        let mut hs = Vec::new();
        for i in 0..3 {
            let (c, l, woke) = (c.clone(), l.clone(), woke.clone());
            hs.push(thread::spawn(move || {
                assert_eq!(l.acquire(me(i), true, None), Acquire::Acquired);
                assert_eq!(c.wait(me(i), None), Ok(true));
                *woke.lock().unwrap() += 1;
                l.release();
            }));
        }
        // Wait (without timing) until all three are queued.
        while c.n_waiting() < 3 {
            thread::yield_now();
        }
        assert_eq!(c.notify(me(9), 1), Err(NotOwned));
        l.acquire(me(9), true, None);
        c.notify(me(9), 2).unwrap();
        assert_eq!(c.n_waiting(), 1);
        l.release();
        while *woke.lock().unwrap() < 2 {
            thread::yield_now();
        }
        l.acquire(me(9), true, None);
        c.notify_all(me(9)).unwrap();
        l.release();
        for h in hs {
            h.join().unwrap();
        }
        assert_eq!(*woke.lock().unwrap(), 3);
    }

    #[test]
    fn condition_over_rlock_restores_count_and_times_out() {
        let r = Arc::new(RLock::new());
        let c = Condition::new(CondLock::RLock(r.clone()));
        assert_eq!(c.wait(me(0), SHORT), Err(NotOwned));
        r.acquire(me(0), true, None);
        r.acquire(me(0), true, None);
        assert_eq!(c.wait(me(0), SHORT), Ok(false));
        assert_eq!(r.state(), (Some(me(0)), 2));
        assert_eq!(c.n_waiting(), 0);
    }

    #[test]
    fn barrier_releases_all_with_distinct_indices() {
        let b = Arc::new(Barrier::new(4, None));
        let hs: Vec<_> = (0..4)
            .map(|_| {
                let b = b.clone();
                thread::spawn(move || b.wait::<()>(None, || Ok(())).unwrap())
            })
            .collect();
        let mut idx: Vec<usize> = hs.into_iter().map(|h| h.join().unwrap()).collect();
        idx.sort();
        assert_eq!(idx, vec![0, 1, 2, 3]);
        // Reusable.
        let hs: Vec<_> = (0..4)
            .map(|_| {
                let b = b.clone();
                thread::spawn(move || b.wait::<()>(None, || Ok(())).is_ok())
            })
            .collect();
        assert!(hs.into_iter().all(|h| h.join().unwrap()));
        assert_eq!(b.n_waiting(), 0);
    }

    #[test]
    fn barrier_timeout_breaks_and_reset_fixes() {
        let b = Barrier::new(2, None);
        assert_eq!(b.wait::<()>(SHORT, || Ok(())), Err(BarrierError::Broken));
        assert!(b.broken());
        assert_eq!(b.wait::<()>(SHORT, || Ok(())), Err(BarrierError::Broken));
        b.reset();
        assert!(!b.broken());
        let one = Barrier::new(1, None);
        assert_eq!(one.wait::<&str>(None, || Err("boom")), Err(BarrierError::Action("boom")));
        assert!(one.broken());
    }

    #[test]
    fn barrier_abort_wakes_waiter() {
        let b = Arc::new(Barrier::new(2, None));
        let b2 = b.clone();
        let h = thread::spawn(move || b2.wait::<()>(None, || Ok(())));
        while lock(&b.st).1 == 0 {
            thread::yield_now();
        }
        b.abort();
        assert_eq!(h.join().unwrap(), Err(BarrierError::Broken));
    }

    #[test]
    fn queue_fifo_lifo_bounds_and_tasks() {
        let q = Queue::new(2, false);
        q.put(vec![1], true, None).unwrap();
        q.put(vec![2], true, None).unwrap();
        assert_eq!(q.put(vec![3], false, None), Err(QueueError::Full));
        assert_eq!(q.put(vec![3], true, SHORT), Err(QueueError::Full));
        assert_eq!(q.get(true, None).unwrap(), vec![1]);
        assert_eq!(q.get(true, None).unwrap(), vec![2]);
        assert_eq!(q.get(false, None), Err(QueueError::Empty));
        assert_eq!(q.get(true, SHORT), Err(QueueError::Empty));
        assert!(!q.join(SHORT));
        q.task_done().unwrap();
        q.task_done().unwrap();
        assert_eq!(q.task_done(), Err(QueueError::TooManyTaskDone));
        assert!(q.join(None));
        let l = Queue::new(0, true);
        for i in 0..3 {
            l.put(vec![i], true, None).unwrap();
        }
        assert_eq!(l.get(false, None).unwrap(), vec![2]);
    }

    #[test]
    fn queue_producer_consumer() {
        let q = Arc::new(Queue::new(3, false));
        let q2 = q.clone();
        let prod = thread::spawn(move || {
            for i in 0..200u32 {
                q2.put(i.to_le_bytes().to_vec(), true, None).unwrap();
            }
        });
        let mut got = Vec::new();
        for _ in 0..200 {
            let b = q.get(true, None).unwrap();
            got.push(u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
            q.task_done().unwrap();
        }
        prod.join().unwrap();
        assert_eq!(got, (0..200).collect::<Vec<_>>());
        assert!(q.join(None));
    }

    #[test]
    fn queue_shutdown() {
        let q = Arc::new(Queue::new(0, false));
        let q2 = q.clone();
        let getter = thread::spawn(move || q2.get(true, None));
        // The getter may or may not be waiting yet; it gets ShutDown either way.
        q.shutdown(false);
        assert_eq!(getter.join().unwrap(), Err(QueueError::ShutDown));
        assert_eq!(q.put(vec![1], true, None), Err(QueueError::ShutDown));
        // Draining still works after a non-immediate shutdown.
        let d = Queue::new(0, false);
        d.put(vec![1], true, None).unwrap();
        d.put(vec![2], true, None).unwrap();
        d.shutdown(false);
        assert_eq!(d.get(true, None).unwrap(), vec![1]);
        d.shutdown(true);
        assert_eq!(d.get(true, None), Err(QueueError::ShutDown));
        assert_eq!(d.unfinished_tasks(), 1);
        assert!(!d.join(SHORT));
        d.task_done().unwrap();
        assert!(d.join(None));
    }

    #[test]
    fn registry_same_arc_same_id() {
        let a = Arc::new(Lock::new());
        let b = Arc::new(Lock::new());
        let ia = register(&a);
        assert_eq!(register(&a), ia);
        let ib = register(&b);
        assert_ne!(ia, ib);
        assert!(Arc::ptr_eq(&lookup::<Lock>(ia).unwrap(), &a));
        assert!(lookup::<Event>(ia).is_none());
        assert!(lookup::<Lock>(u64::MAX).is_none());
        // Held elsewhere: survives pruning. Dropped: pruned.
        prune_registry(Duration::ZERO);
        assert!(lookup::<Lock>(ia).is_some());
        drop(b);
        prune_registry(Duration::ZERO);
        assert!(lookup::<Lock>(ib).is_none());
        // A thread in another "VM" resolves the same primitive.
        let same = thread::spawn(move || lookup::<Lock>(ia).map(|l| Arc::as_ptr(&l) as usize)).join().unwrap();
        assert_eq!(same, Some(Arc::as_ptr(&a) as usize));
    }
}
