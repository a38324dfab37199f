# pkpy-only hostile input: corrupt pickles (every truncation, single-byte
# mutations resealed with a valid checksum so the decoder itself sees them,
# and unsealed ones the checksum must catch) and ComputeThread misuse.
import pickle, sys

CRC_TABLE = []
for n in range(256):
    c = n
    for _ in range(8):
        c = (c >> 1) ^ (0xEDB88320 if c & 1 else 0)
    CRC_TABLE.append(c)


def crc32(data):
    c = 0xFFFFFFFF
    for b in data:
        c = CRC_TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF

def reseal(payload):
    n = len(payload)
    return (b'PKPY' + bytes([1]) + n.to_bytes(8, 'little') +
            crc32(payload).to_bytes(4, 'little') + payload)

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Slots:
    __slots__ = ('a',)
    def __init__(self): self.a = 1

class Red:
    def __reduce__(self):
        return (Point, (1, 2))

cyc = [1, 2]
cyc.append(cyc)
d = {'a': 1}
d['self'] = d
p = Point(1, [2, 3])
p.me = p
values = [0, 1, -1, 2**63, -2**200, 3.5, 'héllo', b'\x00\xff', bytearray(b'ab'),
          [1, [2, [3, (4, 5)]]], {'k': [1, {2: 3}], 9: (None, True)}, (1, 'a', (2.0,)),
          {1, 2, 3}, frozenset({'x', 'y'}), Point(1, 'two'), cyc, d, p,
          [Point(i, i) for i in range(3)], Slots(), Red(), (cyc, cyc), None, ..., range(3),
          [10**30, -10**30, 2**64], {'nested': {'deep': [[[[1]]]]}}]
kinds = {}
count = 0
for v in values:
    data = pickle.dumps(v)
    payload = data[17:]
    # every truncation
    for n in range(len(data)):
        try:
            pickle.loads(data[:n])
        except Exception as e:
            kinds[type(e).__name__] = kinds.get(type(e).__name__, 0) + 1
        else:
            raise AssertionError('truncated pickle loaded: %r' % data[:n])
        count += 1
    # single-byte mutations of the payload, resealed so the decoder sees them
    for i in range(len(payload)):
        for delta in (1, 0x80, 0xff, 0x3f):
            mutated = bytearray(payload)
            mutated[i] = (mutated[i] + delta) & 0xff
            try:
                pickle.loads(reseal(bytes(mutated)))
            except Exception as e:
                kinds[type(e).__name__] = kinds.get(type(e).__name__, 0) + 1
            count += 1
    # mutations without resealing: the checksum must catch them
    for i in range(len(data)):
        mutated = bytearray(data)
        mutated[i] ^= 0x55
        try:
            pickle.loads(bytes(mutated))
        except Exception as e:
            kinds[type(e).__name__] = kinds.get(type(e).__name__, 0) + 1
        else:
            raise AssertionError('corrupt pickle loaded at %d' % i)
        count += 1
assert count > 3000, count


# ---------------------------------------------------------------- ComputeThread misuse
import gc
from pkpy import ComputeThread


def raises(exc, f, *args):
    try:
        f(*args)
    except exc as e:
        return e
    raise AssertionError('%s not raised by %r%r' % (exc, f, args))


for bad in (10 ** 30, -10 ** 30):
    raises((ValueError, OverflowError, TypeError), ComputeThread, bad)
for bad in ('1', 1.0, None):
    raises(TypeError, ComputeThread, bad)

t = ComputeThread(1)
raises(SyntaxError, t.exec, 'def (')
raises(ZeroDivisionError, t.eval, '1/0')
# A job's sys.exit() does not exit the caller: it comes back as an error.
e = raises((SystemExit, RuntimeError), t.eval, '__import__("sys").exit(3)')
assert 'SystemExit' in str(e) or type(e) is SystemExit
assert t.eval('1 + 1') == 2  # the worker survives a job's sys.exit
raises((KeyboardInterrupt, RuntimeError), t.exec, 'raise KeyboardInterrupt')
raises(Exception, t.eval, 'lambda: 1')  # unpicklable result
raises(TypeError, t.eval, '(i for i in range(3))')
raises(TypeError, t.submit_call, 5)
raises(TypeError, t.submit_exec, None)
# A job that makes ComputeThreads of its own, including its own busy slot.
assert t.eval('__import__("pkpy").ComputeThread(2).eval("40 + 2")') == 42
raises(ValueError, t.eval, '__import__("pkpy").ComputeThread(1)')
raises(ValueError, t.eval, '__import__("pkpy").ComputeThread(0)')
raises(RecursionError, t.exec, 'def f(): f()\nf()')
raises(RecursionError, t.eval, '(lambda: [__import__("functools").reduce(lambda a, _: [a], range(100000), [])])()')
cyc = t.eval('(lambda a: (a.append(a), a)[1])([])')
assert cyc[0] is cyc
raises(MemoryError, t.eval, '[0] * 10**12')
t.submit_eval('__import__("time").sleep(0.3)')
raises(TimeoutError, t.result, 0.01)
for bad in (-1, float('nan'), float('inf')):
    raises(ValueError, t.wait_for_done, bad)
raises(TypeError, t.wait_for_done, 'x')
# A finite timeout too large for the clock: OverflowError, not a panic.
raises(OverflowError, t.wait_for_done, 10 ** 30)
raises(OverflowError, t.result, 10 ** 30)
assert t.wait_for_done() is True
t.close()
t.close()

# All fifteen worker slots busy at once, then a sixteenth.
ts = []
for i in range(1, 16):
    c = ComputeThread(i)
    c.exec('import time')
    c.submit_eval('time.sleep(0.2) or %d' % i)
    ts.append(c)
raises(ValueError, ComputeThread, 16)
raises(ValueError, ComputeThread, 3)
assert sum(c.result() for c in ts) == sum(range(1, 16))
for c in ts:
    c.close()

# Dropping ComputeThreads with running jobs, repeatedly.
for k in range(5):
    c = ComputeThread(5)
    c.exec('import time')
    c.submit_eval('time.sleep(0.05)')
    del c
    gc.collect()
c = ComputeThread(5)
assert c.eval('5') == 5
c.close()
print('ok')
