# Every standard module at once, in each of the 16 VMs: VM 0 here, VMs
# 1..15 through ComputeThreads running the same script. pocketpy-only.
from pkpy import ComputeThread

SCRIPT = r'''
import sys, math, time, random, json, base64, pickle, collections, functools
import itertools, heapq, bisect, operator, typing, dataclasses, enum, abc, copy
import string, re, os, os.path, traceback, textwrap, io, gc, pkpy
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple
from dataclasses import dataclass, field
from enum import Enum, auto

@dataclass(order=True)
class Cell:
    x: int
    y: int
    tags: list = field(default_factory=list)

class Biome(Enum):
    SEA = auto()
    LAND = auto()

Point = namedtuple('Point', 'x y')

def check():
    vm = pkpy.currentvm()
    rng = random.Random(vm)
    cells = sorted(Cell(rng.randint(0, 9), i) for i in range(20))
    counts = Counter(Biome.SEA if c.x < 5 else Biome.LAND for c in cells)
    data = {'vm': vm, 'cells': [dataclasses.asdict(c) for c in cells[:3]],
            'counts': {b.name: n for b, n in counts.items()},
            'p': Point(1, 2)._asdict()}
    text = json.dumps(data, sort_keys=True)
    assert json.loads(text)['vm'] == vm
    assert base64.b64decode(base64.b64encode(text.encode())).decode() == text
    assert pickle.loads(pickle.dumps(data)) == json.loads(json.dumps(data))
    assert re.findall(r'"(\w+)":', text)[:3] == ['cells', 'tags', 'x'], text
    assert re.sub(r'\d+', '#', 'a1b22') == 'a#b#'
    assert list(itertools.islice(itertools.count(vm), 3)) == [vm, vm + 1, vm + 2]
    assert heapq.nsmallest(2, [5, 1, 4]) == [1, 4] and bisect.bisect([1, 3], 2) == 1
    assert functools.reduce(operator.mul, range(1, 6)) == 120
    assert copy.deepcopy(cells[0]) == cells[0] and deque([1, 2], maxlen=1) == deque([2])
    assert textwrap.fill('a b c', 3) == 'a b\nc' and string.ascii_lowercase[:3] == 'abc'
    assert math.isclose(math.fsum([0.1] * 10), 1.0) and os.path.join('a', 'b') == 'a/b'
    assert defaultdict(int)['k'] == 0 and OrderedDict(a=1) == {'a': 1}
    try:
        1 / 0
    except ZeroDivisionError:
        assert 'ZeroDivisionError' in traceback.format_exc()
    assert isinstance(time.time(), float) and len(sys.argv) >= 0
    return vm, counts[Biome.SEA] + counts[Biome.LAND]
'''

exec(SCRIPT)
assert check() == (0, 20)

threads = [ComputeThread(i) for i in range(1, 16)]
for t in threads:
    t.submit_exec(SCRIPT)
for t in threads:
    t.wait_for_done()
    assert t.last_error() is None, t.last_error()
for t in threads:
    t.submit_eval("check()")
results = []
for t in threads:
    results.append(t.result())
assert results == [(i, 20) for i in range(1, 16)], results
for t in threads:
    t.close()
print("ok")
