# Generators (with yield from) and closures.
def counter(start):
    n = start
    def step(k=1):
        nonlocal n
        n += k
        return n
    return step

def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]

def flatten(nested):
    for part in nested:
        yield from part

def pipeline(n):
    c = counter(0)
    data = [c() for _ in range(n)]
    squares = (x * x for x in flatten(chunks(data, 7)))
    return sum(x for x in squares if x % 3)

total = 0
for k in range(80):
    total += pipeline(10000 + k)
print(total)
