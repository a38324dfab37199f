# Resource limits: the watchdog (TimeoutError), the heap limit (MemoryError)
# and interrupting a ComputeThread job (KeyboardInterrupt). pocketpy only.
import pkpy
import time

# ---- watchdog: a runaway loop, a recursion without loops, a sleep, a native
def expect_timeout(fn):
    pkpy.watchdog_begin(50)
    try:
        fn()
    except TimeoutError as e:
        assert 'watchdog' in str(e), e
    else:
        assert False, 'no TimeoutError'
    finally:
        pkpy.watchdog_end()

def spin():
    while True:
        pass

def fanout(n):
    return 0 if n == 0 else fanout(n - 1) + fanout(n - 1)

def long_sleep():
    time.sleep(3600)

def native_iteration():
    import itertools
    for _ in itertools.count():
        pass

def native_consumer():
    sum(range(10 ** 15))

# (A missing TimeoutError would hang: the test runner's time limit fails it.)
for fn in (spin, lambda: fanout(60), long_sleep, native_iteration, native_consumer):
    expect_timeout(fn)

# Catching the error does not escape the watchdog: it stays armed, so the
# loop raises again at once each time.
pkpy.watchdog_begin(30)
caught = 0
while caught < 3:
    try:
        spin()
    except TimeoutError:
        caught += 1
pkpy.watchdog_end()

# Ended: the same loop shape runs to completion.
pkpy.watchdog_begin(10_000)
s = 0
for i in range(100_000):
    s += i
pkpy.watchdog_end()
assert s == 4999950000

# ---- heap limit
assert pkpy.heap_limit() == 0
pkpy.set_heap_limit(64 * 1024 * 1024)
assert pkpy.heap_limit() == 64 * 1024 * 1024

def grow_list():
    out = []
    while True:
        out.append(str(len(out)))

def double():
    l = [0]
    for _ in range(80):
        l = l + l

def comprehension():
    return [i for i in range(10 ** 10)]

def build_dict():
    return {i: str(i) for i in range(10 ** 10)}

def native_build():
    return list(range(10 ** 10))

def repeat_str():
    return 'ab' * (10 ** 9)

def repeat_list():
    return [1, 2] * (10 ** 9)

def string_doubling():
    s = 'x'
    while True:
        s += s

for fn in (grow_list, double, comprehension, build_dict, native_build, repeat_str, repeat_list, string_doubling):
    try:
        fn()
    except MemoryError as e:
        assert 'heap limit' in str(e), (fn, e)
    else:
        assert False, fn
    # The garbage is gone once the error was handled: real work goes on.
    keep = [str(i) for i in range(10000)]
    assert len(keep) == 10000

# A script may tighten the limit, not loosen it.
try:
    pkpy.set_heap_limit(1 << 40)
    assert False
except ValueError:
    pass
pkpy.set_heap_limit(32 * 1024 * 1024)
assert pkpy.heap_limit() == 32 * 1024 * 1024
try:
    pkpy.set_heap_limit(0)
    assert False
except ValueError:
    pass

# ---- interrupting a ComputeThread job
ct = pkpy.ComputeThread(1)
assert ct.interrupt() is False  # nothing runs: nothing left pending
ct.submit_exec('while True: pass')
time.sleep(0.05)
assert ct.interrupt() is True
assert ct.wait_for_done(30)
err = ct.last_error()
assert err is not None and 'KeyboardInterrupt' in err, err
# The next job is not hit by the old interrupt.
ct.submit_eval('sum(range(1000))')
ct.wait_for_done(30)
assert ct.last_error() is None
assert ct.last_retval() == 499500
# A job blocked in time.sleep wakes up.
ct.submit_exec('import time; time.sleep(3600)')
time.sleep(0.05)
assert ct.interrupt() is True
ct.wait_for_done()
assert 'KeyboardInterrupt' in ct.last_error()
# The watchdog works inside jobs too.
ct.submit_exec('import pkpy\npkpy.watchdog_begin(20)\nwhile True: pass')
ct.wait_for_done(30)
assert 'TimeoutError' in ct.last_error()
ct.close()
print('ok')
