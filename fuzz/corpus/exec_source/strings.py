s = "héllo wörld\t\x00\u1234"
print(s.upper(), s.split(), s[::-1], s[1:5:2], s.encode(), repr(s))
print("%d %s %r %5.2f" % (1, 'a', [2], 3.14159), "{0:>8}|{1!r:^6}".format('x', 'y'))
print(f"{s!r:>30} {3.5:e} {10**20:,} {-7 // 2} {-7 % 2} {2 ** -1} {1e308 * 10}")
b = bytes(range(10)) + b'\xff'
print(b.hex(), bytearray(b)[2:], b.decode('latin-1'), int('ff', 16), float('nan'))
t = (1, 2.0, 3j if False else 3, None, True, ...)
print(sorted({3: 'c', 1: 'a'}.items()), list(reversed(t)), hash(t), min(1, 2), max([3, 4]))
