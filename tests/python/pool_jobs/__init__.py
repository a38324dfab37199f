# Module-level functions that WorkerPool jobs receive by reference.
import pkpy


def square(x):
    return x * x


def where(tag):
    return (tag, pkpy.currentvm())


def fail(msg):
    raise KeyError(msg)


def slow_sum(n):
    s = 0
    for i in range(n):
        s += i * i % 7
    return s
