"""`add` before and after a change: the same store-only adds, two code trees, taking turns.

Run: python benchmarks/bench_add_ab.py --before REV [--adds 3000] [--rounds 5] [--write]

The tree at REV is unpacked (`git archive`) into a temporary directory. Each round runs,
in a fresh process per tree, N copies of the sample drafts (as `bench_store.py` makes
them) through `Store.add_draft(new_meeting=True)` on a new store, and measures CPU time
(less disturbed than wall time by the other work that shares this machine) and wall
time. The trees take turns so that load changes hit both alike; the medians are
compared. `--write` puts an "Add: before and after" section in BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def child(tree: Path, adds: int) -> None:
    """In a fresh process: time `adds` store-only adds with the `store` package of `tree`."""
    sys.path.insert(0, str(tree))
    import store.db  # noqa: F401 - cached first, so bench_store's imports resolve to `tree`

    sys.path.insert(1, str(HERE))
    import bench_store

    var = bench_store.Variator(bench_store.base_drafts())
    drafts = [var.draft(n) for n in range(adds)]
    with tempfile.TemporaryDirectory() as tmp, store.db.Store.open(Path(tmp) / "ab.db") as db:
        cpu, wall = time.process_time(), time.perf_counter()
        for d in drafts:
            db.add_draft(d, new_meeting=True)
        print(f"{time.process_time() - cpu:.4f} {time.perf_counter() - wall:.4f}")


def unpack(rev: str, into: Path) -> Path:
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True,
                          capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def measure(tree: Path, adds: int) -> tuple[float, float]:
    out = subprocess.run([sys.executable, __file__, "--child", str(tree), "--adds", str(adds)],
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[-2]), float(out[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", help="git revision to compare with (the tree as it was)")
    ap.add_argument("--adds", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--write", action="store_true", help="write the section in BENCHMARKS.md")
    args = ap.parse_args()
    if args.child:
        child(Path(args.child), args.adds)
        return
    if not args.before:
        ap.error("give --before REV")
    runs: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"before": unpack(args.before, Path(tmp)), "after": ROOT}
        for n in range(args.rounds):
            for name, tree in trees.items():
                runs[name].append(measure(tree, args.adds))
                cpu, wall = runs[name][-1]
                print(f"round {n + 1} {name}: cpu {cpu:.2f} s, wall {wall:.2f} s", flush=True)
    med = {k: (statistics.median(c for c, _ in v), statistics.median(w for _, w in v))
           for k, v in runs.items()}
    ratio = {i: med["after"][i] / med["before"][i] - 1 for i in (0, 1)}
    per = {k: (v[0] / args.adds * 1000, v[1] / args.adds * 1000) for k, v in med.items()}
    body = "\n".join([
        "## Add: before and after",
        "",
        f"Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC with "
        f"`python benchmarks/bench_add_ab.py --before {args.before} --adds {args.adds} "
        f"--rounds {args.rounds}`.",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, load average "
        f"{os.getloadavg()[0]:.1f} (other work shares the machine). {args.adds:,} store-only "
        "adds (`Store.add_draft`, one transaction each, copies of the sample drafts) on a new "
        f"store per run; the two trees take turns, {args.rounds} runs each; medians.",
        "",
        "| tree | CPU per add | wall per add | CPU vs before | wall vs before |",
        "|---|---:|---:|---:|---:|",
        f"| before ({args.before}) | {per['before'][0]:.2f} ms | {per['before'][1]:.2f} ms | | |",
        f"| after (this tree) | {per['after'][0]:.2f} ms | {per['after'][1]:.2f} ms | "
        f"{ratio[0]:+.0%} | {ratio[1]:+.0%} |",
    ])
    print(body)
    if args.write:
        from sections import replace_section

        replace_section(ROOT / "BENCHMARKS.md", "Add: before and after", body)


if __name__ == "__main__":
    main()
