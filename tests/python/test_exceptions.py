# Exceptions: try/except/else/finally, raise forms, chaining, hierarchy,
# messages, custom exceptions, RecursionError, UnboundLocalError.

# --- try / except / else / finally ordering ---
log = []
try:
    log.append('try')
except Exception:
    log.append('except')
else:
    log.append('else')
finally:
    log.append('finally')
assert log == ['try', 'else', 'finally']

log = []
try:
    log.append('try')
    raise ValueError('v')
    log.append('unreached')
except ValueError as e:
    log.append('except ' + str(e))
else:
    log.append('else')
finally:
    log.append('finally')
assert log == ['try', 'except v', 'finally']

# first matching handler wins
log = []
try:
    raise KeyError('k')
except IndexError:
    log.append('index')
except LookupError:
    log.append('lookup')
except KeyError:
    log.append('key')
assert log == ['lookup']

# except tuple
for exc in (TypeError, ValueError):
    try:
        raise exc('m')
    except (TypeError, ValueError) as e:
        assert type(e) is exc

# bare except
try:
    1 / 0
except:
    caught = True
assert caught

# exception class (not instance) raised
try:
    raise ValueError
except ValueError as e:
    assert e.args == ()
    assert str(e) == ''
    assert repr(e) == 'ValueError()'

# uncaught by inner, caught by outer
log = []
try:
    try:
        raise TypeError('inner')
    except ValueError:
        log.append('wrong')
    finally:
        log.append('inner finally')
except TypeError as e:
    log.append('outer ' + str(e))
assert log == ['inner finally', 'outer inner']


# --- finally on return/break/continue ---
def ret_finally(log):
    try:
        return 'try'
    finally:
        log.append('finally')


log = []
assert ret_finally(log) == 'try' and log == ['finally']


def finally_overrides():
    try:
        return 'try'
    finally:
        return 'finally'


assert finally_overrides() == 'finally'


def finally_swallows():
    try:
        raise ValueError
    finally:
        return 'swallowed'


assert finally_swallows() == 'swallowed'


def return_value_evaluated_before_finally():
    x = 1
    try:
        return x
    finally:
        x = 2


assert return_value_evaluated_before_finally() == 1

log = []
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        log.append(('body', i))
    finally:
        log.append(('fin', i))
assert log == [('body', 0), ('fin', 0), ('fin', 1), ('fin', 2)]

log = []
while True:
    try:
        try:
            break
        finally:
            log.append('inner')
    finally:
        log.append('outer')
assert log == ['inner', 'outer']


def nested_finally_return():
    log = []
    try:
        try:
            return log
        finally:
            log.append(1)
    finally:
        log.append(2)


assert nested_finally_return() == [1, 2]


def except_return():
    try:
        raise KeyError
    except KeyError:
        return 'from except'
    finally:
        pass


assert except_return() == 'from except'

# --- `as e` name cleared after the block ---
try:
    raise ValueError('x')
except ValueError as err_name:
    assert isinstance(err_name, ValueError)
try:
    err_name
    assert False, "except-as name must be deleted after the handler"
except NameError:
    pass

e = 'before'
try:
    raise KeyError
except KeyError as e:
    pass
try:
    e
    assert False, "existing name is also deleted"
except NameError:
    pass

# --- raise / re-raise ---
def reraiser():
    try:
        raise ValueError('orig')
    except ValueError:
        raise


try:
    reraiser()
except ValueError as ex:
    assert str(ex) == 'orig'

try:
    try:
        raise IndexError('a')
    except IndexError as ex:
        raise ex
except IndexError as ex2:
    assert ex2.args == ('a',)

try:
    raise
    assert False
except RuntimeError as ex:
    assert str(ex) == 'No active exception to reraise'

try:
    raise 42
except TypeError:
    pass
else:
    assert False, "raising non-exception must be TypeError"

# --- raise from / __cause__ / __context__ ---
try:
    try:
        raise KeyError('k')
    except KeyError as ke:
        raise ValueError('v') from ke
except ValueError as ve:
    assert isinstance(ve.__cause__, KeyError)
    assert ve.__cause__.args == ('k',)
    assert isinstance(ve.__context__, KeyError)
    assert ve.__suppress_context__ is True

try:
    try:
        raise KeyError('k')
    except KeyError:
        raise ValueError('implicit')
except ValueError as ve:
    assert ve.__cause__ is None
    assert isinstance(ve.__context__, KeyError)
    assert ve.__suppress_context__ is False

try:
    try:
        raise KeyError
    except KeyError:
        raise ValueError from None
except ValueError as ve:
    assert ve.__cause__ is None
    assert ve.__suppress_context__ is True
    assert isinstance(ve.__context__, KeyError)

try:
    raise ValueError
except ValueError as ve:
    assert ve.__context__ is None and ve.__cause__ is None

try:
    try:
        1 / 0
    finally:
        raise TypeError('in finally')
except TypeError as te:
    assert isinstance(te.__context__, ZeroDivisionError)

# --- args, str, repr ---
e = ValueError('x')
assert e.args == ('x',)
assert str(e) == 'x'
assert repr(e) == "ValueError('x')"
e = ValueError('a', 2)
assert str(e) == "('a', 2)"
assert repr(e) == "ValueError('a', 2)"
assert repr(Exception()) == 'Exception()'
assert str(Exception()) == ''
assert str(KeyError('a')) == "'a'"
assert repr(KeyError('a')) == "KeyError('a')"
assert str(KeyError(1)) == '1'
assert str(KeyError('a', 'b')) == "('a', 'b')"
assert str(IndexError('list index out of range')) == 'list index out of range'
assert repr(TypeError("it's")) == 'TypeError("it\'s")'
assert str(Exception(None)) == 'None'
assert repr(StopIteration(5)) == 'StopIteration(5)'

# standard error messages
try:
    1 / 0
except ZeroDivisionError as ex:
    assert str(ex) == 'division by zero', str(ex)
try:
    1 // 0
except ZeroDivisionError as ex:
    assert str(ex) == 'integer division or modulo by zero', str(ex)
try:
    1 % 0
except ZeroDivisionError as ex:
    assert str(ex) == 'integer modulo by zero', str(ex)
try:
    divmod(1, 0)
except ZeroDivisionError as ex:
    assert str(ex) == 'integer division or modulo by zero', str(ex)
try:
    undefined_variable_qq
except NameError as ex:
    assert str(ex) == "name 'undefined_variable_qq' is not defined"
try:
    [1, 2][5]
except IndexError as ex:
    assert str(ex) == 'list index out of range'
try:
    (1,)[3]
except IndexError as ex:
    assert str(ex) == 'tuple index out of range'
try:
    'ab'[9]
except IndexError as ex:
    assert str(ex) == 'string index out of range'
try:
    {}['missing']
except KeyError as ex:
    assert str(ex) == "'missing'" and ex.args == ('missing',)
try:
    [].pop()
except IndexError as ex:
    assert str(ex) == 'pop from empty list'
try:
    int('abc')
except ValueError as ex:
    assert str(ex) == "invalid literal for int() with base 10: 'abc'"
try:
    None.foo
except AttributeError as ex:
    assert str(ex) == "'NoneType' object has no attribute 'foo'"
try:
    1 + 'a'
except TypeError as ex:
    assert str(ex) == "unsupported operand type(s) for +: 'int' and 'str'"
try:
    'a' + 1
except TypeError as ex:
    assert str(ex) == 'can only concatenate str (not "int") to str'
try:
    len(5)
except TypeError as ex:
    assert str(ex) == "object of type 'int' has no len()"
not_callable = 5
try:
    not_callable()
except TypeError as ex:
    assert str(ex) == "'int' object is not callable"
try:
    [].remove(1)
except ValueError as ex:
    assert str(ex) == 'list.remove(x): x not in list'
try:
    import no_such_module_xyz
except ModuleNotFoundError as ex:
    assert str(ex) == "No module named 'no_such_module_xyz'"
    assert ex.name == 'no_such_module_xyz'


# --- custom exceptions ---
class MyError(Exception):
    pass


class MySubError(MyError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


class WithStr(Exception):
    def __str__(self):
        return 'custom str'


try:
    raise MySubError(404, 'not found')
except MyError as ex:
    assert type(ex) is MySubError
    assert ex.code == 404
    assert ex.args == ('not found',)
    assert str(ex) == 'not found'
    assert repr(ex) == "MySubError('not found')"
assert issubclass(MySubError, Exception)
assert isinstance(MySubError(1, 'm'), BaseException)
assert str(WithStr('ignored')) == 'custom str'
assert repr(MyError('m')) == "MyError('m')"
try:
    raise MyError
except MyError as ex:
    assert isinstance(ex, MyError)


class AttrErr(Exception):
    def __init__(self, value):
        self.value = value


ae = AttrErr(3)
assert ae.value == 3
assert ae.args == (3,), "BaseException.__new__ stores args"

# --- hierarchy ---
assert issubclass(Exception, BaseException)
assert issubclass(ArithmeticError, Exception)
assert issubclass(ZeroDivisionError, ArithmeticError)
assert issubclass(OverflowError, ArithmeticError)
assert issubclass(LookupError, Exception)
assert issubclass(KeyError, LookupError)
assert issubclass(IndexError, LookupError)
assert issubclass(ModuleNotFoundError, ImportError)
assert issubclass(RecursionError, RuntimeError)
assert issubclass(NotImplementedError, RuntimeError)
assert issubclass(UnboundLocalError, NameError)
assert issubclass(TimeoutError, OSError)
assert issubclass(FileNotFoundError, OSError)
assert issubclass(StopIteration, Exception)
assert issubclass(AssertionError, Exception)
assert issubclass(AttributeError, Exception)
assert issubclass(TypeError, Exception)
assert issubclass(ValueError, Exception)
assert issubclass(UnicodeDecodeError, ValueError)
assert not issubclass(KeyboardInterrupt, Exception)
assert not issubclass(SystemExit, Exception)
assert issubclass(KeyboardInterrupt, BaseException)
assert issubclass(SystemExit, BaseException)
assert not issubclass(KeyError, IndexError)
assert not issubclass(TypeError, ValueError)
assert BaseException.__bases__ == (object,)
assert KeyError.__mro__ == (KeyError, LookupError, Exception, BaseException, object)

try:
    raise SystemExit(3)
except Exception:
    assert False, "SystemExit must not be caught by except Exception"
except SystemExit as ex:
    assert ex.code == 3
try:
    raise KeyboardInterrupt
except Exception:
    assert False
except BaseException as ex:
    assert type(ex) is KeyboardInterrupt

# --- assert ---
try:
    assert 1 == 2, 'custom message'
except AssertionError as ex:
    assert str(ex) == 'custom message'
    assert ex.args == ('custom message',)
else:
    raise RuntimeError('assert did not fire')
try:
    assert False
except AssertionError as ex:
    assert ex.args == ()
try:
    assert [], ['not', 'str']
except AssertionError as ex:
    assert ex.args == (['not', 'str'],)
assert True, 'no failure'


# --- RecursionError ---
def runaway(n):
    return runaway(n + 1) + 1


try:
    runaway(0)
    assert False
except RecursionError:
    rec_ok = True
assert rec_ok


# still usable after recursion error
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)


assert fine(100) == 100

# --- UnboundLocalError ---
counter = 0


def bad_inc():
    counter += 1


try:
    bad_inc()
    assert False
except UnboundLocalError as ex:
    assert isinstance(ex, NameError)


def read_before_assign():
    v = local_late
    local_late = 1
    return v


try:
    read_before_assign()
except UnboundLocalError:
    pass
else:
    assert False


# --- exceptions as values / in loops ---
errors = []
for val in ['1', 'x', '3']:
    try:
        errors.append(int(val))
    except ValueError:
        errors.append(None)
assert errors == [1, None, 3]

exc_instance = RuntimeError('saved')
try:
    raise exc_instance
except RuntimeError as ex:
    assert ex is exc_instance


# exception propagating through functions
def level3():
    raise LookupError('deep')


def level2():
    level3()


def level1():
    try:
        level2()
    except LookupError as ex:
        return 'caught ' + ex.args[0]


assert level1() == 'caught deep'

# with_traceback returns self; __traceback__ set when raised
ex = ValueError('t')
assert ex.with_traceback(None) is ex
try:
    raise ex
except ValueError as caught_ex:
    assert caught_ex.__traceback__ is not None

# exception in else clause is not caught by the same try's handlers
try:
    try:
        pass
    except ValueError:
        assert False
    else:
        raise ValueError('from else')
except ValueError as ex:
    assert str(ex) == 'from else'

# handler raising a new exception still runs finally
log = []
try:
    try:
        raise KeyError
    except KeyError:
        raise IndexError
    finally:
        log.append('fin')
except IndexError:
    log.append('outer')
assert log == ['fin', 'outer']

# exception attributes on catch: isinstance with base class catch
try:
    {}[0]
except LookupError as ex:
    assert type(ex) is KeyError

# StopIteration from next()
try:
    next(iter([]))
except StopIteration as ex:
    assert ex.value is None

print("ok")
