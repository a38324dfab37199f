# Small-int //, %, &, | and ^ agree with divmod() and with Python's
# floor semantics at the signs and at the edges of 64 bits.
vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, 13, -13, 255, -256,
        2**31, -2**31, 2**62, -2**62, 2**63 - 1, -2**63, 2**63, -2**63 - 1]
for a in vals:
    for b in vals:
        if b != 0:
            q, r = divmod(a, b)
            assert a // b == q, (a, b)
            assert a % b == r, (a, b)
            assert q * b + r == a, (a, b)
            assert r == 0 or (r < 0) == (b < 0), (a, b)
            x = a
            x //= b
            assert x == q
            x = a
            x %= b
            assert x == r
        assert a & b == b & a
        assert (a | b) - (a & b) == a ^ b, (a, b)
        assert a ^ b ^ b == a
        assert a & -1 == a and a | 0 == a and a ^ 0 == a

assert 7 // 2 == 3 and -7 // 2 == -4 and 7 // -2 == -4 and -7 // -2 == 3
assert 7 % 3 == 1 and -7 % 3 == 2 and 7 % -3 == -2 and -7 % -3 == -1
assert (-2**63) // -1 == 2**63 and type((-2**63) // -1) is int
assert (-2**63) % -1 == 0
assert 12 & 10 == 8 and 12 | 10 == 14 and 12 ^ 10 == 6
assert -12 & 10 == 0 and -12 | 10 == -2 and -12 ^ 10 == -2
assert True & True is True and (True ^ True) is False
for bad in (lambda: 1 // 0, lambda: 1 % 0, lambda: -5 // 0):
    try:
        bad()
        raise AssertionError("expected ZeroDivisionError")
    except ZeroDivisionError as e:
        assert "division" in str(e) or "modulo" in str(e), str(e)
print("ok")
