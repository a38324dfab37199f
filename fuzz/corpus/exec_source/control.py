def gen(n):
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield -1
        finally:
            pass
x = [v for v in gen(7) if v]
d = {k: v for k, v in zip("abc", x)}
s = {i * i for i in x}
with open if False else None as f:
    pass
