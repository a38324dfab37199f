"""Shallow and deep copies (written for pocketpy-rs).

copy(x) / deepcopy(x, memo) honour __copy__ / __deepcopy__, then __reduce_ex__ /
__reduce__ when a class defines them, then copy an instance generically: a new
object of the same class (cls.__new__(cls)) with its __dict__ / __slots__ state
(via __getstate__ / __setstate__ when defined) and, for subclasses of list, dict
and set, its items.
"""

__all__ = ['Error', 'copy', 'deepcopy', 'error']


class Error(Exception):
    pass


error = Error

_NoneType = type(None)
_atomic = {_NoneType, int, float, bool, str, bytes, type, range, type(Ellipsis),
           type(NotImplemented), type(len), type(lambda: 0), property}
try:
    _atomic.add(complex)
except NameError:
    pass

_nil = []


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict or cls is set or cls is bytearray:
        return x.copy()
    if issubclass(cls, type):
        return x
    hook = getattr(cls, '__copy__', None)
    if hook is not None:
        return hook(x)
    rv = _reduce(cls, x)
    if rv is not None:
        if isinstance(rv, str):
            return x
        return _reconstruct(x, None, *rv)
    return _generic(x, cls, None)


def deepcopy(x, memo=None, _nil=_nil):
    """A deep copy of x; memo maps id(original) -> copy and handles cycles."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # A cycle through the tuple may have copied it already.
        if d in memo:
            return memo[d]
        same = True
        for i in range(len(x)):
            if items[i] is not x[i]:
                same = False
                break
        y = x if same else tuple(items)
    elif cls is set or cls is frozenset:
        items = [deepcopy(a, memo) for a in x]
        y = cls(items)
    elif cls is bytearray:
        y = bytearray(x)
    elif issubclass(cls, type):
        y = x
    else:
        hook = getattr(x, '__deepcopy__', None) if not isinstance(x, type) else None
        if hook is not None:
            y = hook(memo)
        else:
            rv = _reduce(cls, x)
            if rv is not None:
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)
            else:
                y = _generic(x, cls, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # Keep originals alive while the memo lives so their ids are not reused.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reduce(cls, x):
    r = getattr(cls, '__reduce_ex__', None)
    if r is not None:
        return r(x, 4)
    r = getattr(cls, '__reduce__', None)
    if r is not None:
        return r(x)
    return None


def _state_of(x):
    getstate = getattr(x, '__getstate__', None)
    if getstate is not None:
        return getstate()
    state = None
    try:
        d = x.__dict__
    except AttributeError:
        d = None
    if d:
        state = dict(d)
    slots = _all_slots(type(x))
    if slots:
        sd = {}
        for name in slots:
            try:
                sd[name] = getattr(x, name)
            except AttributeError:
                pass
        if sd:
            state = (state, sd)
    return state


def _all_slots(cls):
    names = []
    for c in cls.__mro__:
        s = c.__dict__.get('__slots__', ())
        if isinstance(s, str):
            s = (s,)
        for name in s:
            if name not in ('__dict__', '__weakref__') and name not in names:
                names.append(name)
    return names


def _generic(x, cls, memo):
    if isinstance(x, BaseException):
        return _reconstruct(x, memo, cls, x.args, _state_of(x))
    getnewargs = getattr(x, '__getnewargs__', None)
    if getnewargs is not None:
        args = getnewargs()
    else:
        args = ()
        for base in (tuple, str, bytes, int, float, frozenset):
            if isinstance(x, base):
                args = (base(x),)
                break
    if memo is not None and args:
        args = deepcopy(args, memo)
    y = cls.__new__(cls, *args)
    if memo is not None:
        memo[id(x)] = y
    state = _state_of(x)
    if state is not None:
        if memo is not None:
            state = deepcopy(state, memo)
        _set_state(y, state)
    deep = memo is not None
    if isinstance(x, list):
        for a in x:
            y.append(deepcopy(a, memo) if deep else a)
    elif isinstance(x, dict):
        for k, v in x.items():
            if deep:
                k = deepcopy(k, memo)
                v = deepcopy(v, memo)
            y[k] = v
    elif isinstance(x, set):
        for a in x:
            y.add(deepcopy(a, memo) if deep else a)
    return y


def _set_state(y, state):
    setstate = getattr(y, '__setstate__', None)
    if setstate is not None:
        setstate(state)
        return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        d = y.__dict__
        for k, v in state.items():
            d[k] = v
    if slotstate:
        for k, v in slotstate.items():
            setattr(y, k, v)


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *more):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for k, v in dictiter:
            if deep:
                k = deepcopy(k, memo)
                v = deepcopy(v, memo)
            y[k] = v
    return y
