import math, json, pickle, re, random, collections, itertools, functools, base64, string, heapq, bisect
print(math.gcd(12, 18), math.isqrt(10**30), json.dumps({'a': [1.5, None]}), re.findall(r'(\w)\1', 'aabbc'))
print(pickle.loads(pickle.dumps({1: [2, (3,)], 'x': {1, 2}})), base64.b64encode(b'hi'))
print(collections.Counter('abca').most_common(1), list(itertools.permutations([1, 2, 3], 2)))
print(functools.reduce(lambda a, b: a * b, range(1, 10)), heapq.nsmallest(2, [5, 1, 3]), bisect.bisect([1, 3], 2))
random.seed(1); print(random.randint(1, 100))
from dataclasses import dataclass
@dataclass
class P:
    x: int
    y: int = 0
print(P(1), P(1) == P(1, 0))
