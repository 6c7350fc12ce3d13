"""Ingest speed, A/B in one process: a git revision's `store` against the working tree's.

Run: python benchmarks/ab_ingest.py [REV] [--runs N] [--cold] [--big]

On a shared machine one wall-clock figure says little; this loads both versions of
`store.ingest` into one process, times them alternately on the same articles and keeps
each side's best CPU time (process_time) of N runs, per article and per pipeline stage.
`--cold` empties the regex module's cache and every lru cache of `store` before each
article, as a fresh `bilat extract` starts; `--big` adds the 250 KB and 1 MB articles of
bench_ingest.py (one run each).
"""

from __future__ import annotations

import argparse
import importlib
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from types import ModuleType
from typing import Any

from big_article import big_article

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"


def _load(root: Path, seen: list[ModuleType]) -> ModuleType:
    """`store.ingest.pipeline` imported from `root`; the modules it pulled in go to `seen`."""
    for name in [n for n in sys.modules if n == "store" or n.startswith("store.")]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        pipeline = importlib.import_module("store.ingest.pipeline")
    finally:
        sys.path.remove(str(root))
    seen.extend(m for n, m in sys.modules.items() if n == "store" or n.startswith("store."))
    return pipeline


def _checkout(rev: str, into: Path) -> Path:
    """The `store` package of `rev`, unpacked under `into`."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "store"],
                          check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def _forget(modules: list[ModuleType]) -> None:
    re.purge()
    for module in modules:
        for value in list(vars(module).values()):
            if hasattr(value, "cache_clear"):
                value.cache_clear()


def _stage_timer(pipeline: ModuleType, spent: dict[str, float]) -> None:
    """Wrap each stage the pipeline calls (and its `as_written`) to add CPU time to `spent`."""
    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t0
        return run

    for name, fn in list(vars(pipeline).items()):
        module = getattr(fn, "__module__", "") or ""
        if callable(fn) and (module.startswith("store.ingest.") and module != pipeline.__name__
                             or name == "as_written"):
            setattr(pipeline, name, timed(name, fn))



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", default="HEAD", help="git revision to compare with")
    parser.add_argument("--runs", type=int, default=7, help="runs per side (best is kept)")
    parser.add_argument("--cold", action="store_true", help="empty all caches before each article")
    parser.add_argument("--big", action="store_true", help="also the 250 KB and 1 MB articles")
    args = parser.parse_args()
    paths = sorted(p for p in SAMPLES.glob("*") if p.is_file() and not p.name.startswith("."))
    articles = [p.read_bytes() for p in paths]
    with tempfile.TemporaryDirectory() as tmp:
        # The checkout stays on disk while it runs: data files may be read lazily.
        return _compare(args, paths, articles, _checkout(args.rev, Path(tmp)))


def _compare(args: argparse.Namespace, paths: list[Path], articles: list[bytes],
             base_root: Path) -> int:
    modules: list[ModuleType] = []
    base = _load(base_root, modules)
    work = _load(ROOT, modules)
    sides = {args.rev: base, "working tree": work}
    for data in articles:  # warm-up: imports, regex compilation
        base.extract(data)
        work.extract(data)

    best = {side: [float("inf")] * len(articles) for side in sides}
    spent: dict[str, dict[str, float]] = {side: {} for side in sides}
    stages: dict[str, dict[str, float]] = {side: {} for side in sides}
    for side, pipeline in sides.items():
        _stage_timer(pipeline, spent[side])
    for r in range(args.runs):
        order = list(sides.items()) if r % 2 == 0 else list(sides.items())[::-1]
        for side, pipeline in order:
            spent[side].clear()
            for i, data in enumerate(articles):
                if args.cold:
                    _forget(modules)
                t0 = time.process_time()
                pipeline.extract(data)
                best[side][i] = min(best[side][i], time.process_time() - t0)
            for name, secs in spent[side].items():
                stages[side][name] = min(stages[side].get(name, float("inf")), secs)

    n = len(articles)
    print(f"{n} sample articles, best CPU time of {args.runs} runs per side"
          + (", caches emptied before each article" if args.cold else ""))
    print(f"{'':<24}" + "".join(f"{side:>16}" for side in sides))
    print(f"{'median ms per article':<24}"
          + "".join(f"{statistics.median(best[s]) * 1000:>16.2f}" for s in sides))
    print(f"{'total ms, all articles':<24}"
          + "".join(f"{sum(best[s]) * 1000:>16.1f}" for s in sides))
    print()
    print(f"{'stage, ms per article':<24}" + "".join(f"{side:>16}" for side in sides))
    first = next(iter(sides))
    for name in sorted(stages[first], key=lambda k: -stages[first][k]):
        print(f"{name:<24}" + "".join(f"{stages[s].get(name, 0.0) / n * 1000:>16.3f}"
                                      for s in sides))
    if args.big:
        plain = [a for p, a in zip(paths, articles, strict=True) if p.suffix in (".txt", ".md")]
        print()
        for size in (250_000, 1_000_000):
            data = big_article(plain, size)
            for side, pipeline in sides.items():
                spent[side].clear()
                t0 = time.process_time()
                pipeline.extract(data)
                top = sorted(spent[side].items(), key=lambda kv: -kv[1])[:3]
                print(f"{size // 1000} KB, {side}: {time.process_time() - t0:.3f} s CPU ("
                      + ", ".join(f"{k} {v:.3f}" for k, v in top) + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
