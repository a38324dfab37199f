def f(*args, **kw):
    global g
    g = lambda y: y + len(args)
    def inner():
        nonlocal kw
        kw = {**kw, 'z': 1}
        return kw
    return inner()
a, *b, c = [1, 2, 3, 4]
match b:
    case [2, 3]:
        r = 'two'
    case {'k': v}:
        r = v
    case _:
        r = None
assert f(1, q=2) == {'q': 2, 'z': 1}, r
i = 0
while i < 5:
    i += 1
    if i == 2: continue
    if i == 4: break
else:
    i = -1
x = 1 if i else 2
del a
try:
    print(a)
except NameError as e:
    print(type(e).__name__, e)
