# Threading and pickle figures, run under both interpreters by run.py:
# pkpy uses ComputeThread (a VM on its own thread), python3 a thread with a
# pair of queues (the nearest CPython counterpart). Each line printed is
# "figure<TAB>value"; run.py lays the two runs out as a table.
import pickle
import time

from _world import make_world

try:
    from pkpy import ComputeThread
except ImportError:
    ComputeThread = None


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def report(name, value):
    print("%s\t%s" % (name, value))


JOB = "sum(i * i % 7 for i in range(300000))"


class PyWorker:
    """A CPython thread running code sent through two queues, with the
    ComputeThread methods the figures use."""

    def __init__(self, _index=None):
        import queue
        import threading
        self.inbox = queue.Queue()
        self.outbox = queue.Queue()
        self.scope = {}
        self.result = None
        self.thread = threading.Thread(target=self.serve)
        self.thread.start()

    def serve(self):
        while True:
            job = self.inbox.get()
            if job is None:
                return
            kind, src = job
            if kind == "exec":
                exec(src, self.scope)
                self.outbox.put(None)
            elif kind == "call":
                self.outbox.put(self.scope[src]())
            else:
                self.outbox.put(eval(src, self.scope))

    def exec(self, src):
        self.inbox.put(("exec", src))
        self.outbox.get()

    def submit_call(self, name):
        self.inbox.put(("call", name))

    def submit_eval(self, src):
        self.inbox.put(("eval", src))

    def wait_for_done(self):
        self.result = self.outbox.get()

    def last_retval(self):
        return self.result

    def eval(self, src):
        self.submit_eval(src)
        self.wait_for_done()
        return self.result

    def close(self):
        self.inbox.put(None)
        self.thread.join()


Worker = ComputeThread if ComputeThread is not None else PyWorker


def round_trip_us(n=3000):
    t = Worker(1)
    t.exec("def f():\n    return 1")
    t0 = time.perf_counter()
    for _ in range(n):
        t.submit_call("f")
        t.wait_for_done()
        t.last_retval()
    dt = time.perf_counter() - t0
    t.close()
    return dt / n * 1e6


def two_thread_speedup():
    a, b = Worker(1), Worker(2)
    t0 = time.perf_counter()
    a.eval(JOB)
    a.eval(JOB)
    seq = time.perf_counter() - t0
    t0 = time.perf_counter()
    a.submit_eval(JOB)
    b.submit_eval(JOB)
    a.wait_for_done()
    b.wait_for_done()
    par = time.perf_counter() - t0
    a.close()
    b.close()
    return seq / par


def pickle_figures(rounds=200):
    world = make_world()
    data = pickle.dumps(world)
    t0 = time.perf_counter()
    for _ in range(rounds):
        data = pickle.dumps(world)
    dumps = (time.perf_counter() - t0) / rounds
    t0 = time.perf_counter()
    for _ in range(rounds):
        back = pickle.loads(data)
    loads = (time.perf_counter() - t0) / rounds
    assert back == world
    # Throughput in terrain cells (the same data for both interpreters,
    # whose byte formats differ).
    return len(world["terrain"]) / dumps / 1e6, len(world["terrain"]) / loads / 1e6


def creation():
    """Creation time (ms) and memory (KiB) of one ComputeThread; python3:
    a thread with its queues."""
    before = rss_kib()
    t0 = time.perf_counter()
    ws = [Worker(i) for i in range(1, 16)]
    dt = (time.perf_counter() - t0) / 15
    after = rss_kib()
    for w in ws:
        w.close()
    return dt * 1e3, (after - before) / 15


report("round trip (submit, wait, result), us", "%.1f" % round_trip_us())
report("2-thread speedup on CPU-bound jobs", "%.2f" % two_thread_speedup())
d, l = pickle_figures()
report("pickle.dumps, million cells/s", "%.2f" % d)
report("pickle.loads, million cells/s", "%.2f" % l)
ms, kib = creation()
report("worker creation, ms", "%.3f" % ms)
report("memory per worker, KiB", "%d" % kib)
