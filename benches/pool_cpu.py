# CPU-bound jobs on a 2-worker pool (2 cores): parallel speedup.
from _pool_jobs import cpu, make_pool

with make_pool(2) as pool:
    print(sum(pool.map(cpu, [300000] * 8)))
