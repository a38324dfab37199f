async def f(): await g
lambda: (yield)
class A(metaclass=type): pass
@property
def h(): ...
global q
print(*[1], sep="", end="")
assert 1, "m"
raise
