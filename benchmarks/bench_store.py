"""Store speed at 10,000 meetings (or 100,000): the board, changes, a topic, search, exports.

Run: python benchmarks/bench_store.py [--meetings 10000] [--write]

The synthetic stores are built once and kept in `benchmarks/.cache/` (git-ignored;
about 1.7 GB at 100,000 meetings): a store at N meetings and its first tenth,
a snapshot taken during the same build. Delete the folder to rebuild.

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
how they grow; adds are measured on the full store and removed again. `--write`
puts a "Store" section (a "Scale" section above 10,000 meetings) in
BENCHMARKS.md; other sections are kept.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sections import replace_section  # noqa: E402

from store.db import Store, stances  # noqa: E402
from store.export import write_export  # noqa: E402
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


def median_times(fn: Callable[[], object], runs: int = 5) -> tuple[float, float]:
    """(wall, CPU) medians in seconds. On a shared machine the wall time of a short read
    is mostly waiting for a core; its CPU time is what the read costs."""
    fn()  # warm-up: page cache, statement cache
    walls, cpus = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus)


def median_time(fn: Callable[[], object], runs: int = 5) -> float:
    return median_times(fn, runs)[0]


def export_time(store: Store, fmt: str) -> tuple[float, float, float]:
    """(wall s, CPU s, MB) of a full export written to a file, as `bilat export -o` does."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"export.{fmt}"
        t0, c0 = time.perf_counter(), time.process_time()
        write_export(store, fmt, out)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        return wall, cpu, out.stat().st_size / 1e6


RUN_FORMATS = ("md", "timelinejs", "csv", "html", "json")


def export_runs(path: Path) -> dict[str, dict[str, float]]:
    """Per format, a full export (`write_export`, as `bilat export -o`) in a process of its
    own, one after the other: peak memory (MB), CPU s, wall s, size (MB) and the load
    average when it ended. The store's tracking is stored before (see `refresh_tracking`),
    so each figure is the export's own."""
    code = (
        "import os, resource, sys, time; from pathlib import Path; from store.db import Store; "
        "from store.export import write_export; s = Store.open(sys.argv[1]); "
        "t = time.perf_counter(); write_export(s, sys.argv[2], Path(sys.argv[3])); "
        "w = time.perf_counter() - t; u = resource.getrusage(resource.RUSAGE_SELF); "
        # VmHWM is this program's own peak; Linux's ru_maxrss keeps the parent's size at
        # fork across exec (this script's, holding its stores: 141 MB for every export).
        "st = Path('/proc/self/status'); hwm = [int(x.split()[1]) for x in "
        "st.read_text().splitlines() if x.startswith('VmHWM:')] if st.exists() else []; "
        "print(hwm[0] if hwm else u.ru_maxrss, u.ru_utime + u.ru_stime, w, "
        "Path(sys.argv[3]).stat().st_size, os.getloadavg()[0])"
    )
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in RUN_FORMATS:
            done = subprocess.run(
                [sys.executable, "-c", code, str(path), fmt, str(Path(tmp) / f"out.{fmt}")],
                stdout=subprocess.PIPE, text=True, cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False,
            )
            if done.returncode:
                raise SystemExit(f"export {fmt} of {path} failed")
            rss, cpu, wall, size, load = done.stdout.split()[-5:]
            out[fmt] = {"peak_mb": int(rss) / 1024, "cpu": float(cpu), "wall": float(wall),
                        "mb": int(size) / 1e6, "load": float(load)}
            (Path(tmp) / f"out.{fmt}").unlink()
    return out


def tracking_walk(store: Store) -> tuple[float, float]:
    """(wall, CPU) of following every commitment of every pair from the start (the walk a
    store does once, then again only after a change at or before its newest walked
    meeting; it reads every article's text after the first commitment). Not stored."""
    t0, c0 = time.perf_counter(), time.process_time()
    for dyad in store.dyads():
        stances.tracking(store.conn, dyad)
    return time.perf_counter() - t0, time.process_time() - c0


def refresh_tracking(store: Store) -> tuple[float, float]:
    """(wall, CPU) of bringing every pair's stored tracking up to date (what the first
    export after a change pays: nothing when it is fresh)."""
    t0, c0 = time.perf_counter(), time.process_time()
    for dyad in store.dyads():
        store.export_read(stances.refresh, dyad)
    return time.perf_counter() - t0, time.process_time() - c0


# Where, in the main pair's history, one article is added before the export (the fraction
# of the history before it): near the end, as late articles come, and in the middle.
RESUME_AT = (0.99, 0.9, 0.5)


def resume_after_add(store: Store, total: int) -> dict[float, tuple[float, float]]:
    """(wall, CPU) of the first export's walk after one article dated inside the main pair's
    history, at each RESUME_AT: the walk resumes from the checkpoint before it
    (store/db/tracked.py). The article is removed again afterwards (and that walk too)."""
    refresh_tracking(store)
    main = max(store.dyads(), key=store.count_meetings)
    var = Variator(base_drafts())
    draft = next(d for d in (var.draft(total + k) for k in range(12)) if d.dyad == main)
    out: dict[float, tuple[float, float]] = {}
    for at in RESUME_AT:
        d = draft.model_copy(update={"meeting_date": START + timedelta(days=int(total * at))})
        mid = store.add_draft(d, new_meeting=True).meeting_id
        out[at] = refresh_tracking(store)
        store.remove_meeting(mid)
        refresh_tracking(store)
    return out


def texts_mb(store: Store) -> float:
    """MB the exports' kept texts take in the store file (0 without SQLite's dbstat)."""
    try:
        found = store.conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'rendered_%'").fetchone()[0]
    except sqlite3.OperationalError:
        return 0.0
    return float(found or 0) / 1e6


def queries(store: Store) -> dict[str, object]:
    """Seconds for each read the CLI and TUI make, on the store as it is."""
    board = store.board()
    busiest = max(board.rows, key=lambda r: r.raised)
    word = "relations"
    print(f"  {board.meeting_count} meetings; busiest topic {busiest.topic.id!r} raised at "
          f"{busiest.raised}", file=sys.stderr)
    out: dict[str, object] = {
        "_busiest": busiest.topic.id, "_raised": busiest.raised,
        "_dyad_meetings": board.meeting_count,
    }
    reads: dict[str, Callable[[], object]] = {
        # The board as the TUI opens it: every topic's state and the newest window of columns.
        "topics (board)": store.board,
        "board, page of older columns": lambda: store.board(before=board.first_column),
        "changes (latest meeting)": store.changes,
        # What `bilat show` does by default: the newest 12 entries and their changes.
        "show (topic history + changes)": lambda: store.topic_window(
            busiest.topic.id, board.dyad, last=12),
        # What the topic screen reads when it opens (and again for each `[` past it).
        "topic page (newest 48)": lambda: store.topic_window(
            busiest.topic.id, board.dyad, last=48),
        "quotes --search": lambda: store.search_quotes(word, limit=500),
        "quotes --speaker": lambda: store.search_quotes(speaker="Wang", limit=500),
    }
    for name, read in reads.items():
        out[name], out[f"_cpu {name}"] = median_times(read)
    out["_walk"] = tracking_walk(store)
    out["_refresh"] = refresh_tracking(store)  # a store built by this script: never walked
    out["_resume"] = resume_after_add(store, store.counts()["meetings"])
    # The first export makes the texts Markdown and TimelineJS keep in the store (schema
    # 10, store/db/rendered.py; none on a store built or upgraded before): once.
    wall, cpu, _ = export_time(store, "md")
    out["_texts"] = (wall, cpu)
    out["_texts_mb"] = texts_mb(store)
    for fmt in ("md", "timelinejs"):
        wall, cpu, size = export_time(store, fmt)
        out[f"export {fmt} (full)"] = wall
        out[f"_cpu {fmt}"] = cpu
        out[f"_mb {fmt}"] = size
    return out


CACHE = ROOT / "benchmarks" / ".cache"
# Bump when the way the synthetic store is made changes: cached stores are then rebuilt.
BUILD_VERSION = 1


def cache_key(bases: list[MeetingDraft]) -> str:
    """What a cached store was made from: this builder's version and the sample drafts."""
    digest = hashlib.sha256(str(BUILD_VERSION).encode())
    for d in bases:
        digest.update(d.sha256.encode())
        digest.update(",".join(f"{t.id}" for t in d.topics).encode())
    return digest.hexdigest()[:16]


def _meta_path(path: Path) -> Path:
    return path.with_suffix(".json")


def cached(path: Path, key: str) -> dict[str, object] | None:
    """The build record of a cached store, when it is there and made the same way."""
    meta = _meta_path(path)
    if not path.exists() or not meta.exists():
        return None
    record = json.loads(meta.read_text(encoding="utf-8"))
    return record if record.get("key") == key else None


def _snapshot(store: Store, target: Path) -> None:
    """A consistent copy of the open store (WAL included) at `target`."""
    for f in target.parent.glob(target.name + "*"):
        f.unlink()
    dest = sqlite3.connect(str(target))
    try:
        store.conn.backup(dest)
    finally:
        dest.close()


def build_cached(total: int) -> tuple[Path, Path, dict[str, object]]:
    """The stores at total/10 and total meetings, built once and kept in benchmarks/.cache/.

    Both come from one build: the smaller is a snapshot taken on the way, so it is
    exactly the first tenth of the larger. A cached smaller store (from an earlier
    run at another size) is extended rather than rebuilt.
    """
    CACHE.mkdir(parents=True, exist_ok=True)
    bases = base_drafts()
    key = cache_key(bases)
    small = total // 10
    small_path, full_path = CACHE / f"store-{small}.db", CACHE / f"store-{total}.db"
    small_meta, full_meta = cached(small_path, key), cached(full_path, key)
    if small_meta is not None and full_meta is not None:
        return small_path, full_path, {**full_meta, "small_build_s": small_meta["build_s"]}
    var = Variator(bases)
    work = CACHE / f"building-{total}.db"
    for f in CACHE.glob(work.name + "*"):
        f.unlink()
    start = 0
    small_build = 0.0
    if small_meta is not None:
        shutil.copyfile(small_path, work)
        for n in range(small):  # replay the random walk up to where the copy ends
            var.draft(n)
        start = small
        small_build = float(small_meta["build_s"])  # type: ignore[arg-type]
    print(f"building the {total:,}-meeting store in {CACHE} (once)", file=sys.stderr)
    with Store.open(work) as store:
        t0 = time.perf_counter()
        for n in range(start, total):
            if n == small and small_meta is None:
                small_build = time.perf_counter() - t0
                _snapshot(store, small_path)
                _write_meta(small_path, key, small, small_build, len(bases))
                small_meta = cached(small_path, key)
            store.add_draft(var.draft(n), new_meeting=True)
            if n and n % 10_000 == 0:
                print(f"  {n:,} meetings, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        build = small_build + time.perf_counter() - t0
    os.replace(work, full_path)
    _write_meta(full_path, key, total, build, len(bases))
    record = cached(full_path, key)
    assert record is not None
    return small_path, full_path, {**record, "small_build_s": small_build}


def _write_meta(path: Path, key: str, meetings: int, build_s: float, samples: int) -> None:
    record = {"key": key, "meetings": meetings, "build_s": build_s, "samples": samples,
              "file_mb": path.stat().st_size / 1e6}
    _meta_path(path).write_text(json.dumps(record), encoding="utf-8")


def measure_adds(store: Store, total: int) -> dict[str, float]:
    """Adding articles to the full store, as `bilat add` does; removed again afterwards
    so the cached store stays as built."""
    var = Variator(base_drafts())
    fresh = [var.draft(total + n) for n in range(1041)]
    added: list[int] = []
    out: dict[str, float] = {}
    try:
        singles = []
        for d in fresh[:21]:
            t0 = time.perf_counter()
            added.append(store.add_draft(
                extract(d.original.encode("utf-8")), new_meeting=True).meeting_id)
            singles.append(time.perf_counter() - t0)
        out["add_one_ingest_ms"] = statistics.median(singles) * 1000
        store_only = []
        for d in fresh[21:41]:
            t0 = time.perf_counter()
            added.append(store.add_draft(d, new_meeting=True).meeting_id)
            store_only.append(time.perf_counter() - t0)
        out["add_one_store_ms"] = statistics.median(store_only) * 1000
        t0 = time.perf_counter()
        for d in fresh[41:]:
            added.append(store.add_draft(d, new_meeting=True).meeting_id)
        out["add_1000_s"] = time.perf_counter() - t0
    finally:
        for mid in added:
            store.remove_meeting(mid)
    return out


def run(total: int) -> dict[str, object]:
    small_path, full_path, built = build_cached(total)
    for path in (small_path, full_path):
        with Store.open(path):  # migrates a store cached by an older bilat, once
            pass
        for backup in CACHE.glob(path.name + ".bak-v*"):
            backup.unlink()  # the copy taken before migrating: not needed for a cache
    results: dict[str, object] = {
        "meetings": total, "samples": built["samples"], "build_s": built["build_s"],
        "small_build_s": built["small_build_s"],
    }
    with Store.open(small_path) as store:
        results["small"] = queries(store)
    with Store.open(full_path) as store:
        results["full"] = queries(store)
        results.update(measure_adds(store, total))
        # Adds dated inside the history, then removed: the next read walks again.
        results["refresh_after_adds"] = refresh_tracking(store)
        results["counts"] = store.counts()
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    results["runs_small"] = export_runs(small_path)
    results["runs_full"] = export_runs(full_path)
    results["file_mb"] = full_path.stat().st_size / 1e6
    results["small_file_mb"] = small_path.stat().st_size / 1e6
    return results


# (target at the full size, largest growth allowed from a tenth of the size to the full size)
TARGETS: dict[str, tuple[float | None, float]] = {
    "topics (board)": (0.300, 2.0),
    "board, page of older columns": (0.300, 2.0),
    "changes (latest meeting)": (0.300, 2.0),
    "show (topic history + changes)": (0.100, 2.0),
    "topic page (newest 48)": (0.100, 2.0),
    "quotes --search": (0.100, 12.0),
    "quotes --speaker": (0.100, 12.0),
    "export md (full)": (None, 12.0),
    "export timelinejs (full)": (None, 12.0),
}
EXPORT_S_PER_10K = 1.0  # exports: under 1 s per 10,000 meetings


def _fmt(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.1f} ms"


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
    tenth = total // 10
    heading = "Store" if total <= 10_000 else "Scale"
    lines = [
        f"## {heading}",
        "",
        f"Measured {when} with `{command}`.",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {load:.1f} at the end (other work shares the machine, so wall "
        "times carry its load; the CPU time of the exports is given too).",
        f"Synthetic store: {total:,} meetings made from {r['samples']} sample drafts "
        "(dates shifted, text marked so every sha256 differs, statuses varied by a random "
        "walk; see the docstring of `benchmarks/bench_store.py`), built once through "
        f"`Store.add_draft`, one transaction each, in {float(r['build_s']):.0f} s "  # type: ignore[arg-type]
        f"({float(r['small_build_s']):.0f} s for the first {tenth:,}) and cached in "  # type: ignore[arg-type]
        f"`benchmarks/.cache/`. It holds {counts['meetings']:,} meetings, "
        f"{counts['quotes']:,} quotes and {counts['entries']:,} topic entries: "
        f"{float(r['file_mb']):,.0f} MB on disk ({float(r['small_file_mb']):,.0f} MB at "  # type: ignore[arg-type]
        f"{tenth:,}).",
        "",
        f"| measure | at {tenth:,} meetings | at {total:,} meetings | growth | target |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, (target, growth) in TARGETS.items():
        a, b = float(small[name]), float(full[name])
        if target is None:
            target = EXPORT_S_PER_10K * total / 10_000
        tgt = f"< {_fmt(target)}, growth ≤ x{growth:g}"
        if name.startswith("export "):
            cpu_key = "_cpu " + name.split()[1]
        else:
            cpu_key = f"_cpu {name}"
        ca, cb = float(small[cpu_key]), float(full[cpu_key])
        lines.append(f"| {name}, CPU (wall) | {_fmt(ca)} ({_fmt(a)}) | {_fmt(cb)} ({_fmt(b)}) "
                     f"| x{cb / ca:.1f} (x{b / a:.1f}) | {tgt} |")
    runs_small, runs_full = r["runs_small"], r["runs_full"]
    assert isinstance(runs_small, dict) and isinstance(runs_full, dict)

    def pair(key: str) -> str:
        (wa, ca), (wb, cb) = small[key], full[key]
        return (f"{_fmt(ca)} ({_fmt(wa)}) | {_fmt(cb)} ({_fmt(wb)}) | "
                f"x{cb / ca:.1f}" if ca else f"{_fmt(ca)} | {_fmt(cb)} | ")

    def resumed(at: float) -> str:
        (wa, ca), (wb, cb) = small["_resume"][at], full["_resume"][at]
        return f"{_fmt(ca)} ({_fmt(wa)}) | {_fmt(cb)} ({_fmt(wb)}) | x{cb / ca:.1f}"

    lines += [
        f"| commitment tracking, the whole walk (not stored), CPU (wall) | {pair('_walk')} | |",
        *(f"| first export after one article dated at {at:.0%} of the main pair's history: "
          f"the walk resumed, CPU (wall) | {resumed(at)} | |" for at in RESUME_AT),
        f"| first export of the built store: the walk, stored (nothing when an earlier run "
        f"stored it), CPU (wall) | {pair('_refresh')} | |",
        f"| first export md of the built store: its texts made and kept (nothing when an "
        f"earlier run kept them), CPU (wall) | {pair('_texts')} | |",
        f"| the kept texts, in the store file | {float(small['_texts_mb']):,.0f} MB | "
        f"{float(full['_texts_mb']):,.0f} MB | | |",
    ]
    for fmt in RUN_FORMATS:
        a, b = runs_small[fmt], runs_full[fmt]
        target = f"< {_fmt(EXPORT_S_PER_10K * total / 10_000)}" if fmt in (
            "md", "timelinejs") else ""
        lines += [
            f"| export {fmt}, own process: CPU (wall; load) | {_fmt(a['cpu'])} "
            f"({_fmt(a['wall'])}; {a['load']:.1f}) | {_fmt(b['cpu'])} ({_fmt(b['wall'])}; "
            f"{b['load']:.1f}) | x{b['cpu'] / a['cpu']:.1f} | {target} |",
            f"| export {fmt}, own process: peak memory / size | {a['peak_mb']:.0f} MB / "
            f"{a['mb']:.0f} MB | {b['peak_mb']:.0f} MB / {b['mb']:.0f} MB | "
            f"x{b['peak_mb'] / a['peak_mb']:.1f} | flat memory |",
        ]
    rw, rc = r["refresh_after_adds"]  # type: ignore[misc]
    lines.append(f"| first export after the adds below (and their removal): the walk, CPU "
                 f"(wall) | | {_fmt(rc)} ({_fmt(rw)}) | | |")
    lines += [
        f"| add one article, ingest + store (median of 21) | | "
        f"{float(r['add_one_ingest_ms']):.1f} ms | | < 50 ms |",  # type: ignore[arg-type]
        f"| add one article, store only (median of 20) | | "
        f"{float(r['add_one_store_ms']):.1f} ms | | |",  # type: ignore[arg-type]
        f"| add 1,000 articles, store only | | {float(r['add_1000_s']):.1f} s | | |",  # type: ignore[arg-type]
        "",
        f"Reads are medians of 5 runs after a warm-up; exports one run each, written to a "
        f"file. `show` and the topic page are timed on the busiest topic, "
        f"`{full['_busiest']}`, raised at {int(full['_raised']):,} of the main pair's "
        f"{int(full['_dyad_meetings']):,} meetings. The board reads every topic's state from "
        "counts and the last two cells per topic (index probes, schema v4) and the cells of "
        "the newest 240 columns; older columns come a page at a time. `quotes --search` "
        "on a common word walks the meetings newest first and stops at the limit.",
        "",
        "Exports stream: every format (Markdown, CSV, TimelineJS, HTML and the JSON dump) "
        "reads the store in batches of 1,000 meetings, entries or rows (one query per table "
        "per batch, rows as plain tuples or dicts, no model per row) and writes as it goes, "
        "so its peak memory does not grow with the store. The export runs go one after the "
        "other, each in a process of its own, after the store's commitment tracking is "
        "stored (a store this script builds was never walked: its first export walks every "
        "pair once, the line above them). Markdown and TimelineJS read each entry's "
        "finished text, kept in the store (schema 10, store/db/rendered.py): the first "
        "export makes it, once, and a change drops the texts of the meetings it touched.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--meetings", type=int, default=10_000)
    ap.add_argument("--write", action="store_true",
                    help="update the Store section (Scale above 10,000) of BENCHMARKS.md")
    args = ap.parse_args()
    results = run(args.meetings)
    command = "python benchmarks/bench_store.py" + (
        f" --meetings {args.meetings}" if args.meetings != 10_000 else "")
    section = report(results, command)
    print(section)
    if args.write:
        heading = "Store" if args.meetings <= 10_000 else "Scale"
        replace_section(ROOT / "BENCHMARKS.md", heading, section)


if __name__ == "__main__":
    main()
