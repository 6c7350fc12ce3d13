"""Store speed at 10,000 meetings: adding, the board, a topic's history, search, exports.

Run: python benchmarks/bench_store.py [--meetings 10000] [--write]

How the synthetic store is built: every file of `sample_articles/` is read by
ingest once; each of the N meetings is a copy of one of those drafts with its
meeting date moved (one day apart, so dates spread over the years), a marker
added to its original and plain text (so its sha256 and text key differ and
nothing is refused as a duplicate), and its topic statuses varied (a seeded
random walk per topic, so trends and changes are real). Where ingest found no
topics in a sample, topics are assigned to its paragraphs at random (seeded) so
the board is not empty.
Each copy goes through `Store.add_draft` with `new_meeting=True` (the ordinary
one-transaction write path; no bulk shortcut). Query times are medians of 5
runs after one warm-up, measured at 1/10 of the size and at full size to show
how they grow. `--write` puts a "Store" section in BENCHMARKS.md (other sections
are kept).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sections import replace_section  # noqa: E402

from store.db import Store  # noqa: E402
from store.export import render  # noqa: E402
from store.ingest import extract  # noqa: E402
from store.models import MeetingDraft, Status, TopicEntry  # noqa: E402
from store.taxonomy import default_topics  # noqa: E402

SAMPLES = ROOT / "sample_articles"
START = date(1990, 1, 1)
STATUSES = Status.ordered()


def base_drafts() -> list[MeetingDraft]:
    """One draft per sample, with topics assigned at random where ingest found none."""
    rng = random.Random(7)
    topics = default_topics()
    out = []
    for path in sorted(p for p in SAMPLES.iterdir() if p.is_file()):
        draft = extract(path.read_bytes())
        if not draft.dyad or len(draft.dyad) != 2:
            continue
        if not draft.topics:
            chosen = rng.sample(topics, 4)
            entries = []
            for i, t in enumerate(chosen):
                paras = [p.index for p in draft.paragraph_spans if p.index % 4 == i]
                evidence = ""
                if paras and draft.paragraph_spans:
                    span = draft.paragraph_spans[paras[0]]
                    evidence = draft.text[span.start:span.end][:200]
                entries.append(TopicEntry(id=t.id, name=t.name, status=Status.DIALOGUE,
                                          evidence=evidence, paragraphs=paras))
            quotes = [q.model_copy(update={"topic": chosen[q.paragraph % 4].id})
                      for q in draft.quotes]
            draft = draft.model_copy(update={"topics": entries, "quotes": quotes})
        out.append(draft)
    return out


class Variator:
    """Copy n of a base draft: its own date, text hash and statuses (random walk per topic)."""

    def __init__(self, bases: list[MeetingDraft]) -> None:
        self.bases = bases
        self.rng = random.Random(11)
        self.level: dict[str, int] = {}

    def draft(self, n: int) -> MeetingDraft:
        base = self.bases[n % len(self.bases)]
        entries = []
        for e in base.topics:
            lvl = self.level.get(e.id, 2) + self.rng.choice((-1, 0, 0, 1))
            lvl = max(0, min(len(STATUSES) - 1, lvl))
            self.level[e.id] = lvl
            entries.append(e.model_copy(update={"status": STATUSES[lvl]}))
        original = marked(base.original, n)
        return base.model_copy(update={
            "meeting_date": START + timedelta(days=n),
            "title": f"{base.title} (#{n})",
            "original": original,
            # The plain text differs too: the store refuses the same text twice (page
            # furniture aside), and these copies stand for different articles.
            "text": f"{base.text}\n(copy {n})",
            "sha256": hashlib.sha256(original.encode("utf-8")).hexdigest(),
            "topics": entries,
        })


def marked(original: str, n: int) -> str:
    """The original with a marker ingest keeps in the plain text (so that `add` of the
    re-read copy is not refused as the same text): in a web page, inside the first
    paragraph of the article; elsewhere, as a last line."""
    if "</p>" in original:
        cut = original.find("</p>", max(0, original.find("<article")))
        return f"{original[:cut]} (copy {n}){original[cut:]}"
    return f"{original}\n(copy {n})"


def median_time(fn: Callable[[], object], runs: int = 5) -> float:
    fn()  # warm-up: page cache, statement cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def queries(store: Store) -> dict[str, float]:
    """Seconds for each read the CLI and TUI make, on the store as it is."""
    board = store.board()
    busiest = max(board.rows, key=lambda r: len(r.cells)).topic.id
    word = "relations"
    raised = len(store.topic_history(busiest))
    print(f"  {len(board.meetings)} meetings; busiest topic {busiest!r} raised at {raised}",
          file=sys.stderr)
    return {
        "_busiest": busiest, "_raised": raised, "_dyad_meetings": len(board.meetings),
        "topics (board)": median_time(store.board),
        # What `bilat show` does by default: the newest 12 entries and their changes.
        "show (topic history + changes)": median_time(
            lambda: store.topic_window(busiest, board.dyad, last=12)),
        "topic history alone": median_time(lambda: store.topic_history(busiest)),
        "quotes --search": median_time(lambda: store.search_quotes(word, limit=500)),
        "quotes --speaker": median_time(lambda: store.search_quotes(speaker="Wang", limit=500)),
        "changes (latest meeting)": median_time(store.changes),
        "export md (full)": median_time(lambda: render(store, "md"), runs=1),
        "export timelinejs (full)": median_time(lambda: render(store, "timelinejs"), runs=1),
    }


def run(total: int) -> dict[str, object]:
    bases = base_drafts()
    var = Variator(bases)
    tmp = Path(tempfile.mkdtemp(prefix="bilat-bench-"))
    path = tmp / "bench.db"
    results: dict[str, object] = {"meetings": total, "samples": len(bases)}
    with Store.open(path) as store:
        small = total // 10
        t0 = time.perf_counter()
        for n in range(small):
            store.add_draft(var.draft(n), new_meeting=True)
        build_small = time.perf_counter() - t0
        results["small"] = queries(store)
        t0 = time.perf_counter()
        for n in range(small, total):
            store.add_draft(var.draft(n), new_meeting=True)
        results["build_s"] = build_small + time.perf_counter() - t0
        results["full"] = queries(store)

        # Adding articles to the full store, as `bilat add` does (ingest + one transaction).
        fresh = [var.draft(total + n) for n in range(1001)]
        singles = []
        for d in fresh[:21]:
            t0 = time.perf_counter()
            store.add_draft(extract(d.original.encode("utf-8")), new_meeting=True)
            singles.append(time.perf_counter() - t0)
        results["add_one_ingest_ms"] = statistics.median(singles) * 1000
        store_only = []
        for d in fresh[21:41]:
            t0 = time.perf_counter()
            store.add_draft(d, new_meeting=True)
            store_only.append(time.perf_counter() - t0)
        results["add_one_store_ms"] = statistics.median(store_only) * 1000
        more = [var.draft(total + 2000 + n) for n in range(1000)]
        t0 = time.perf_counter()
        for d in more:
            store.add_draft(d, new_meeting=True)
        results["add_1000_s"] = time.perf_counter() - t0
        results["counts"] = store.counts()
    size = sum(f.stat().st_size for f in tmp.iterdir() if f.name.startswith("bench.db"))
    results["file_mb"] = size / 1e6
    for f in tmp.iterdir():
        f.unlink()
    tmp.rmdir()
    return results


TARGETS = {
    "topics (board)": 0.300, "show (topic history + changes)": 0.300,
    "topic history alone": 0.300,
    "quotes --search": 0.100, "quotes --speaker": 0.100, "changes (latest meeting)": 0.300,
    "export md (full)": 5.0, "export timelinejs (full)": 5.0,
}


def report(r: dict[str, object], command: str) -> str:
    small = r["small"]
    full = r["full"]
    assert isinstance(small, dict) and isinstance(full, dict)
    total = r["meetings"]
    assert isinstance(total, int)
    counts = r["counts"]
    assert isinstance(counts, dict)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "## Store",
        "",
        f"Measured {when} with `{command}`.",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {load:.1f} while running (other work shares the machine).",
        f"Synthetic store: {total:,} meetings made from {r['samples']} sample drafts "
        "(dates shifted, text marked so every sha256 differs, statuses varied by a random "
        "walk; see the docstring of `benchmarks/bench_store.py`), built through "
        f"`Store.add_draft` one transaction each in {r['build_s']:.0f} s. At the end it holds "
        f"{counts['meetings']:,} meetings, {counts['quotes']:,} quotes, "
        f"{counts['entries']:,} topic entries: {r['file_mb']:.0f} MB on disk (with WAL).",
        "",
        f"| measure | at {total // 10:,} meetings | at {total:,} meetings | target |",
        "|---|---:|---:|---:|",
        f"| add one article, ingest + store (median of 21) | | "
        f"{r['add_one_ingest_ms']:.1f} ms | < 50 ms |",
        f"| add one article, store only (median of 20) | | {r['add_one_store_ms']:.1f} ms | |",
        f"| add 1,000 articles, store only | | {r['add_1000_s']:.1f} s | |",
    ]
    for name, target in TARGETS.items():
        a, b = float(small[name]), float(full[name])
        fmt = (lambda s: f"{s:.2f} s") if target >= 1 else (lambda s: f"{s * 1000:.0f} ms")
        tgt = f"< {target:g} s" if target >= 1 else f"< {target * 1000:.0f} ms"
        lines.append(f"| {name} | {fmt(a)} | {fmt(b)} | {tgt} |")
    lines += [
        f"| file size | | {r['file_mb']:.0f} MB | |",
        "",
        f"`show` is timed on the busiest topic, `{full['_busiest']}`, raised at "
        f"{full['_raised']:,} of the main pair's {full['_dyad_meetings']:,} meetings, as "
        "`bilat show` does by default: the newest 12 entries and their changes "
        "(`Store.topic_window`, which picks them in SQL). Exports run with the cyclic "
        "garbage collector paused (about a third faster at this size); times vary by "
        "about ±30% with the load of the other work on this machine.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--meetings", type=int, default=10_000)
    ap.add_argument("--write", action="store_true",
                    help="update the Store section of BENCHMARKS.md")
    args = ap.parse_args()
    results = run(args.meetings)
    command = "python benchmarks/bench_store.py" + (
        f" --meetings {args.meetings}" if args.meetings != 10_000 else "")
    section = report(results, command)
    print(section)
    if args.write:
        replace_section(ROOT / "BENCHMARKS.md", "Store", section)


if __name__ == "__main__":
    main()
