# Exceptions raised and caught in a loop (and try/finally bookkeeping).
class GameError(Exception):
    pass

def parse(v):
    if v % 7 == 0:
        raise GameError("bad %d" % v)
    if v % 11 == 0:
        raise KeyError(v)
    return v * 2

ok = bad = missing = cleanup = 0
for i in range(800000):
    try:
        ok += parse(i)
    except GameError:
        bad += 1
    except KeyError as e:
        missing += e.args[0] % 3
    finally:
        cleanup += 1
print(ok, bad, missing, cleanup)
