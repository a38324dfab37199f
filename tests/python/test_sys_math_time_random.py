# Basics of the sys, math, time and random modules.
import sys
import math
import time
import random

# --- sys ---
assert isinstance(sys.argv, list)
assert len(sys.argv) >= 1 and all(isinstance(a, str) for a in sys.argv)
assert sys.version_info >= (3, 0)
assert sys.version_info > (2, 7, 18)
assert sys.version_info < (4,)
assert sys.version_info[0] == 3
assert sys.version_info.major == 3
assert isinstance(sys.version_info.minor, int)
assert isinstance(sys.version, str)
assert isinstance(sys.path, list)
assert isinstance(sys.modules, dict) and 'sys' in sys.modules and sys.modules['sys'] is sys
assert isinstance(sys.maxsize, int) and sys.maxsize >= 2 ** 31 - 1
assert sys.byteorder in ('little', 'big')
old = sys.getrecursionlimit()
assert isinstance(old, int) and old > 0
sys.setrecursionlimit(old + 100)
assert sys.getrecursionlimit() == old + 100
sys.setrecursionlimit(old)
assert sys.getrecursionlimit() == old
n = sys.stdout.write('')
assert n == 0
assert sys.stdout.write('') == 0
assert hasattr(sys.stdout, 'flush') and hasattr(sys.stderr, 'write')
assert sys.stderr.write('') == 0
try:
    sys.exit(3)
    assert False
except SystemExit as ex:
    assert ex.code == 3
try:
    sys.exit()
except SystemExit as ex:
    assert ex.code is None

# --- math ---
assert math.pi == 3.141592653589793
assert math.e == 2.718281828459045
assert math.tau == 2 * math.pi
assert math.inf == float('inf') and -math.inf < 0
assert math.isnan(math.nan) and math.nan != math.nan
assert math.sqrt(16) == 4.0 and type(math.sqrt(16)) is float
assert math.sqrt(2) == 1.4142135623730951
try:
    math.sqrt(-1)
    assert False
except ValueError as ex:
    assert str(ex) == 'math domain error'
assert math.floor(3.7) == 3 and math.floor(-3.2) == -4 and type(math.floor(1.5)) is int
assert math.ceil(3.2) == 4 and math.ceil(-3.7) == -3 and type(math.ceil(1.5)) is int
assert math.trunc(3.9) == 3 and math.trunc(-3.9) == -3
assert math.isclose(0.1 + 0.2, 0.3)
assert not math.isclose(1.0, 1.1)
assert math.isclose(1.0, 1.05, rel_tol=0.1)
assert math.isclose(0.0, 1e-10, abs_tol=1e-9)
assert not math.isclose(0.0, 1e-10)
assert math.gcd(12, 18) == 6 and math.gcd(0, 5) == 5 and math.gcd(-4, 6) == 2
assert math.gcd(2 ** 100, 2 ** 60 * 3) == 2 ** 60
assert math.lcm(4, 6) == 12
assert math.fabs(-3) == 3.0 and type(math.fabs(-3)) is float
assert math.pow(2, 10) == 1024.0 and type(math.pow(2, 3)) is float
assert math.exp(0) == 1.0
assert math.isclose(math.exp(1), math.e)
assert math.log(1) == 0.0
assert math.isclose(math.log(math.e), 1.0)
assert math.isclose(math.log(100, 10), 2.0)
assert math.log2(8) == 3.0 and math.log10(1000) == 3.0
assert math.isclose(math.log(2 ** 1000), 1000 * math.log(2)), "log of big int"
try:
    math.log(0)
    assert False
except ValueError:
    pass
assert math.sin(0) == 0.0 and math.cos(0) == 1.0
assert abs(math.sin(math.pi / 2) - 1.0) < 1e-12
assert abs(math.cos(math.pi) + 1.0) < 1e-12
assert abs(math.sin(math.pi)) < 1e-12
assert abs(math.tan(math.pi / 4) - 1.0) < 1e-12
assert abs(math.atan2(1, 1) - math.pi / 4) < 1e-12
assert abs(math.asin(1) - math.pi / 2) < 1e-12
assert abs(math.acos(1)) < 1e-12
assert abs(math.atan(1) - math.pi / 4) < 1e-12
assert math.isclose(math.degrees(math.pi), 180.0)
assert math.isclose(math.radians(180), math.pi)
assert math.hypot(3, 4) == 5.0
assert math.isnan(float('nan')) and not math.isnan(1.0)
assert math.isinf(math.inf) and math.isinf(-math.inf) and not math.isinf(1e308)
assert math.isfinite(1.0) and not math.isfinite(math.nan)
assert math.factorial(0) == 1 and math.factorial(5) == 120
assert math.factorial(30) == 265252859812191058636308480000000
assert math.comb(5, 2) == 10 and math.perm(5, 2) == 20
assert math.isqrt(17) == 4 and math.isqrt(10 ** 20) == 10 ** 10
assert math.copysign(3, -0.0) == -3.0
assert math.fmod(-7, 3) == -1.0 and -7 % 3 == 2
assert math.modf(3.5) == (0.5, 3.0)
assert math.prod([1, 2, 3, 4]) == 24
assert math.fsum([0.1] * 10) == 1.0
assert math.frexp(8.0) == (0.5, 4)
assert math.ldexp(0.5, 4) == 8.0

# --- time ---
t1 = time.time()
assert isinstance(t1, float)
assert t1 > 1_600_000_000, "time.time() is seconds since the epoch"
p1 = time.perf_counter()
assert isinstance(p1, float)
m1 = time.monotonic()
time.sleep(0.01)
t2 = time.time()
p2 = time.perf_counter()
m2 = time.monotonic()
assert t2 >= t1
assert p2 > p1
assert m2 >= m1
assert time.sleep(0) is None
lt = time.localtime()
assert 1 <= lt.tm_mon <= 12 and 1 <= lt.tm_mday <= 31 and lt.tm_year >= 2020
assert isinstance(time.time_ns(), int)

# --- random ---
random.seed(12345)
a = [random.random() for _ in range(5)]
random.seed(12345)
b = [random.random() for _ in range(5)]
assert a == b, "same seed -> same sequence"
for _ in range(1000):
    r = random.random()
    assert 0.0 <= r < 1.0
    ri = random.randint(1, 6)
    assert 1 <= ri <= 6 and type(ri) is int
    rr = random.randrange(0, 10, 2)
    assert rr in (0, 2, 4, 6, 8)
    u = random.uniform(2.5, 3.5)
    assert 2.5 <= u <= 3.5
seen = {random.randint(1, 3) for _ in range(300)}
assert seen == {1, 2, 3}, "randint covers both endpoints"
items = ['a', 'b', 'c']
for _ in range(100):
    assert random.choice(items) in items
assert random.choice('xyz') in 'xyz'
try:
    random.choice([])
    assert False
except IndexError:
    pass
deck = list(range(52))
random.shuffle(deck)
assert sorted(deck) == list(range(52)), "shuffle is a permutation"
assert len(deck) == 52
assert random.shuffle([1, 2]) is None
smp = random.sample(range(100), 10)
assert len(smp) == 10 and len(set(smp)) == 10 and all(0 <= v < 100 for v in smp)
ch = random.choices('ab', k=20)
assert len(ch) == 20 and set(ch) <= {'a', 'b'}
rng = random.Random(7)
rng2 = random.Random(7)
assert [rng.random() for _ in range(3)] == [rng2.random() for _ in range(3)]
assert 0 <= random.getrandbits(8) < 256

print("ok")
