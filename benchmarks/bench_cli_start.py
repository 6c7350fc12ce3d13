"""What one `bilat` start costs, per command: CPU seconds (user + system) of the process.

The CLI tests start the real command hundreds of times, so its start is most of CI's time.
CPU time, the least of N runs, is used because wall time on a shared machine measures the
neighbours; the least is the cost with nothing in the way.

    python benchmarks/bench_cli_start.py [--tree DIR] [--runs N] [--shim]

--tree runs another checkout (through PYTHONPATH), e.g. an older commit laid out with
`git archive`; --shim starts `bilat` through PATH (a pyenv shim here) instead of the
script beside this interpreter.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cpu_of(cmd: list[str], env: dict[str, str]) -> float:
    """CPU seconds of one run of `cmd` (os.wait4 reports the child's own usage)."""
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", type=Path, default=ROOT)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--shim", action="store_true")
    args = ap.parse_args()
    script = Path(sysconfig.get_path("scripts")) / "bilat"
    bilat = [shutil.which("bilat") or "bilat"] if args.shim else [str(script)]
    tree = args.tree.resolve()
    samples = sorted(str(p) for p in (tree / "sample_articles").glob("*") if p.is_file())
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PYTHONPATH=str(tree))
        full = Path(tmp) / "samples.db"
        subprocess.run([*bilat, "--store", str(full), "add", *samples], env=env,
                       capture_output=True, check=False)
        one = samples[0]
        cases = {
            "bilat --help": ["--help"],
            "bilat topics (12 articles)": ["--store", str(full), "topics"],
            "bilat show taiwan": ["--store", str(full), "show", "taiwan"],
            "bilat extract ARTICLE": ["extract", one],
            "bilat add ARTICLE (new store)": None,
        }
        print(f"{'command':32} {'CPU s (least of ' + str(args.runs) + ')':>22}")
        for name, argv in cases.items():
            best = float("inf")
            for n in range(args.runs):
                if argv is None:
                    run = ["--store", str(Path(tmp) / f"new-{n}.db"), "add", "--yes", one]
                else:
                    run = argv
                best = min(best, cpu_of([*bilat, *run], env))
            print(f"{name:32} {best:22.2f}")


if __name__ == "__main__":
    main()
