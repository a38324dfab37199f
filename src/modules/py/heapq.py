"""Min-heap operations on plain lists (written for pocketpy-rs).

The invariant: a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for every k.
Only `<` is used to compare items, as in CPython.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'heappushpop',
           'nlargest', 'nsmallest', 'merge']


def _sift_up(heap, start, pos):
    # Move heap[pos] towards the root (not above `start`) while smaller than its parent.
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        p = heap[parent]
        if item < p:
            heap[pos] = p
            pos = parent
        else:
            break
    heap[pos] = item


def _sift_down(heap, pos):
    # Move heap[pos] down while a child is smaller.
    n = len(heap)
    item = heap[pos]
    child = 2 * pos + 1
    while child < n:
        right = child + 1
        if right < n and heap[right] < heap[child]:
            child = right
        if heap[child] < item:
            heap[pos] = heap[child]
            pos = child
            child = 2 * pos + 1
        else:
            break
    heap[pos] = item


def heappush(heap, item):
    """Push item onto heap, keeping the invariant."""
    heap.append(item)
    _sift_up(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop and return the smallest item."""
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _sift_down(heap, 0)
        return top
    return last


def heapreplace(heap, item):
    """Pop the smallest item, then push item (the heap must not be empty)."""
    top = heap[0]
    heap[0] = item
    _sift_down(heap, 0)
    return top


def heappushpop(heap, item):
    """Push item, then pop the smallest; faster than the two calls."""
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_down(heap, 0)
    return item


def heapify(x):
    """Turn list x into a heap, in place, in linear time."""
    for i in reversed(range(len(x) // 2)):
        _sift_down(x, i)


class _Rev:
    # Wraps an item so that the min-heap orders by descending value.
    __slots__ = ('v',)

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return other.v < self.v


def nsmallest(n, iterable, key=None):
    """The n smallest items, smallest first; stable for equal keys."""
    if n <= 0:
        return []
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        if key is None:
            r = min(it, default=sentinel)
        else:
            r = min(it, default=sentinel, key=key)
        return [] if r is sentinel else [r]
    # Keep a max-heap of the n best (key, index, item) seen so far.
    heap = []
    i = 0
    for item in iterable:
        k = item if key is None else key(item)
        entry = _Rev((k, i, item))
        if len(heap) < n:
            heappush(heap, entry)
        elif k < heap[0].v[0]:
            heapreplace(heap, entry)
        i += 1
    res = [e.v for e in heap]
    res.sort(key=lambda t: (t[0], t[1]))
    return [t[2] for t in res]


def nlargest(n, iterable, key=None):
    """The n largest items, largest first; stable for equal keys."""
    if n <= 0:
        return []
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        if key is None:
            r = max(it, default=sentinel)
        else:
            r = max(it, default=sentinel, key=key)
        return [] if r is sentinel else [r]
    # Keep a min-heap of the n best (key, -index, item) seen so far.
    heap = []
    i = 0
    for item in iterable:
        k = item if key is None else key(item)
        entry = (k, i, item)
        if len(heap) < n:
            heappush(heap, _Key(entry))
        elif heap[0].v[0] < k:
            heapreplace(heap, _Key(entry))
        i -= 1
    res = [e.v for e in heap]
    res.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [t[2] for t in res]


class _Key:
    # Orders (key, index, item) triples by key then index, never comparing items.
    __slots__ = ('v',)

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        a = self.v
        b = other.v
        if a[0] < b[0]:
            return True
        if b[0] < a[0]:
            return False
        return a[1] < b[1]


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator (lazily)."""
    heap = []
    for idx, it in enumerate(iterables):
        it = iter(it)
        for value in it:
            k = value if key is None else key(value)
            heap.append(_MergeEntry(k, idx, value, it, reverse))
            break
    heapify(heap)
    while heap:
        e = heap[0]
        yield e.value
        for value in e.it:
            e.value = value
            e.key = value if key is None else key(value)
            _sift_down(heap, 0)
            break
        else:
            heappop(heap)


class _MergeEntry:
    __slots__ = ('key', 'idx', 'value', 'it', 'rev')

    def __init__(self, key, idx, value, it, rev):
        self.key = key
        self.idx = idx
        self.value = value
        self.it = it
        self.rev = rev

    def __lt__(self, other):
        if self.rev:
            if other.key < self.key:
                return True
            if self.key < other.key:
                return False
        else:
            if self.key < other.key:
                return True
            if other.key < self.key:
                return False
        return self.idx < other.idx
