# int semantics: arithmetic, floor division/modulo signs, pow, big ints,
# conversions, bit ops, bit_length, divmod, round, bool as int.

# --- basic arithmetic ---
assert 2 + 3 == 5
assert 2 - 5 == -3
assert 6 * 7 == 42
assert 7 / 2 == 3.5
assert type(6 / 2) is float and 6 / 2 == 3.0
assert 7 // 2 == 3
assert 7 % 3 == 1
assert 2 ** 10 == 1024
assert -2 ** 2 == -4
assert (-2) ** 2 == 4
assert 2 ** 3 ** 2 == 512
assert 0 ** 0 == 1
assert -(-5) == 5
assert +5 == 5
assert 10 - 2 - 3 == 5
assert 100 // 10 // 3 == 3
assert 1 + 2 * 3 == 7
assert (1 + 2) * 3 == 9
assert 7 * -1 == -7

# --- floor division and modulo with negatives ---
assert -7 // 2 == -4
assert 7 // -2 == -4
assert -7 // -2 == 3
assert -7 % 2 == 1
assert 7 % -2 == -1
assert -7 % -2 == -1
assert -1 // 10 == -1
assert -1 % 10 == 9
assert 0 // -3 == 0
assert 0 % -3 == 0
for a in range(-7, 8):
    for b in (-3, -2, -1, 1, 2, 3):
        q, r = a // b, a % b
        assert q * b + r == a, (a, b)
        assert (r == 0) or ((r > 0) == (b > 0)), "remainder has sign of divisor"
        assert divmod(a, b) == (q, r)

# --- pow ---
assert 2 ** -1 == 0.5
assert type(2 ** -1) is float
assert 10 ** -2 == 0.01
assert (-2) ** -2 == 0.25
assert pow(2, 10) == 1024
assert pow(2, -2) == 0.25
assert pow(3, 4, 5) == 81 % 5
assert pow(2, 100, 1000000007) == 976371285
assert pow(5, 0, 7) == 1
assert pow(-3, 3, 7) == 1, "three-arg pow result has sign of modulus"
assert pow(3, 3, -7) == -1
assert pow(7, -1, 13) == 2, "modular inverse (3.8+)"
try:
    pow(2, 3, 0)
    assert False
except ValueError:
    pass
try:
    0 ** -1
    assert False
except ZeroDivisionError:
    pass

# --- big ints ---
big = 2 ** 100
assert big == 1267650600228229401496703205376
assert str(big) == '1267650600228229401496703205376'
assert repr(big) == '1267650600228229401496703205376'
assert str(-big) == '-1267650600228229401496703205376'
assert big + 1 == 1267650600228229401496703205377
assert big - big == 0
assert type(big - big) is int
assert big // 2 ** 99 == 2
assert big % 1000 == 376
assert big * 0 == 0
assert -big // 3 == -422550200076076467165567735126
assert -big % 3 == 2
assert big > 2 ** 99 and big < 2 ** 101
assert big > 1 and -big < -1 and big > 1.0 and big < 1e31
assert big == 2.0 ** 100
assert big != big + 1
assert 2 ** 64 == 18446744073709551616
assert 2 ** 63 - 1 == 9223372036854775807
assert -2 ** 63 == -9223372036854775808
assert (2 ** 63) * 2 == 2 ** 64
assert 9223372036854775807 + 1 == 9223372036854775808, "i64 overflow promotes"
assert -9223372036854775808 - 1 == -9223372036854775809
assert 3037000500 * 3037000500 == 9223372037000250000, "mul overflow promotes"
assert abs(-9223372036854775808) == 9223372036854775808
assert -(-9223372036854775808) == 9223372036854775808
assert (-9223372036854775808) // -1 == 9223372036854775808

fact = 1
for i in range(1, 51):
    fact *= i
assert fact == 30414093201713378043612608166064768844377641568960512000000000000
assert len(str(fact)) == 65
assert fact % 10 ** 12 == 0
assert fact // fact == 1
x = fact
for i in range(50, 0, -1):
    x //= i
assert x == 1, "dividing 50! back down yields 1"

assert 10 ** 30 // 10 ** 15 == 10 ** 15
assert (10 ** 20 + 7) % 10 ** 10 == 7
assert divmod(10 ** 20 + 7, 10 ** 10) == (10 ** 10, 7)
assert divmod(-(10 ** 20) - 7, 10 ** 10) == (-(10 ** 10) - 1, 10 ** 10 - 7)
assert int(str(3 ** 200)) == 3 ** 200
assert 3 ** 200 // 3 ** 199 == 3
assert (2 ** 200) ** 0.5 == 2.0 ** 100
assert big / 2 ** 98 == 4.0
assert hash(2 ** 100) == hash(2 ** 100)
assert {2 ** 100: 'x'}[2 ** 100] == 'x'
assert max(2 ** 70, 2 ** 69, -2 ** 80) == 2 ** 70
assert sorted([2 ** 65, 1, -2 ** 65, 0]) == [-2 ** 65, 0, 1, 2 ** 65]
assert sum([2 ** 62] * 8) == 2 ** 65
assert big.bit_length() == 101
assert -big == -1 * big
assert abs(-big) == big

# --- hash of small ints ---
for n in (0, 1, 5, 100, 12345):
    assert hash(n) == n
assert hash(-1) == -2
assert hash(-5) == -5
assert hash(True) == 1 and hash(False) == 0

# --- int() conversions ---
assert int('123') == 123
assert int('-42') == -42
assert int('+7') == 7
assert int('  12  ') == 12
assert int('\t9\n') == 9
assert int('ff', 16) == 255
assert int('FF', 16) == 255
assert int('0xff', 16) == 255
assert int('0x1f', 0) == 31
assert int('0o17', 0) == 15
assert int('0b101', 0) == 5
assert int('10', 0) == 10
assert int('1010', 2) == 10
assert int('z', 36) == 35
assert int('777', 8) == 511
assert int('1_000') == 1000
assert int('1_000_000') == 1000000
assert int('123456789012345678901234567890') == 123456789012345678901234567890
assert int(3.9) == 3
assert int(-3.9) == -3
assert int(0.5) == 0
assert int(-0.5) == 0
assert int(1e20) == 100000000000000000000
assert int(True) == 1
assert int() == 0
assert int('0') == 0 and int('-0') == 0
for bad in ['', 'abc', '1.5', '1__0', '_1', '1_', '0x', ' ', '12a']:
    try:
        int(bad)
        assert False, 'int(%r) should fail' % bad
    except ValueError:
        pass
try:
    int('08', 0)
    assert False
except ValueError:
    pass
try:
    int('2', 2)
    assert False
except ValueError:
    pass
try:
    int(float('inf'))
    assert False
except OverflowError:
    pass
try:
    int(float('nan'))
    assert False
except ValueError:
    pass
try:
    int(None)
    assert False
except TypeError:
    pass

# --- bit operations ---
assert 0b1100 & 0b1010 == 0b1000
assert 0b1100 | 0b1010 == 0b1110
assert 0b1100 ^ 0b1010 == 0b0110
assert ~0 == -1
assert ~5 == -6
assert ~-1 == 0
assert -8 & 0xff == 248
assert -1 & 0xffffffff == 4294967295
assert -5 | 2 == -5
assert -6 ^ 3 == -7
assert 1 << 10 == 1024
assert 1 << 64 == 18446744073709551616
assert 1 << 200 == 2 ** 200
assert 5 << 100 == 5 * 2 ** 100
assert (1 << 200) >> 199 == 2
assert 1024 >> 3 == 128
assert 1 >> 5 == 0
assert -1 >> 10 == -1, "arithmetic shift keeps sign"
assert -16 >> 2 == -4
assert -17 >> 2 == -5
assert (2 ** 100 - 1) & (2 ** 64) == 2 ** 64
assert (2 ** 100) | 1 == 2 ** 100 + 1
assert (2 ** 100) ^ (2 ** 100) == 0
assert ~(2 ** 100) == -(2 ** 100) - 1
assert -(2 ** 100) >> 99 == -2
assert (-(2 ** 100)) & 0xff == 0
assert (-(2 ** 100) - 1) & 0xff == 0xff
try:
    1 << -1
    assert False
except ValueError as ex:
    assert str(ex) == 'negative shift count'

# --- bit_length ---
assert (0).bit_length() == 0
assert (1).bit_length() == 1
assert (255).bit_length() == 8
assert (256).bit_length() == 9
assert (-255).bit_length() == 8
assert (2 ** 64).bit_length() == 65
assert (2 ** 64 - 1).bit_length() == 64

# --- divmod / abs ---
assert divmod(17, 5) == (3, 2)
assert divmod(-17, 5) == (-4, 3)
assert divmod(17, -5) == (-4, -3)
assert divmod(0, 5) == (0, 0)
assert abs(-7) == 7 and abs(7) == 7 and abs(0) == 0
assert type(abs(-7)) is int
try:
    divmod(1, 0)
    assert False
except ZeroDivisionError:
    pass
try:
    5 // 0
    assert False
except ZeroDivisionError:
    pass
try:
    5 / 0
    assert False
except ZeroDivisionError as ex:
    assert str(ex) == 'division by zero'

# --- round on ints ---
assert round(7) == 7 and type(round(7)) is int
assert round(1234, -1) == 1230
assert round(1235, -1) == 1240
assert round(1245, -1) == 1240, "round half to even"
assert round(1250, -2) == 1200
assert round(1350, -2) == 1400
assert round(-1250, -2) == -1200
assert round(15, -1) == 20
assert round(25, -1) == 20
assert round(12345, 2) == 12345
assert type(round(1235, -1)) is int
assert round(5, -1) == 0
assert round(-5, -1) == 0

# --- bool is int subclass ---
assert True + True == 2
assert True * 10 == 10
assert False - 1 == -1
assert isinstance(True, int)
assert issubclass(bool, int)
assert True == 1 and False == 0
assert type(True + True) is int
assert True & True is True
assert (True | False) is True
assert (True ^ True) is False
assert type(True & 1) is int
assert ~True == -2
assert -True == -1
assert sum([True, True, False]) == 2
assert [10, 20][True] == 20
assert str(True) == 'True' and repr(False) == 'False'
assert int('1') == True
assert {1: 'a'}[True] == 'a'

# --- comparisons and misc ---
assert 1 < 2 and 2 > 1 and 1 <= 1 and 1 >= 1 and 1 != 2
assert 1 == 1.0 and 1 < 1.5 and 2 > 1.5
assert not (1 == '1')
assert 1 != '1'
try:
    1 < '1'
    assert False
except TypeError:
    pass
assert str(0) == '0' and str(-0) == '0' and repr(-17) == '-17'
assert int.__name__ == 'int'
assert (5).real == 5 and (5).imag == 0 and (5).numerator == 5 and (5).denominator == 1
assert (6).conjugate() == 6
assert isinstance(5, int) and not isinstance(5.0, int)
assert max(3, 7, -1) == 7 and min(3, 7, -1) == -1
assert 10 ** 18 == 1000000000000000000
assert (123).__add__(1) == 124
assert (5).__mul__(2.0) is NotImplemented
assert int.__add__(2, 3) == 5

print("ok")
