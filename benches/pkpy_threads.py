# Threading and pickle figures, run under both interpreters by run.py:
# pkpy uses ComputeThread (a VM on its own thread), python3 a thread with a
# pair of queues (the nearest CPython counterpart). Each line printed is
# "figure<TAB>value"; run.py lays the two runs out as a table.
import pickle
import random
import time

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
    """A CPython thread serving calls through two queues."""

    def __init__(self):
        import queue
        import threading
        self.inbox = queue.Queue()
        self.outbox = queue.Queue()
        self.thread = threading.Thread(target=self.serve)
        self.thread.start()

    def serve(self):
        while True:
            src = self.inbox.get()
            if src is None:
                return
            self.outbox.put(eval(src))

    def submit(self, src):
        self.inbox.put(src)

    def wait(self):
        return self.outbox.get()

    def close(self):
        self.inbox.put(None)
        self.thread.join()


def round_trip_us(n=3000):
    if ComputeThread is not None:
        t = ComputeThread(1)
        t.exec("def f():\n    return 1")
        t0 = time.perf_counter()
        for _ in range(n):
            t.submit_call("f")
            t.wait_for_done()
            t.last_retval()
        dt = time.perf_counter() - t0
        t.close()
    else:
        w = PyWorker()
        t0 = time.perf_counter()
        for _ in range(n):
            w.submit("1")
            w.wait()
        dt = time.perf_counter() - t0
        w.close()
    return dt / n * 1e6


def two_thread_speedup():
    if ComputeThread is not None:
        a, b = ComputeThread(1), ComputeThread(2)
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
    else:
        a, b = PyWorker(), PyWorker()
        t0 = time.perf_counter()
        a.submit(JOB)
        a.wait()
        a.submit(JOB)
        a.wait()
        seq = time.perf_counter() - t0
        t0 = time.perf_counter()
        a.submit(JOB)
        b.submit(JOB)
        a.wait()
        b.wait()
        par = time.perf_counter() - t0
        a.close()
        b.close()
    return seq / par


def pickle_figures(rounds=200):
    # The seed's world result: 10 000 terrain cells and 10 creatures.
    random.seed(1)
    world = {
        "biomes": ["forest", "desert", "ocean"],
        "terrain": [random.randint(1, 10) for _ in range(100 * 100)],
        "creatures": [
            {"name": random.choice(["wolf", "bear", "fish"]), "x": random.randint(0, 99), "y": random.randint(0, 99)}
            for _ in range(10)
        ],
    }
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
    if ComputeThread is not None:
        ws = [ComputeThread(i) for i in range(1, 16)]
    else:
        ws = [PyWorker() for _ in range(15)]
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
