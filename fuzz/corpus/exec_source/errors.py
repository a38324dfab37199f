class E(Exception):
    def __str__(self): return 'E!'
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise E() from z
except E as e:
    print(repr(e), e.__cause__)
def r(n): return r(n + 1)
try:
    r(0)
except RecursionError:
    pass
l = [1]; l.append(l); d = {}; d['d'] = d
print(l, d, str(l), repr(d))
x = [].pop
try: x()
except IndexError as e: print(e)
assert isinstance(iter([]), object)
print(getattr(1, 'real'), hasattr([], 'nope'), type('T', (object,), {'a': 1})().a)
