# float semantics: arithmetic, repr/str, parsing, rounding, comparisons
# with int, floor division/modulo, division by zero, hashing.
import math

# --- arithmetic ---
assert 0.1 + 0.2 != 0.3
assert abs(0.1 + 0.2 - 0.3) < 1e-15
assert 0.1 + 0.2 == 0.30000000000000004
assert 1.5 * 2 == 3.0
assert 3.0 / 2 == 1.5
assert 2.0 ** 0.5 == 1.4142135623730951
assert 2 ** 0.5 == 1.4142135623730951
assert 1 / 3 == 0.3333333333333333
assert type(1 + 1.0) is float
assert type(2 * 1.5) is float
assert -1.5 + 1.5 == 0.0
assert 1e308 * 10 == float('inf')
assert -1e308 * 10 == float('-inf')
assert 4.0 ** -1 == 0.25
assert 10.0 ** 2 == 100.0
assert 0.0 ** 0 == 1.0

# --- repr / str ---
assert repr(0.1) == '0.1'
assert repr(1.0) == '1.0'
assert repr(-1.0) == '-1.0'
assert repr(100.0) == '100.0'
assert repr(1e16) == '1e+16'
assert repr(1e15) == '1000000000000000.0'
assert repr(123456789012345678.0) == '1.2345678901234568e+17'
assert repr(1e-5) == '1e-05'
assert str(1e-5) == '1e-05'
assert repr(0.0001) == '0.0001'
assert repr(1.5e300) == '1.5e+300'
assert repr(1.5e-300) == '1.5e-300'
assert repr(2.5) == '2.5'
assert repr(1 / 3) == '0.3333333333333333'
assert repr(2 / 3) == '0.6666666666666666'
assert repr(0.1 + 0.2) == '0.30000000000000004'
assert repr(1.1 * 3) == '3.3000000000000003'
assert repr(float('inf')) == 'inf'
assert repr(float('-inf')) == '-inf'
assert repr(float('nan')) == 'nan'
assert repr(-0.0) == '-0.0'
assert repr(0.0) == '0.0'
assert str(3.14) == '3.14'
assert str(-2.5e-10) == '-2.5e-10'
assert str(1e22) == '1e+22'
assert str(12345.678) == '12345.678'
assert repr(5e-324) == '5e-324'
assert repr(1.7976931348623157e308) == '1.7976931348623157e+308'
assert repr(9007199254740993.0) == '9007199254740992.0'
assert str([1.0, 0.5, -0.0]) == '[1.0, 0.5, -0.0]'
assert repr(1e100) == '1e+100'
assert repr(123.0) == '123.0'
assert repr(0.5) == '0.5'
assert repr(1.25e-7) == '1.25e-07'

# --- float() parsing ---
assert float('inf') == math.inf
assert float('-inf') == -math.inf
assert float('Infinity') == math.inf
assert float('  1.5 ') == 1.5
assert float('\n-2.25\t') == -2.25
assert float('1e3') == 1000.0
assert float('1E-2') == 0.01
assert float('.5') == 0.5
assert float('5.') == 5.0
assert float('+3') == 3.0
assert float('1_000.5') == 1000.5
assert float(3) == 3.0 and type(float(3)) is float
assert float(2 ** 100) == 1.2676506002282294e+30
assert float() == 0.0
assert float(True) == 1.0
assert float('nan') != float('nan')
assert math.isnan(float('NaN'))
for bad in ['', 'abc', '1.2.3', '1e', 'e5', '--1', '1 2']:
    try:
        float(bad)
        assert False, 'float(%r) should fail' % bad
    except ValueError:
        pass
try:
    float('x')
except ValueError as ex:
    assert str(ex) == "could not convert string to float: 'x'", str(ex)
try:
    float(10 ** 400)
    assert False
except OverflowError:
    pass

# --- rounding ---
assert round(0.5) == 0
assert round(1.5) == 2
assert round(2.5) == 2
assert round(3.5) == 4
assert round(-0.5) == 0
assert round(-1.5) == -2
assert round(-2.5) == -2
assert type(round(2.5)) is int
assert round(2.675, 2) == 2.67, "binary representation of 2.675 is below the half"
assert round(1.005, 2) == 1.0
assert round(0.125, 2) == 0.12
assert round(0.375, 2) == 0.38
assert round(3.14159, 3) == 3.142
assert type(round(3.14159, 3)) is float
assert round(1234.5678, -2) == 1200.0
assert round(3.7, 0) == 4.0 and type(round(3.7, 0)) is float
assert round(-3.7) == -4
assert round(1e20) == 100000000000000000000
try:
    round(float('inf'))
    assert False
except OverflowError:
    pass
try:
    round(float('nan'))
    assert False
except ValueError:
    pass

# --- int/float comparisons ---
assert 1 == 1.0 and 1.0 == 1
assert 2 > 1.5 and 1.5 < 2
assert 0 == -0.0
assert 2 ** 53 + 1 != float(2 ** 53 + 1), "exact int/float comparison"
assert 2 ** 53 + 1 > float(2 ** 53)
assert 10 ** 400 > 1e308
assert 10 ** 400 < math.inf
assert -(10 ** 400) > -math.inf
assert math.nan != math.nan
assert not (math.nan < 1) and not (math.nan > 1) and not (math.nan == 1)
assert math.inf > 10 ** 1000
assert 0.1 < 1 and 1 > 0.1
assert max(1, 2.5, 2) == 2.5
assert min(1.0, 1) == 1.0
assert sorted([3, 1.5, 2, 0.5]) == [0.5, 1.5, 2, 3]

# --- floor division and modulo ---
assert 7.5 // 2 == 3.0
assert type(7.5 // 2) is float
assert -7.5 // 2 == -4.0
assert 7.5 % 2 == 1.5
assert -7.5 % 2 == 0.5
assert 7.5 % -2 == -0.5
assert 7 // 2.0 == 3.0
assert -7 // 2.0 == -4.0
assert 5.0 % 1.5 == 0.5
assert 1.0 % 0.1 == 0.09999999999999995
assert repr(-0.0 % 1.0) == '0.0'
assert repr(0.0 % -1.0) == '-0.0'
assert divmod(7.5, 2) == (3.0, 1.5)
assert divmod(-7.5, 2) == (-4.0, 0.5)
assert divmod(7.0, -2.0) == (-4.0, -1.0)
assert divmod(1.0, 3) == (0.0, 1.0)

# --- math.floor / ceil ---
assert math.floor(2.7) == 2 and type(math.floor(2.7)) is int
assert math.floor(-2.1) == -3
assert math.ceil(2.1) == 3 and type(math.ceil(2.1)) is int
assert math.ceil(-2.7) == -2
assert math.floor(5) == 5
assert math.ceil(-0.5) == 0
assert math.floor(1e20) == 100000000000000000000
assert math.trunc(-2.7) == -2
assert int(2.999999) == 2

# --- is_integer and friends ---
assert (2.0).is_integer()
assert not (2.5).is_integer()
assert (-0.0).is_integer()
assert not math.inf.is_integer()
assert not math.nan.is_integer()
assert (1e300).is_integer()
assert (0.5).as_integer_ratio() == (1, 2)
assert (0.75).as_integer_ratio() == (3, 4)
assert (2.0).hex() == '0x1.0000000000000p+1'
assert float.fromhex('0x1.8p1') == 3.0

# --- division by zero ---
for expr in (lambda: 1.0 / 0, lambda: 1 / 0.0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0,
             lambda: divmod(1.0, 0.0), lambda: 0.0 / 0.0):
    try:
        expr()
        assert False, "float division by zero must raise"
    except ZeroDivisionError:
        pass
try:
    1.0 / 0
except ZeroDivisionError as ex:
    assert str(ex) == 'float division by zero', str(ex)
try:
    0.0 ** -1
    assert False
except ZeroDivisionError:
    pass

# --- inf / nan arithmetic ---
inf = float('inf')
nan = float('nan')
assert inf + 1 == inf
assert inf * -1 == -inf
assert math.isnan(inf - inf)
assert math.isnan(inf * 0)
assert math.isnan(nan + 1)
assert 1 / inf == 0.0
assert -inf < -1e308 < 1e308 < inf
assert math.isinf(inf) and math.isinf(-inf) and not math.isinf(nan)
assert not math.isfinite(inf) and math.isfinite(1e308)
assert nan is nan
assert [nan] == [nan], "identity shortcut in container equality"
assert nan not in [1.0, 2.0]
assert str(inf) == 'inf' and str(-inf) == '-inf' and str(nan) == 'nan'
assert repr([inf, nan]) == '[inf, nan]'

# --- hashing ---
assert hash(1.0) == hash(1)
assert hash(0.0) == hash(0) == hash(-0.0)
assert hash(2.0 ** 70) == hash(2 ** 70)
assert hash(1.5) == hash(1.5)
assert hash(-1.0) == hash(-1) == -2
d = {1: 'int'}
d[1.0] = 'float'
assert d == {1: 'float'} and list(d.keys())[0] == 1 and type(list(d)[0]) is int
assert {1.0, 1, True} == {1}
assert len({0.5, 0.5, 1.5}) == 2

# --- misc methods / attributes ---
assert abs(-2.5) == 2.5
assert abs(-0.0) == 0.0 and repr(abs(-0.0)) == '0.0'
assert -(0.0) == 0.0 and repr(-(0.0)) == '-0.0'
assert (2.5).real == 2.5 and (2.5).imag == 0.0
assert float.__name__ == 'float'
assert isinstance(1.0, float) and not isinstance(1.0, int)
assert math.copysign(1.0, -0.0) == -1.0
assert sum([0.1] * 10) == 0.9999999999999999
assert math.fsum([0.1] * 10) == 1.0
assert 1e-320 > 0 and 1e-400 == 0.0
assert float('1e500') == inf
assert format(1.0, '') == '1.0'
assert format(0.1, '.20f') == '0.10000000000000000555'
assert '%.3f' % 2.0005 == '2.001', "2.0005 is stored slightly above the half"
assert '%g' % 0.00001 == '1e-05'
assert '%.2f' % 2.675 == '2.67'
assert '%.1f' % 0.25 == '0.2'
assert '%.0f' % 0.5 == '0' and '%.0f' % 1.5 == '2'

print("ok")
