# Positional calls that take defaults run on the fast path with CPython's binding.
def f(a, b=2, c=3):
    return (a, b, c)
assert f(1) == (1, 2, 3) and f(1, 5) == (1, 5, 3) and f(1, 5, 6) == (1, 5, 6)
try:
    f()
    assert False
except TypeError as e:
    assert "missing 1 required positional argument: 'a'" in str(e), str(e)
def g(a, /, b=[]):
    b.append(a)
    return b
assert g(1) == [1] and g(2) == [1, 2]
class K:
    def m(self, x=10):
        return x
assert K().m() == 10 and K().m(3) == 3
def outer():
    n = 0
    def step(k=1):
        nonlocal n
        n += k
        return n
    return step
s = outer()
assert [s() for _ in range(3)] == [1, 2, 3] and s(10) == 13
print("ok")
