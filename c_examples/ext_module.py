# Imports the native extension built from ext_module.c (see that file).
import gamemath
from gamemath import Vec2, dot, clamp

print('gamemath', gamemath.__version__)
a = Vec2(3, 4)
b = Vec2(1, 2)
print(a, '+', b, '=', a + b)
print('length', a.length(), 'dot', dot(a, b))
print('clamp', clamp(1.5), clamp(-2), clamp(5, hi=10), clamp(x=0.25, lo=0.5))
try:
    clamp(1, 2, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    a + 1
except TypeError as e:
    print('TypeError:', e)
print('same module object:', __import__('gamemath') is gamemath)

# An extension whose initializer raises: the error reaches the importer.
try:
    import broken
except RuntimeError as e:
    print('import broken -> RuntimeError:', e)
# A file that is not a loadable library gives an ImportError naming it.
try:
    import notalib
except ImportError as e:
    print('import notalib -> ImportError:', 'cannot load native module' in str(e))
