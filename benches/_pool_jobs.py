# Functions the pool benchmarks send to workers by reference (imported there).
def tiny(x):
    return x + 1


def cpu(n):
    s = 0
    for i in range(n):
        s += i * i % 7
    return s


def make_pool(n):
    """pkpy's WorkerPool under pkpy, CPython's ProcessPoolExecutor under python3."""
    try:
        from pkpy import WorkerPool
        return WorkerPool(n)
    except ImportError:
        from concurrent.futures import ProcessPoolExecutor
        return ProcessPoolExecutor(n)
