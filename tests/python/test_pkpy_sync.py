# threading / queue primitives shared between VMs (pocketpy-only).
import pickle
import queue
import threading
import time
from pkpy import ComputeThread

T = 0.02  # short timeouts: only "it returns" is checked
LONG = 20  # a bound on waits that should end much sooner

WORKER = '''
import threading, queue, time

def produce(q, n):
    for i in range(n):
        q.put(i)
    q.put(None)
    return n

def consume(q):
    total = 0
    while True:
        x = q.get(timeout=20)
        q.task_done()
        if x is None:
            return total
        total += x

def wait_barrier(b):
    return b.wait(20)

def wait_event(e, t):
    return e.wait(t)

def set_after(go, e):
    assert go.wait(20)
    e.set()
    return True

def count(lock, cell, n):
    for _ in range(n):
        with lock:
            v = cell.get_nowait()
            cell.put_nowait(v + 1)
    return n

def hold(lock):
    return lock.acquire(timeout=20)

def release(lock):
    lock.release()

def cond_wait(c, flag):
    with c:
        return c.wait_for(lambda: flag.qsize() > 0, 20)

def cond_wait_timeout(c, t):
    with c:
        return c.wait(t)

def get_until_shutdown(q, started):
    started.set()
    try:
        q.get()
    except queue.ShutDown:
        return "ShutDown"
    return "item"

def try_barrier(b, t):
    try:
        b.wait(t)
    except threading.BrokenBarrierError:
        return "broken"
    return "passed"

def sem_take(s, t):
    return s.acquire(timeout=t)

def put_timeout(q, t):
    try:
        q.put("x", timeout=t)
    except queue.Full:
        return "Full"
    return "put"

def vm():
    import pkpy
    return pkpy.currentvm()
'''

workers = [ComputeThread(i) for i in range(1, 5)]
for w in workers:
    w.exec(WORKER)
t1, t2, t3, t4 = workers


def raises(exc, f, *args):
    try:
        f(*args)
    except exc as e:
        return e
    assert False, "%s not raised" % exc.__name__


# ---- pickling keeps identity, in this VM and across VMs
lk = threading.Lock()
lk2 = pickle.loads(pickle.dumps(lk))
assert lk.acquire()
assert lk2.locked()
lk2.release()
assert not lk.locked()
assert pickle.dumps(lk) == pickle.dumps(lk)  # the same handle id each time
for obj in (threading.RLock(), threading.Semaphore(2), threading.BoundedSemaphore(2), threading.Event(),
            threading.Condition(), threading.Barrier(2), queue.Queue(), queue.LifoQueue(), queue.SimpleQueue()):
    assert type(pickle.loads(pickle.dumps(obj))) is type(obj), obj
e = raises(pickle.UnpicklingError, threading._from_handle, "Lock", 10 ** 15)
assert "no longer exists" in str(e), e
raises(pickle.UnpicklingError, queue._from_handle, "Queue", 10 ** 15)
# Items are pickled at put: unpicklable ones fail there.
raises(pickle.PicklingError, queue.Queue().put, lambda: 1)

# Inside a pickled structure, both ways; and a primitive made by a worker
# whose own object is gone by the time this VM unpickles it.
t1.exec("def fill(b):\n    b['q'].put('from vm1')\n    b['locks'][1].acquire()\n    return b")
bundle = {"q": queue.Queue(), "locks": [threading.Lock(), threading.Lock()]}
t1.submit_call("fill", bundle)
back = t1.result(LONG)
assert bundle["q"].get_nowait() == "from vm1"
assert bundle["locks"][1].locked() and not bundle["locks"][0].locked()
back["q"].put(5)
assert bundle["q"].get_nowait() == 5
back["locks"][1].release()
assert not bundle["locks"][1].locked()
made = t1.eval("__import__('threading').Event()")
assert type(made) is threading.Event and not made.is_set()
made.set()
assert made.wait(T) is True

# ---- a producer on VM 1 feeding a consumer on VM 2
q = queue.Queue(3)
t1.submit_call("produce", q, 60)
t2.submit_call("consume", q)
assert t1.result(LONG) == 60
assert t2.result(LONG) == sum(range(60))
q.join()  # every item was marked done on VM 2
assert q.qsize() == 0 and q.unfinished_tasks == 0

# ---- a barrier releasing four ComputeThreads together; its action (a bound
# method of a shared Event) runs in whichever VM arrives last
done = threading.Event()
b = threading.Barrier(4, action=done.set)
for w in workers:
    w.submit_call("wait_barrier", b)
assert sorted(w.result(LONG) for w in workers) == [0, 1, 2, 3]
assert done.is_set()
assert b.n_waiting == 0 and not b.broken
# Reusable: again, with this VM as the fourth party.
done.clear()
for w in workers[:3]:
    w.submit_call("wait_barrier", b)
mine = b.wait(LONG)
assert sorted([mine] + [w.result(LONG) for w in workers[:3]]) == [0, 1, 2, 3]
assert done.is_set()

# ---- an Event set on one VM releases a waiter on another
ev = threading.Event()
t1.submit_call("wait_event", ev, LONG)
ev.set()
assert t1.result(LONG) is True
go, back = threading.Event(), threading.Event()
t2.submit_call("set_after", go, back)
assert back.wait(T) is False  # VM 2 waits for go
go.set()
assert back.wait(LONG) is True
assert t2.result(LONG) is True

# ---- a Lock shared across VMs protecting a counter (a one-item queue: an
# unprotected get_nowait would raise Empty when another VM holds the item)
lock = threading.Lock()
cell = queue.Queue()
cell.put(0)
for w in (t1, t2, t3):
    w.submit_call("count", lock, cell, 100)
for _ in range(100):
    with lock:
        cell.put_nowait(cell.get_nowait() + 1)
assert [w.result(LONG) for w in (t1, t2, t3)] == [100, 100, 100]
assert cell.get_nowait() == 400

# ---- a lock held by another VM: timeouts here, release from here
held = threading.Lock()
assert t1.eval("0") == 0
t1.submit_call("hold", held)
assert t1.result(LONG) is True
assert held.locked()
assert held.acquire(timeout=T) is False
assert held.acquire(False) is False
held.release()  # a Lock may be released by anyone
assert held.acquire(timeout=T) is True
t2.submit_call("release", held)
assert t2.result(LONG) is None
assert not held.locked()
# An RLock held by VM 1 is not ours to release.
rl = threading.RLock()
t1.submit_call("hold", rl)
assert t1.result(LONG) is True
assert rl.acquire(timeout=T) is False
e = raises(RuntimeError, rl.release)
assert "un-acquired" in str(e)

# ---- Condition across VMs
c = threading.Condition()
flag = queue.Queue()
t3.submit_call("cond_wait", c, flag)
with c:
    flag.put(1)
    c.notify_all()
assert t3.result(LONG) is True
t3.submit_call("cond_wait_timeout", c, T)
assert t3.result(LONG) is False
with c:
    assert c.wait(T) is False

# ---- timeouts on every other blocking call
qe = queue.Queue()
raises(queue.Empty, qe.get, True, T)
qf = queue.Queue(1)
qf.put(1)
raises(queue.Full, qf.put, 2, True, T)
t4.submit_call("put_timeout", qf, T)
assert t4.result(LONG) == "Full"
assert threading.Event().wait(T) is False
t4.submit_call("wait_event", threading.Event(), T)
assert t4.result(LONG) is False
sem = threading.Semaphore(0)
assert sem.acquire(timeout=T) is False
t4.submit_call("sem_take", sem, T)
assert t4.result(LONG) is False
sem.release()
t4.submit_call("sem_take", sem, LONG)
assert t4.result(LONG) is True
# Barrier.wait timing out in another VM breaks the barrier for everyone.
b3 = threading.Barrier(3)
t4.submit_call("try_barrier", b3, T)
assert t4.result(LONG) == "broken"
assert b3.broken
raises(threading.BrokenBarrierError, b3.wait, T)
b3.reset()
# Here a timeout breaks it; a waiter in VM 1 is released with the error too.
t1.submit_call("try_barrier", b3, LONG)
raises(threading.BrokenBarrierError, b3.wait, T)
assert t1.result(LONG) == "broken"
# abort() from here releases a waiter in VM 2.
b3.reset()
t2.submit_call("try_barrier", b3, LONG)
while b3.n_waiting < 1:
    time.sleep(0.001)
b3.abort()
assert t2.result(LONG) == "broken"

# ---- shutdown wakes a getter blocked (without timeout) in another VM
qs = queue.Queue()
started = threading.Event()
t3.submit_call("get_until_shutdown", qs, started)
assert started.wait(LONG)
time.sleep(0.01)
qs.shutdown()
assert t3.result(LONG) == "ShutDown"
raises(queue.ShutDown, qs.put, 1)
raises(queue.ShutDown, qs.get)
# Non-immediate shutdown lets getters drain; immediate drops the rest.
qd = queue.Queue()
for i in range(3):
    qd.put(i)
qd.shutdown()
assert qd.is_shutdown
assert qd.get() == 0
qd.shutdown(immediate=True)
raises(queue.ShutDown, qd.get_nowait)
assert qd.unfinished_tasks == 1
qd.task_done()
qd.join()

# ---- the deadlock check: same VM, same thread, no timeout
dl = threading.Lock()
dl.acquire()
e = raises(RuntimeError, dl.acquire)
assert str(e).startswith("deadlock"), e
assert dl.acquire(timeout=T) is False  # with a timeout it just waits
cd = threading.Condition(dl)
raises(RuntimeError, cd.acquire)
dl.release()
with cd:
    raises(RuntimeError, cd.__enter__)
# A VM's own lock is not a deadlock for another VM: it waits (here, times out).
dl.acquire()
t1.submit_call("hold", dl)
time.sleep(0.01)
dl.release()
assert t1.result(LONG) is True
assert dl.locked()
dl.release()

for w in workers:
    w.close()
print("ok")
