class A:
    x = 1
    def __init__(self, v): self.v = v
    def __repr__(self): return f"A({self.v!r})"
    def __eq__(self, o): return isinstance(o, A) and o.v == self.v
    def __hash__(self): return hash(self.v)
    @property
    def p(self): return self.v * 2
    @staticmethod
    def s(a, b=2, *c, d, **e): return (a, b, c, d, e)
class B(A):
    def __init__(self, v):
        super().__init__(v)
        self.w = [v, {v: (v,)}]
b = B(3)
print(b, b.p, B.s(1, d=4, z=5), {b: 1}, [A(i) for i in range(3)])
