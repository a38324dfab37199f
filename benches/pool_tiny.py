# 10 000 tiny jobs through a 2-worker pool: dispatch and result overhead.
from _pool_jobs import tiny, make_pool

N = 10000
with make_pool(2) as pool:
    futs = [pool.submit(tiny, i) for i in range(N)]
    total = sum(f.result() for f in futs)
print(total)
