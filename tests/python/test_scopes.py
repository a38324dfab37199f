# Name resolution: LEGB, global, nonlocal, class scope, late binding,
# UnboundLocalError, del of locals, comprehension scopes, default capture.

# --- LEGB ---
x = 'global'


def outer():
    x = 'enclosing'

    def inner():
        return x
    return inner()


assert outer() == 'enclosing'


def local_wins():
    x = 'local'
    return x


assert local_wins() == 'local'
assert x == 'global'


def reads_global():
    return x


assert reads_global() == 'global'


def builtin_lookup():
    return len('abc')


assert builtin_lookup() == 3


def shadow_builtin():
    len = lambda s: 'shadowed'
    return len('abc')


assert shadow_builtin() == 'shadowed'
assert len('abc') == 3

len = lambda s: 'global shadow'
assert len('x') == 'global shadow'
assert builtin_lookup() == 'global shadow', "global shadows builtin"
del len
assert len('abc') == 3, "builtin visible again after del"


def three_levels():
    a = 1

    def mid():
        b = 2

        def inner():
            c = 3
            return a + b + c
        return inner()
    return mid()


assert three_levels() == 6

# --- global declarations ---
counter = 0


def bump():
    global counter
    counter += 1


bump()
bump()
assert counter == 2


def nested_global():
    def inner():
        global counter
        counter = 100
    counter = 'local to nested_global'
    inner()
    return counter


assert nested_global() == 'local to nested_global'
assert counter == 100


def define_new_global():
    global brand_new
    brand_new = 'hello'


define_new_global()
assert brand_new == 'hello'


def global_in_loop():
    global counter
    for counter in range(3):
        pass


global_in_loop()
assert counter == 2

# --- nonlocal ---
def make_acc():
    total = 0

    def add(n):
        nonlocal total
        total += n
        return total
    return add


acc = make_acc()
acc(5)
assert acc(10) == 15
acc2 = make_acc()
assert acc2(1) == 1 and acc(0) == 15, "independent cells"


def nonlocal_two_levels():
    v = 0

    def mid():
        def inner():
            nonlocal v
            v += 1
        inner()
        inner()
    mid()
    return v


assert nonlocal_two_levels() == 2


def nonlocal_nearest():
    v = 'outer'

    def mid():
        v = 'mid'

        def inner():
            nonlocal v
            v = 'changed'
        inner()
        return v
    return mid(), v


assert nonlocal_nearest() == ('changed', 'outer')


def nonlocal_shared():
    state = []

    def push(v):
        state.append(v)

    def reset():
        nonlocal state
        state = []

    def get():
        return state
    return push, reset, get


push, reset, get = nonlocal_shared()
push(1)
push(2)
assert get() == [1, 2]
reset()
push(3)
assert get() == [3]

# --- class scope not visible in methods ---
y = 'global y'


class C:
    y = 'class y'
    z = y + '!'

    def method(self):
        return y

    def method_via_self(self):
        return self.y

    lam = lambda self: y


assert C.z == 'class y!'
assert C().method() == 'global y'
assert C().method_via_self() == 'class y'
assert C().lam() == 'global y'


def func_with_class():
    v = 'function local'

    class Inner:
        v2 = v  # class body can see enclosing function scope

        def m(self):
            return v
    return Inner.v2, Inner().m()


assert func_with_class() == ('function local', 'function local')


def class_body_shadow():
    w = 'enclosing'

    class K:
        w = 'class'
        seen = w
    return K.seen, w


assert class_body_shadow() == ('class', 'enclosing')

# --- late binding closures in loops ---
funcs = []
for i in range(3):
    funcs.append(lambda: i)
assert [f() for f in funcs] == [2, 2, 2]
i = 'changed'
assert funcs[0]() == 'changed', "module-level loop var is a global, looked up at call time"


def loop_closures():
    fs = []
    for j in range(3):
        def f():
            return j
        fs.append(f)
    return [g() for g in fs]


assert loop_closures() == [2, 2, 2]


def loop_closures_fixed():
    fs = []
    for j in range(3):
        def f(j=j):
            return j
        fs.append(f)
    return [g() for g in fs]


assert loop_closures_fixed() == [0, 1, 2]


def closure_factory():
    fs = []
    for j in range(3):
        fs.append((lambda v: lambda: v * 10)(j))
    return [g() for g in fs]


assert closure_factory() == [0, 10, 20]

# --- UnboundLocalError ---
g = 'global g'


def read_then_assign():
    r = g  # g is local because of the assignment below
    g = 'local'
    return r


try:
    read_then_assign()
    assert False
except UnboundLocalError:
    pass


def conditional_assign(flag):
    if flag:
        val = 1
    return val


assert conditional_assign(True) == 1
try:
    conditional_assign(False)
    assert False
except UnboundLocalError:
    pass
except NameError:
    assert False, "should be UnboundLocalError specifically"


def augmented_unbound():
    counter += 1


try:
    augmented_unbound()
    assert False
except UnboundLocalError:
    pass


def closure_unbound():
    def inner():
        return late
    try:
        inner()
    except NameError as ex:
        result = type(ex).__name__
    late = 1
    return result, inner()


r = closure_unbound()
assert r[1] == 1 and r[0] in ('NameError', 'UnboundLocalError')

# --- del of a local ---
def del_local():
    a = 1
    del a
    try:
        return a
    except UnboundLocalError:
        return 'deleted'


assert del_local() == 'deleted'


def del_then_rebind():
    a = 1
    del a
    a = 2
    return a


assert del_then_rebind() == 2


def del_global_decl():
    global to_delete
    del to_delete


to_delete = 1
del_global_decl()
assert 'to_delete' not in globals()

# --- names in comprehensions ---
n = 'outer n'
lst = [n for n in range(3)]
assert n == 'outer n' and lst == [0, 1, 2]


def comp_sees_locals():
    k = 10
    return [k + v for v in range(3)]


assert comp_sees_locals() == [10, 11, 12]


def comp_nested_scope():
    base = 100
    return [[base + a + b for b in range(2)] for a in range(2)]


assert comp_nested_scope() == [[100, 101], [101, 102]]


def comp_closure_var():
    mult = 2
    fs = [lambda v: v * mult for _ in range(2)]
    mult = 3
    return [f(1) for f in fs]


assert comp_closure_var() == [3, 3]


def walrus_leak():
    [(w := v) for v in range(3)]
    return w


assert walrus_leak() == 2

# --- default args capturing ---
capture = 'before'


def dflt(v=capture):
    return v


capture = 'after'
assert dflt() == 'before'


def dflt_from_enclosing():
    e = 'enclosing'

    def f(v=e):
        return v
    e = 'modified'
    return f(), (lambda: e)()


assert dflt_from_enclosing() == ('enclosing', 'modified')

# --- locals() snapshot & function-local independence ---
def recursive_locals(n):
    local_var = n
    if n > 0:
        recursive_locals(n - 1)
    return local_var


assert recursive_locals(5) == 5


def param_shadows_global(x):
    return x


assert param_shadows_global('param') == 'param' and x == 'global'

# global statement at module level is allowed and harmless
global module_level_global
module_level_global = 1
assert module_level_global == 1

# exec with separate namespaces doesn't leak
ns = {}
exec('leak_test = 1', ns)
assert 'leak_test' not in globals() and ns['leak_test'] == 1

print("ok")
