# Global lookups through per-instruction hints stay right when modules change.
x = 1
def get_x():
    return x
assert get_x() == 1
x = 2
assert get_x() == 2
del x
try:
    get_x()
    assert False
except NameError as e:
    assert "'x'" in str(e)
x = 3
assert get_x() == 3

def use_len(s):
    return len(s)
assert use_len("ab") == 2
len = lambda s: 42          # shadow the builtin in the module
assert use_len("ab") == 42
del len
assert use_len("abc") == 3

# Many globals (past the small-dict linear scan), then removals shifting positions.
for i in range(40):
    globals()["g%d" % i] = i
def read(k):
    return g20 + g39 + k
assert read(0) == 59
del g0, g1, g2
assert read(1) == 60
g20 = 100
assert read(0) == 139

counter = 0
def bump():
    global counter
    counter += 1
for _ in range(5):
    bump()
assert counter == 5

class C:
    counter = "class"
    seen = counter
assert C.seen == "class" and counter == 5
ns = {}
exec("y = 7\ndef f():\n    return y\nz = f()", ns)
assert ns["z"] == 7
print("ok")
