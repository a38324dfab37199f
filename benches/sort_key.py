# List building, sorting with a key, comprehensions.
data = [(i * 7919) % 100_003 for i in range(200_000)]
pairs = [(x % 1000, x) for x in data]
pairs.sort(key=lambda p: p[0])
evens = [x for x in data if x % 2 == 0]
evens.sort(reverse=True)
print(pairs[0], pairs[-1], len(evens), evens[0])
