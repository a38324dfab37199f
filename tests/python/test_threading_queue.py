# threading and queue in one thread: CPython 3.11's API and messages.
# Runs under CPython too (cross-VM behaviour is in test_pkpy_sync.py).
import threading
import queue
import pickle

T = 0.01  # a short timeout: only "a timeout returns" is checked, never how long


def raises(exc, msg, f, *args, **kw):
    try:
        f(*args, **kw)
    except exc as e:
        if msg is not None:
            assert str(e) == msg, (str(e), msg)
        return
    assert False, "%s not raised" % exc.__name__


# ---- Lock
l = threading.Lock()
assert not l.locked()
assert l.acquire() is True
assert l.locked()
assert l.acquire(False) is False
assert l.acquire(blocking=False) is False
assert l.acquire(True, T) is False
assert l.acquire(timeout=T) is False
assert l.acquire(timeout=0) is False
l.release()
assert not l.locked()
raises(RuntimeError, "release unlocked lock", l.release)
raises(ValueError, "can't specify a timeout for a non-blocking call", l.acquire, False, 1)
raises(ValueError, "timeout value must be positive", l.acquire, timeout=-2)
raises(OverflowError, None, l.acquire, timeout=threading.TIMEOUT_MAX * 2)
with l:
    assert l.locked()
assert not l.locked()
try:
    with l:
        raise KeyError("x")
except KeyError:
    pass
assert not l.locked()
assert l.acquire(timeout=T) is True  # free: a timeout does not matter
l.release()
assert "unlocked" in repr(l)
assert isinstance(threading.TIMEOUT_MAX, float) and threading.TIMEOUT_MAX > 1e6
assert isinstance(threading.get_ident(), int)
assert threading.get_ident() == threading.get_ident()

# ---- RLock
r = threading.RLock()
raises(RuntimeError, "cannot release un-acquired lock", r.release)
assert r.acquire()
assert r.acquire(False)
assert r.acquire(timeout=T)
assert r._is_owned()
r.release()
r.release()
with r:
    with r:
        pass
r.release()
assert not r._is_owned()
raises(RuntimeError, "cannot release un-acquired lock", r.release)
assert "unlocked" in repr(r)

# ---- Semaphore / BoundedSemaphore
s = threading.Semaphore(2)
assert s.acquire() and s.acquire(False)
assert s.acquire(False) is False
assert s.acquire(timeout=T) is False
assert s.acquire(timeout=-1) is False
s.release(2)
assert s.acquire(blocking=False)
s.release()
with s:
    pass
raises(ValueError, "semaphore initial value must be >= 0", threading.Semaphore, -1)
raises(ValueError, "can't specify timeout for non-blocking acquire", s.acquire, False, 1)
raises(ValueError, "n must be one or more", s.release, 0)
s0 = threading.Semaphore(0)
assert s0.acquire(timeout=T) is False
s0.release(3)
assert [s0.acquire(False) for _ in range(4)] == [True, True, True, False]
b = threading.BoundedSemaphore(1)
assert isinstance(b, threading.Semaphore)
raises(ValueError, "Semaphore released too many times", b.release)
assert b.acquire()
b.release()
raises(ValueError, "Semaphore released too many times", b.release)
b2 = threading.BoundedSemaphore(3)
assert b2.acquire() and b2.acquire()
raises(ValueError, "Semaphore released too many times", b2.release, 3)
b2.release(2)
assert "value=3/3" in repr(b2), repr(b2)
assert "value=2" in repr(threading.Semaphore(2))

# ---- Event
e = threading.Event()
assert not e.is_set()
assert e.wait(T) is False
assert e.wait(0) is False
assert e.wait(-1) is False
e.set()
assert e.is_set()
assert e.wait() is True
assert e.wait(T) is True
e.clear()
assert not e.is_set()
assert e.wait(timeout=T) is False
assert "unset" in repr(e)

# ---- Condition
c = threading.Condition()
raises(RuntimeError, "cannot notify on un-acquired lock", c.notify)
raises(RuntimeError, "cannot notify on un-acquired lock", c.notify_all)
raises(RuntimeError, "cannot wait on un-acquired lock", c.wait, T)
with c:
    assert c.wait(T) is False
    assert c.wait(timeout=0) is False
    c.notify()
    c.notify(3)
    c.notify_all()
    assert c._is_owned()
assert not c._is_owned()

box = [0]
with c:
    assert c.wait_for(lambda: box[0] > 0, T) is False
    box[0] = 5
    assert c.wait_for(lambda: box[0] > 0) is True
    assert c.wait_for(lambda: box[0] and box[0] * 2, T) == 10

# Over a Lock, and over an RLock held twice: wait gives it back as it was.
lk = threading.Lock()
cl = threading.Condition(lk)
with cl:
    assert lk.locked()
    assert cl.wait(T) is False
    assert lk.locked()
assert not lk.locked()
rl = threading.RLock()
cr = threading.Condition(rl)
with rl:
    with cr:
        assert cr.wait(T) is False
        assert rl._is_owned()
    assert rl._is_owned()
assert not rl._is_owned()
assert cr.acquire() and cr.acquire(False)
cr.release()
cr.release()
raises(RuntimeError, "cannot release un-acquired lock", cr.release)

# ---- Barrier (one thread: only a barrier of one passes)
one = threading.Barrier(1)
assert one.wait() == 0
assert one.wait(T) == 0
assert one.parties == 1 and one.n_waiting == 0 and not one.broken
calls = []
act = threading.Barrier(1, action=lambda: calls.append(1))
act.wait()
act.wait()
assert calls == [1, 1]
bad = threading.Barrier(1, action=lambda: 1 / 0)
raises(ZeroDivisionError, None, bad.wait)
assert bad.broken
raises(threading.BrokenBarrierError, None, bad.wait)
two = threading.Barrier(2, timeout=T)
assert two.parties == 2
raises(threading.BrokenBarrierError, None, two.wait)
assert two.broken
raises(threading.BrokenBarrierError, None, two.wait, T)
two.reset()
assert not two.broken
raises(threading.BrokenBarrierError, None, two.wait, 0)
two.reset()
two.abort()
assert two.broken
assert issubclass(threading.BrokenBarrierError, RuntimeError)
assert "waiters=0/2" in repr(threading.Barrier(2)), repr(threading.Barrier(2))

# ---- Queue
q = queue.Queue()
assert q.empty() and q.qsize() == 0 and not q.full()
assert q.maxsize == 0
for i in range(5):
    q.put(i)
q.put({"k": [1, 2.5, "s", None, (3,)]})
assert q.qsize() == 6 and not q.empty()
assert [q.get() for _ in range(5)] == [0, 1, 2, 3, 4]
assert q.get_nowait() == {"k": [1, 2.5, "s", None, (3,)]}
raises(queue.Empty, None, q.get_nowait)
raises(queue.Empty, None, q.get, False)
raises(queue.Empty, None, q.get, block=False)
raises(queue.Empty, None, q.get, timeout=T)
raises(queue.Empty, None, q.get, True, 0)
raises(ValueError, "'timeout' must be a non-negative number", q.get, timeout=-1)
assert issubclass(queue.Empty, Exception) and issubclass(queue.Full, Exception)

# Values are copies (pickled on put).
lst = [1, 2]
q.put(lst)
lst.append(3)
got = q.get()
assert got == [1, 2] or got is lst  # CPython keeps the object; ours a copy

# task_done / join
q2 = queue.Queue()
q2.join()  # nothing unfinished
q2.put("a")
q2.put("b")
assert q2.unfinished_tasks == 2
q2.get()
q2.task_done()
q2.get()
q2.task_done()
q2.join()
raises(ValueError, "task_done() called too many times", q2.task_done)

# maxsize
qb = queue.Queue(2)
assert qb.maxsize == 2
qb.put(1)
qb.put_nowait(2)
assert qb.full()
raises(queue.Full, None, qb.put, 3, False)
raises(queue.Full, None, qb.put_nowait, 3)
raises(queue.Full, None, qb.put, 3, timeout=T)
raises(queue.Full, None, qb.put, 3, True, 0)
raises(ValueError, "'timeout' must be a non-negative number", qb.put, 3, timeout=-1)
assert qb.get() == 1
qb.put(3, timeout=T)
assert [qb.get(), qb.get()] == [2, 3]

# LifoQueue / SimpleQueue
lq = queue.LifoQueue()
for i in range(3):
    lq.put(i)
assert [lq.get() for _ in range(3)] == [2, 1, 0]
assert isinstance(lq, queue.Queue)
sq = queue.SimpleQueue()
sq.put(1)
sq.put_nowait(2)
assert sq.qsize() == 2 and not sq.empty()
assert sq.get() == 1 and sq.get_nowait() == 2
raises(queue.Empty, None, sq.get, timeout=T)
raises(queue.Empty, None, sq.get_nowait)

# Subclasses whose __init__ takes other arguments.
class NamedQueue(queue.Queue):
    def __init__(self, name):
        super().__init__(maxsize=2)
        self.name = name


nq = NamedQueue("jobs")
nq.put(1)
nq.put(2)
raises(queue.Full, None, nq.put_nowait, 3)
assert nq.name == "jobs" and nq.maxsize == 2 and nq.get() == 1


class Pair(threading.BoundedSemaphore):
    def __init__(self):
        super().__init__(value=2)


pr = Pair()
assert pr.acquire(False) and pr.acquire(False) and not pr.acquire(False)
pr.release(2)
raises(ValueError, "Semaphore released too many times", pr.release)


class Solo(threading.Barrier):
    def __init__(self):
        super().__init__(1, timeout=5)


assert Solo().wait() == 0 and Solo().parties == 1


class LockedCondition(threading.Condition):
    def __init__(self):
        super().__init__(threading.Lock())


lc = LockedCondition()
with lc:
    assert lc.wait(T) is False


class Flag(threading.Event):
    pass


fl = Flag()
fl.set()
assert fl.wait(T) is True

# Unpicklable items: fine in CPython (no copy), refused at put in pocketpy.
class Local:
    pass


try:
    q.put(lambda: 1)
    assert q.qsize() == 1
    q.get()
except pickle.PicklingError:
    assert q.qsize() == 0

print("ok")
