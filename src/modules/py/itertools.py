"""Iterator building blocks (written for pocketpy-rs).

Most tools are generators; count, repeat and chain are classes for their repr /
from_iterable. Arguments are checked when the tool is created, as in CPython.
"""

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement', 'compress',
           'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee', 'zip_longest']

_maxsize = 9223372036854775807


class count:
    """count(start=0, step=1) -> start, start+step, start+2*step, ..."""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float)) and not hasattr(v, '__add__'):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, self._step)


class repeat:
    """repeat(object[, times]) -> object, object, ... (forever or times times)."""

    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            if not isinstance(times, int):
                raise TypeError("'%s' object cannot be interpreted as an integer" % type(times).__name__)
            if times < 0:
                times = 0
        self._left = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._left is None:
            return self._obj
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        return self._obj

    def __length_hint__(self):
        if self._left is None:
            raise TypeError('len() of unsized object')
        return self._left

    def __repr__(self):
        if self._left is None:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %d)' % (self._obj, self._left)


class chain:
    """chain(*iterables): the items of each iterable in turn."""

    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterables):
        """chain.from_iterable(iterable_of_iterables), evaluated lazily."""
        self = cls.__new__(cls)
        self._sources = iter(iterables)
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                if self._sources is None:
                    raise StopIteration
                try:
                    src = next(self._sources)
                except StopIteration:
                    self._sources = None
                    raise
                self._active = iter(src)
            try:
                return next(self._active)
            except StopIteration:
                self._active = None


def cycle(iterable):
    """cycle(p) -> p0, p1, ..., plast, p0, p1, ..."""
    return _cycle(iter(iterable))


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


def accumulate(iterable, func=None, *, initial=None):
    """Running totals (or running func results); initial is emitted first."""
    return _accumulate(iter(iterable), func, initial)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


def compress(data, selectors):
    """Items of data whose matching selector is true."""
    return (d for d, s in zip(data, selectors) if s)


def dropwhile(predicate, iterable):
    """Skip items while predicate is true, then yield every remaining item."""
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    """Items while predicate is true."""
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    """Items for which predicate (or truth, if None) is false."""
    if predicate is None:
        return (x for x in iter(iterable) if not x)
    return (x for x in iter(iterable) if not predicate(x))


def starmap(function, iterable):
    """function(*args) for each args tuple of iterable."""
    return (function(*args) for args in iter(iterable))


def pairwise(iterable):
    """(s0, s1), (s1, s2), (s2, s3), ..."""
    return _pairwise(iter(iterable))


def _pairwise(it):
    for a in it:
        break
    else:
        return
    for b in it:
        yield a, b
        a = b


def zip_longest(*iterables, fillvalue=None):
    """Like zip, but runs until the longest input ends, padding with fillvalue."""
    its = [iter(it) for it in iterables]
    return _zip_longest(its, fillvalue)


def _zip_longest(its, fillvalue):
    n = len(its)
    if not n:
        return
    active = n
    while True:
        values = []
        for i in range(n):
            it = its[i]
            if it is None:
                values.append(fillvalue)
                continue
            try:
                values.append(next(it))
            except StopIteration:
                active -= 1
                if not active:
                    return
                its[i] = None
                values.append(fillvalue)
        yield tuple(values)


def _check_index(v, what):
    if v is None:
        return None
    try:
        v = v.__index__()
    except AttributeError:
        v = -1
    if v < 0 or v > _maxsize:
        raise ValueError(what)
    return v


def islice(iterable, *args):
    """islice(iterable, stop) or islice(iterable, start, stop[, step])."""
    nargs = len(args)
    if nargs == 1:
        start, stop, step = None, args[0], None
    elif nargs == 2:
        start, stop, step = args[0], args[1], None
    elif nargs == 3:
        start, stop, step = args
    elif nargs == 0:
        raise TypeError('islice expected at least 2 arguments, got 1')
    else:
        raise TypeError('islice expected at most 4 arguments, got %d' % (nargs + 1))
    if nargs == 1:
        stop = _check_index(stop, 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    else:
        start = _check_index(start, 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
        stop = _check_index(stop, 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    if step is None:
        step = 1
    else:
        try:
            step = step.__index__()
        except AttributeError:
            step = 0
        if step <= 0:
            raise ValueError('Step for islice() must be a positive integer or None.')
    if start is None:
        start = 0
    return _islice(iter(iterable), start, stop, step)


def _islice(it, start, stop, step):
    # `pos` counts the items consumed so far; never consume past what is needed.
    pos = 0
    target = start
    if stop is not None and target > stop:
        target = stop
    while True:
        while pos < target:
            try:
                next(it)
            except StopIteration:
                return
            pos += 1
        if stop is not None and pos >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        pos += 1
        yield item
        target = target + step
        if stop is not None and target > stop:
            target = stop


def product(*iterables, repeat=1):
    """Cartesian product: product('ab', range(2)) -> a0 a1 b0 b1."""
    if not isinstance(repeat, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(repeat).__name__)
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(p) for p in iterables] * repeat
    return _product(pools)


def _product(pools):
    n = len(pools)
    for p in pools:
        if not p:
            return
    idx = [0] * n
    yield tuple(p[0] for p in pools)
    while True:
        i = n - 1
        while i >= 0:
            idx[i] += 1
            if idx[i] < len(pools[i]):
                break
            idx[i] = 0
            i -= 1
        if i < 0:
            return
        yield tuple(pools[k][idx[k]] for k in range(n))


def _check_r(r):
    if not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


def permutations(iterable, r=None):
    """r-length orderings of the items, in lexicographic order of positions."""
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else _check_r(r)
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        i = r - 1
        while i >= 0:
            cycles[i] -= 1
            if cycles[i] == 0:
                # rotate indices[i:] left by one
                first = indices[i]
                indices[i:n - 1] = indices[i + 1:]
                indices[n - 1] = first
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[n - j] = indices[n - j], indices[i]
                yield tuple(pool[k] for k in indices[:r])
                break
            i -= 1
        if i < 0:
            return


def combinations(iterable, r):
    """r-length subsequences of the items, in input order."""
    pool = tuple(iterable)
    return _combinations(pool, len(pool), _check_r(r))


def _combinations(pool, n, r):
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[k] for k in indices)


def combinations_with_replacement(iterable, r):
    """r-length subsequences allowing an item to repeat."""
    pool = tuple(iterable)
    return _combinations_wr(pool, len(pool), _check_r(r))


def _combinations_wr(pool, n, r):
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            return
        v = indices[i] + 1
        for j in range(i, r):
            indices[j] = v
        yield tuple(pool[k] for k in indices)


class groupby:
    """groupby(iterable, key=None) -> (key, group iterator) for runs of equal keys.

    The groups share the underlying iterator: advancing groupby ends the
    previous group.
    """

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _marker
        self._id = None

    def __iter__(self):
        return self

    def __next__(self):
        self._id = None
        while True:
            if self._currkey is _marker:
                self._step()
            elif self._tgtkey is _marker:
                break
            else:
                if not (self._tgtkey == self._currkey):
                    break
                self._step()
        self._tgtkey = self._currkey
        self._id = ident = object()
        return (self._currkey, _grouper(self, self._tgtkey, ident))

    def _step(self):
        # Raises StopIteration at the end of the input.
        v = next(self._it)
        k = v if self._keyfunc is None else self._keyfunc(v)
        self._currvalue = v
        self._currkey = k


_marker = object()


def _grouper(parent, tgtkey, ident):
    while parent._id is ident:
        if parent._currvalue is _marker:
            try:
                parent._step()
            except StopIteration:
                return
        if not (tgtkey == parent._currkey):
            return
        value = parent._currvalue
        parent._currvalue = _marker
        yield value


def tee(iterable, n=2):
    """n independent iterators over one iterable (items are buffered as needed)."""
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    # A shared singly linked list of [value, next]; each tee walks it.
    link = [None, None]
    return tuple(_tee(it, link) for _ in range(n))


def _tee(it, link):
    while True:
        if link[1] is None:
            try:
                value = next(it)
            except StopIteration:
                return
            link[0] = value
            link[1] = [None, None]
        value = link[0]
        link = link[1]
        yield value
