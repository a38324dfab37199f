# pkpy.WorkerPool and pkpy.Future. pocketpy-only (pkpy module).
import sys, time
import pkpy
from pkpy import WorkerPool, Future, CancelledError

import pool_jobs
from pool_jobs import square, where, fail, slow_sum

# Bad sizes.
for bad in (0, -1, 16):
    try:
        WorkerPool(bad)
        assert False, bad
    except ValueError:
        pass

with WorkerPool(3) as pool:
    assert len(pool.workers) == 3 and 0 not in pool.workers, pool.workers
    assert 'WorkerPool workers=3' in repr(pool)

    # Functions sent by reference: the workers import pool_jobs.
    assert pool.map(square, range(20)) == [i * i for i in range(20)]
    assert pool.map(pow, [2, 3, 4], [5, 2, 1]) == [32, 9, 4]
    f = pool.submit(square, 12)
    assert isinstance(f, Future)
    assert f.result() == 144 and f.done() and not f.cancelled()
    assert f.exception() is None

    # Jobs run on the workers' VMs, not here.
    tags = pool.map(where, range(30))
    assert [t for t, _ in tags] == list(range(30))
    assert all(vm in pool.workers for _, vm in tags)

    # Setup code on every worker, then functions by name (eval source).
    pool.exec("def cube(x):\n    return x ** 3\nSCALE = 10")
    assert pool.map("cube", [1, 2, 3]) == [1, 8, 27]
    assert pool.submit("lambda a, b=1: (a + b) * SCALE", 4, b=2).result() == 60

    # A remote error is raised here with the remote traceback.
    f = pool.submit(fail, "missing")
    try:
        f.result()
        assert False
    except KeyError as e:
        text = str(e)
        assert "Remote traceback" in text and "in fail" in text, text
    e = f.exception()
    assert isinstance(e, KeyError)
    try:
        pool.map(square, [1, "x", 3])
        assert False
    except TypeError as e:
        assert "Remote traceback" in str(e)
    try:
        pool.exec("raise ValueError('setup failed')")
        assert False
    except ValueError as e:
        assert "setup failed" in str(e)

    # Unpicklable functions and arguments fail here, before any worker runs.
    try:
        pool.submit(lambda: 1)
        assert False
    except Exception as e:
        assert type(e).__name__ in ("PicklingError", "TypeError"), e
    try:
        pool.submit(square, (x for x in range(3)))
        assert False
    except TypeError as e:
        assert "generator" in str(e)

    # Timeouts.
    f = pool.submit("__import__('time').sleep", 0.3)
    try:
        f.result(timeout=0.01)
        assert False
    except TimeoutError:
        pass
    assert f.result(timeout=5) is None

    # Cancel a job that has not started: fill every worker first.
    sleepers = [pool.submit("__import__('time').sleep", 0.2) for _ in range(3)]
    late = pool.submit(square, 5)
    assert late.cancel() and late.cancelled() and late.done()
    try:
        late.result()
        assert False
    except CancelledError:
        pass
    for s in sleepers:
        s.result()
    assert not sleepers[0].cancel()  # finished jobs cannot be cancelled

    # Done callbacks run on this VM's thread when it next polls or waits.
    seen = []
    f = pool.submit(square, 7)
    f.add_done_callback(lambda fut: seen.append((fut.result(), pkpy.currentvm())))
    f.result()
    assert seen == [(49, 0)], seen
    f.add_done_callback(lambda fut: seen.append('now'))  # already done: at once
    assert seen[-1] == 'now'
    g = pool.submit(square, 8)
    g.add_done_callback(lambda fut: seen.append(fut.result()))
    g.exception()
    while not g.done():
        pass
    assert 64 in seen

    # Two workers make CPU-bound jobs run side by side (no timing asserted).
    assert pool.map(slow_sum, [20000] * 4) == [slow_sum(20000)] * 4

# After the with block: shut down, slots released.
try:
    pool.submit(square, 1)
    assert False
except RuntimeError as e:
    assert "shutdown" in str(e)
p2 = WorkerPool(15)  # every slot but ours is free again
assert sorted(p2.workers) == list(range(1, 16))
try:
    WorkerPool(1)
    assert False
except ValueError as e:
    assert "free" in str(e)

# Shutdown with jobs in flight: queued jobs still finish (wait=True)...
fs = [p2.submit("__import__('time').sleep", 0.05) for _ in range(20)] + [p2.submit(square, 9)]
p2.shutdown()
assert all(f.done() for f in fs) and fs[-1].result() == 81
# ...or are cancelled with cancel_futures=True.
p3 = WorkerPool(2)
fs = [p3.submit("__import__('time').sleep", 0.05) for _ in range(10)]
p3.shutdown(cancel_futures=True)
assert any(f.cancelled() for f in fs)
assert all(f.done() for f in fs)
print("ok")
