# ComputeThread: pocketpy's API plus our additions. pocketpy-only (pkpy module).
import pkpy
from pkpy import ComputeThread

assert pkpy.currentvm() == 0

# Index checks.
for bad in (0, 16, -1):
    try:
        ComputeThread(bad)
        assert False, bad
    except ValueError:
        pass

t = ComputeThread(1)
try:
    ComputeThread(1)
    assert False, "slot 1 is in use"
except ValueError as e:
    assert "in use" in str(e)

# Blocking exec / eval.
assert t.exec("x = 40") is None
assert t.eval("x + 2") == 42
assert t.eval("__import__('pkpy').currentvm()") == 1

# Isolation: a global of VM 1 does not exist in VM 0.
try:
    x
    assert False
except NameError:
    pass

# submit_eval / submit_exec / submit_call and the result accessors.
t.exec("def add(a, b=0, *, scale=1):\n    return (a + b) * scale")
t.submit_call("add", 1, 2, scale=10)
assert t.wait_for_done() is True
assert t.is_done
assert t.last_error() is None
assert t.last_retval() == 30
t.submit_eval("[i * i for i in range(5)]")
assert t.result(timeout=10) == [0, 1, 4, 9, 16]
t.submit_exec("y = {'k': (1, 2.5, 'three', None, True)}")
t.wait_for_done(5)
assert t.eval("y") == {'k': (1, 2.5, 'three', None, True)}

# A job that raises: the traceback is kept, the worker goes on.
t.exec("def boom(n):\n    return 10 // n")
t.submit_call("boom", 0)
t.wait_for_done()
err = t.last_error()
assert err is not None
assert "ZeroDivisionError" in err, err
assert "Traceback" in err and "boom" in err, err
assert t.last_retval() is None
try:
    t.result()
    assert False
except ZeroDivisionError as e:
    assert "Remote traceback" in str(e)
assert t.eval("boom(5)") == 2

# Busy: one job at a time; results cannot be read while it runs.
t.exec("import time")
t.submit_eval("time.sleep(0.3) or 'slept'")
try:
    t.submit_eval("1")
    assert False, "submitting while busy must fail"
except RuntimeError:
    pass
try:
    t.last_retval()
    assert False, "reading before done must fail"
except RuntimeError:
    pass
assert t.wait_for_done(0.01) is False
assert t.wait_for_done() is True
assert t.last_retval() == 'slept'

# Unpicklable arguments fail on the submitting side.
try:
    t.submit_call("add", lambda: 1)
    assert False
except Exception as e:
    assert type(e).__name__ in ("TypeError", "PicklingError"), type(e)
assert t.is_done

# 1000 consecutive small jobs on one thread.
total = 0
for i in range(1000):
    t.submit_call("add", i, 1)
    t.wait_for_done()
    total += t.last_retval()
assert total == sum(range(1, 1001))

# Two threads running at once.
t2 = ComputeThread(2)
t2.exec("import time")
t.submit_eval("time.sleep(0.2) or __import__('pkpy').currentvm()")
t2.submit_eval("time.sleep(0.2) or __import__('pkpy').currentvm()")
assert t.result() == 1
assert t2.result() == 2

# close() releases the slot; context manager form.
t2.close()
with ComputeThread(2) as t3:
    assert t3.eval("1 + 1") == 2
t4 = ComputeThread(2)
t4.close()

# Dropping a ComputeThread while its job runs waits for the job and frees the slot.
import gc
t5 = ComputeThread(3)
t5.exec("import time")
t5.submit_eval("time.sleep(0.3) or 'late'")
del t5
gc.collect()
t6 = ComputeThread(3)
assert t6.eval("1 + 2") == 3
t6.close()
print("ok")
