"""Time each workload under pkpy and python3, alternating, and print best
times and the pkpy/python3 ratio with their geometric mean.

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
    rows = []
    for name in names:
        path = os.path.join(HERE, name + ".py")
        best = {"pkpy": math.inf, "python3": math.inf}
        outs = {}
        for _ in range(rounds):
            for label, exe in (("pkpy", pkpy), ("python3", sys.executable)):
                t0 = time.perf_counter()
                r = subprocess.run([exe, path], capture_output=True, text=True)
                dt = time.perf_counter() - t0
                if r.returncode != 0:
                    sys.exit(f"{label} failed on {name}:\n{r.stderr}")
                outs[label] = r.stdout
                best[label] = min(best[label], dt)
        same = "" if outs["pkpy"] == outs["python3"] else "  (output differs!)"
        rows.append((name, best["pkpy"], best["python3"], best["pkpy"] / best["python3"], same))
    print(f"{'workload':<16}{'pkpy s':>10}{'python3 s':>11}{'ratio':>8}")
    for name, a, b, r, same in rows:
        print(f"{name:<16}{a:>10.3f}{b:>11.3f}{r:>8.2f}{same}")
    geo = math.exp(sum(math.log(r[3]) for r in rows) / len(rows))
    print(f"{'geomean':<16}{'':>10}{'':>11}{geo:>8.2f}")
    # pocketpy-only figures (threads, VM creation).
    for f in sorted(os.listdir(HERE)):
        if f.startswith("pkpy_") and f.endswith(".py"):
            r = subprocess.run([pkpy, os.path.join(HERE, f)], capture_output=True, text=True)
            print(f"\n{f}:\n{r.stdout}{r.stderr}")
    vm_create(os.path.dirname(pkpy))


def vm_create(libdir):
    """Build benches/vm_create.c against the library and run it."""
    exe = os.path.join(libdir, "bench_vm_create")
    src = os.path.join(HERE, "vm_create.c")
    r = subprocess.run(["cc", "-O2", "-o", exe, src, "-I", os.path.join(ROOT, "include"), "-L", libdir, "-lpocketpy"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(f"\nvm_create.c: cannot build: {r.stderr}")
        return
    env = dict(os.environ, LD_LIBRARY_PATH=libdir)
    r = subprocess.run([exe], capture_output=True, text=True, env=env)
    print(f"\nvm_create.c:\n{r.stdout}{r.stderr}")


if __name__ == "__main__":
    main()
