# ComputeThread figures (pkpy only): round-trip latency, 2-thread speedup,
# ComputeThread (VM + worker) creation time and memory per VM.
import time
from pkpy import ComputeThread

def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

t = ComputeThread(1)
t.exec("def f():\n    return 1")
N = 3000
t0 = time.perf_counter()
for _ in range(N):
    t.submit_call("f")
    t.wait_for_done()
    t.last_retval()
rt = (time.perf_counter() - t0) / N
print("round trip (submit_call + wait + last_retval): %.1f us" % (rt * 1e6))

job = "sum(i * i % 7 for i in range(300000))"
t2 = ComputeThread(2)
t0 = time.perf_counter()
t.eval(job)
t.eval(job)
seq = time.perf_counter() - t0
t0 = time.perf_counter()
t.submit_eval(job)
t2.submit_eval(job)
t.wait_for_done()
t2.wait_for_done()
par = time.perf_counter() - t0
print("2-thread speedup on CPU-bound jobs: %.2f" % (seq / par))
t.close()
t2.close()

before = rss_kib()
t0 = time.perf_counter()
ts = [ComputeThread(i) for i in range(1, 16)]
dt = (time.perf_counter() - t0) / 15
after = rss_kib()
print("ComputeThread creation (thread + VM): %.3f ms each" % (dt * 1e3))
print("memory per VM: %d KiB" % ((after - before) / 15))
for x in ts:
    x.close()
