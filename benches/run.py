"""Time each workload under pkpy and python3, alternating, and print best
times and the pkpy/python3 ratio with their geometric mean, the same ratio
with each interpreter's start-up taken off ("net"), and the peak RSS of
each (the largest over the rounds) with its ratio; then the threading and
pickle figures of both, and the VM creation figures of the C API.

usage: python3 benches/run.py [--rounds N] [--pkpy PATH] [workload ...]
"""
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    args = sys.argv[1:]
    rounds = 3
    pkpy = os.path.join(ROOT, "target", "release", "pkpy")
    names = []
    i = 0
    while i < len(args):
        if args[i] == "--rounds":
            rounds = int(args[i + 1]); i += 2
        elif args[i] == "--pkpy":
            pkpy = args[i + 1]; i += 2
        else:
            names.append(args[i]); i += 1
    if not names:
        names = sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".py") and f != "run.py" and not f.startswith(("pkpy_", "_")))
    if not os.path.exists(pkpy):
        sys.exit("build first: cargo build --release")
    helper = build_c("peak_rss", os.path.dirname(pkpy), False)
    if helper is None:
        sys.exit("cannot build benches/peak_rss.c")
    # Each time includes the interpreter's start-up (python3's imports
    # `site`); the net ratio compares the times with the best start-up of
    # each (an empty script) taken off.
    empty = os.path.join(os.path.dirname(helper), "empty.py")
    with open(empty, "w") as f:
        f.write("pass\n")
    start = {label: min(timed_run([exe, empty], helper)[0] for _ in range(max(rounds, 5)))
             for label, exe in (("pkpy", pkpy), ("python3", sys.executable))}
    rows = []
    for name in names:
        path = os.path.join(HERE, name + ".py")
        best = {"pkpy": math.inf, "python3": math.inf}
        peak = {"pkpy": 0, "python3": 0}
        outs = {}
        for _ in range(rounds):
            for label, exe in (("pkpy", pkpy), ("python3", sys.executable)):
                dt, rss, code, out, err = timed_run([exe, path], helper)
                if code != 0:
                    sys.exit(f"{label} failed on {name}:\n{err}")
                outs[label] = out
                best[label] = min(best[label], dt)
                peak[label] = max(peak[label], rss)
        same = "" if outs["pkpy"] == outs["python3"] else "  (output differs!)"
        rows.append((name, best["pkpy"], best["python3"], best["pkpy"] / best["python3"],
                     peak["pkpy"], peak["python3"], same))
    def net(a, b):
        return max(a - start["pkpy"], 1e-4) / max(b - start["python3"], 1e-4)
    print(f"{'workload':<16}{'pkpy s':>10}{'python3 s':>11}{'ratio':>8}{'net':>7}{'pkpy MB':>10}{'python3 MB':>12}{'ratio':>8}")
    for name, a, b, r, ma, mb, same in rows:
        print(f"{name:<16}{a:>10.3f}{b:>11.3f}{r:>8.2f}{net(a, b):>7.2f}{ma / 1024:>10.1f}{mb / 1024:>12.1f}{ma / mb:>8.2f}{same}")
    geo = math.exp(sum(math.log(r[3]) for r in rows) / len(rows))
    geo_net = math.exp(sum(math.log(net(r[1], r[2])) for r in rows) / len(rows))
    print(f"{'geomean':<16}{'':>10}{'':>11}{geo:>8.2f}{geo_net:>7.2f}")
    print(f"{'(start-up)':<16}{start['pkpy']:>10.3f}{start['python3']:>11.3f}")
    # Threading and pickle figures: the same script under both.
    for f in sorted(os.listdir(HERE)):
        if f.startswith("pkpy_") and f.endswith(".py"):
            figures(f, pkpy)
    vm_create(os.path.dirname(pkpy))


def figures(script, pkpy):
    """Run a figures script (lines of "figure<TAB>value") under pkpy and
    python3 and print the two side by side."""
    got = {}
    for label, exe in (("pkpy", pkpy), ("python3", sys.executable)):
        r = subprocess.run([exe, os.path.join(HERE, script)], capture_output=True, text=True)
        if r.returncode != 0:
            print(f"\n{script} failed under {label}:\n{r.stderr}")
            return
        got[label] = [line.split("\t") for line in r.stdout.splitlines() if "\t" in line]
    print(f"\n{script}:")
    print(f"{'figure':<42}{'pkpy':>10}{'python3':>10}{'ratio':>8}")
    for (name, a), (_, b) in zip(got["pkpy"], got["python3"]):
        ratio = float(a) / float(b) if float(b) else math.inf
        print(f"{name:<42}{a:>10}{b:>10}{ratio:>8.2f}")


def timed_run(argv, helper):
    """Run argv through the peak_rss helper; return wall seconds, peak RSS in
    KiB, exit code, stdout and stderr."""
    out = os.path.join(os.path.dirname(helper), "peak_rss.out")
    t0 = time.perf_counter()
    r = subprocess.run([helper, out] + argv, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    with open(out) as f:
        rss = int(f.read())
    return dt, rss, r.returncode, r.stdout, r.stderr


def build_c(name, libdir, link):
    """Compile benches/NAME.c next to the library; the executable's path, or
    None with a message."""
    exe = os.path.join(libdir, "bench_" + name)
    cmd = ["cc", "-O2", "-o", exe, os.path.join(HERE, name + ".c")]
    if link:
        cmd += ["-I", os.path.join(ROOT, "include"), "-L", libdir, "-lpocketpy"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        print(f"\n{name}.c: cannot build: {r.stderr}")
        return None
    return exe


def vm_create(libdir):
    """Build benches/vm_create.c against the library and run it."""
    exe = build_c("vm_create", libdir, True)
    if exe is None:
        return
    env = dict(os.environ, LD_LIBRARY_PATH=libdir)
    r = subprocess.run([exe], capture_output=True, text=True, env=env)
    print(f"\nvm_create.c:\n{r.stdout}{r.stderr}")


if __name__ == "__main__":
    main()
