"""Positions and commitments at size: `bilat commitments`, `bilat positions TOPIC`, one
`bilat commitment ID`, and a streamed Markdown export, on a synthetic store.

Run: python benchmarks/bench_stances.py [--meetings 2000]

The store is built as `bench_store.py` builds its own (copies of the sample drafts, one
day apart, through `Store.add_draft`), in a temporary folder, so every copy keeps the
positions and commitments ingest found in its sample (about 12 and 2 an article). Most
meetings are of one pair, so `commitments` tracks hundreds of promises through thousands
of later meetings: the worst case. Times are medians of 3 runs after one warm-up.

The pair's tracking is stored (store/db/tracked.py) and walked again only after the pair
changed: the warm-up pays that walk once, the runs read the stored rows. The last row
times the read that follows an add to the pair (a new meeting, so the walk is paid again).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import bench_store  # noqa: E402

from store.db import Store  # noqa: E402
from store.export import render  # noqa: E402


def median_ms(call: Callable[[], object], runs: int = 3) -> float:
    call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--meetings", type=int, default=2000)
    args = ap.parse_args()
    var = bench_store.Variator(bench_store.base_drafts())
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "s.db") as store:
        for n in range(args.meetings):
            store.add_draft(var.draft(n), new_meeting=True)
        pair = store.dyads()[0]
        made = store.commitments(pair)
        held = store.conn.execute("SELECT count(*) FROM positions").fetchone()[0]
        print(f"{args.meetings} meetings, {held} positions, "
              f"{store.conn.execute('SELECT count(*) FROM commitments').fetchone()[0]} "
              f"commitments; pair {' - '.join(pair)}: {len(made)} commitments")
        rows = [
            ("commitments --dyad (busiest pair)", lambda: store.commitments(pair)),
            ("commitments (every pair)", lambda: store.commitments()),
            ("commitment ID", lambda: store.commitment(made[-1].id)),
            ("positions TOPIC (relations)", lambda: store.positions("relations")),
            ("positions TOPIC --dyad --side", lambda: store.positions(
                "relations", pair, side="China")),
            ("overdue topics (board mark)", lambda: store.overdue_topics(pair)),
            ("export md (streamed)", lambda: render(store, "md")),
        ]
        print("| read | median |")
        print("|---|---:|")
        for name, call in rows:
            print(f"| {name} | {median_ms(call):.0f} ms |")
        after_add = []
        for n in range(3):
            store.add_draft(var.draft(args.meetings + n), new_meeting=True)
            start = time.perf_counter()
            store.commitments(pair)
            after_add.append(time.perf_counter() - start)
        print(f"| commitments --dyad, first read after an add | "
              f"{statistics.median(after_add) * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
