"""Ingest speed: articles per second on the samples, a 1 MB article, linearity.

Run: python benchmarks/bench_ingest.py [--runs N]

Prints a small table. The whole pipeline (`store.ingest.extract`) is timed on
bytes, as `bilat extract` feeds it, one core, no warm cache beyond one warm-up.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from big_article import big_article  # noqa: E402

import store.ingest.pipeline as pipeline  # noqa: E402
from store.ingest import extract  # noqa: E402

SAMPLES = ROOT / "sample_articles"


def _time(data: bytes, runs: int) -> float:
    """Median seconds of `runs` extractions of `data`."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        extract(data)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _stage_times(data: bytes) -> dict[str, float]:
    """Seconds spent in each stage function `extract` calls, for one run on `data`.

    The stage functions the pipeline module imported are wrapped for the run, so the
    table follows the pipeline as it is wired, whatever stages it has.
    """
    spent: dict[str, float] = {}
    originals = {}
    for name, fn in vars(pipeline).items():
        module = getattr(fn, "__module__", "") or ""
        if callable(fn) and module.startswith("store.ingest.") and module != pipeline.__name__:
            originals[name] = fn

    def timed(name: str, fn):  # type: ignore[no-untyped-def]
        def run(*args, **kwargs):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0
        return run

    try:
        for name, fn in originals.items():
            setattr(pipeline, name, timed(name, fn))
        pipeline.extract(data)
    finally:
        for name, fn in originals.items():
            setattr(pipeline, name, fn)
    return spent



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement (median)")
    args = parser.parse_args()
    # Saved HTML pages are benchmarked too, but the big article is built from plain text.
    paths = sorted(p for p in SAMPLES.glob("*") if p.is_file() and not p.name.startswith("."))
    if not paths:
        print("no sample articles in sample_articles/", file=sys.stderr)
        return 1
    articles = [p.read_bytes() for p in paths]
    for data in articles:  # warm-up: imports, regex compilation
        extract(data)

    per_article = [_time(data, args.runs) for data in articles]
    total = sum(per_article)
    print(f"python {platform.python_version()} on {platform.machine()}, "
          f"{len(articles)} sample articles, median of {args.runs} runs each")
    print()
    print(f"{'measure':<34}{'value':>14}")
    print("-" * 48)
    print(f"{'articles per second':<34}{len(articles) / total:>14.1f}")
    print(f"{'median ms per article':<34}{statistics.median(per_article) * 1000:>14.2f}")
    print(f"{'slowest ms per article':<34}{max(per_article) * 1000:>14.2f}")
    plain = [a for p, a in zip(paths, articles, strict=True) if p.suffix in (".txt", ".md")]
    sizes = [250_000, 500_000, 1_000_000]
    timings = []
    for size in sizes:
        data = big_article(plain or articles, size)
        secs = _time(data, max(3, args.runs // 2))
        timings.append(secs)
        print(f"{f'{size // 1000} KB article, s':<34}{secs:>14.3f}")
    ratio = timings[-1] / timings[0] if timings[0] else float("nan")
    print(f"{'1 MB / 250 KB time (4.0 = linear)':<34}{ratio:>14.2f}")

    # Where the time goes: per stage, summed over the samples and for the 1 MB article.
    per_sample: dict[str, float] = {}
    for data in articles:
        for name, secs in _stage_times(data).items():
            per_sample[name] = per_sample.get(name, 0.0) + secs
    big = _stage_times(big_article(plain or articles, 1_000_000))
    print()
    print(f"{'stage':<24}{'ms/article':>12}{'s at 1 MB':>12}")
    print("-" * 48)
    for name in sorted(per_sample, key=lambda n: -per_sample[n]):
        ms = per_sample[name] / len(articles) * 1000
        print(f"{name:<24}{ms:>12.2f}{big.get(name, 0):>12.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
