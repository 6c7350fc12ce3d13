"""Dashboard timings on a large store: start to painted board, open a topic, scroll.

    python benchmarks/bench_tui.py [--meetings 10000] [--store PATH]
    python benchmarks/bench_tui.py --meetings 100000 --bench-store

Builds (once, cached at --store) a synthetic store of N meetings of one pair,
six topics each with varied statuses and a quote, then drives the real
BilatApp headless with Textual's Pilot and reports wall-clock figures.
`--bench-store` uses the store `bench_store.py` builds and caches instead (sample
articles, several pairs; at 100,000 meetings the main pair has 83,334).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from store.db import Store
from store.models import Actor, MeetingDraft, Paragraph, Quote, Status, TopicEntry
from store.taxonomy import default_topics

DYAD = ["China", "United States"]
TARGETS = {"board_ms": 1500.0, "topic_ms": 100.0, "key_net_ms": 30.0}


def synthetic_draft(i: int, rnd: random.Random) -> MeetingDraft:
    """One meeting's draft, unique text, six topics with random statuses."""
    text = (
        f"Officials met for round {i} of talks.\n\n"
        f'"We discussed Taiwan and trade at length in round {i}," the envoy said.'
    )
    start = text.index('"') + 1
    end = text.index('"', start)
    topics = rnd.sample(default_topics(), 6)
    return MeetingDraft(
        title=f"Round {i} of talks",
        published=date(2000, 1, 3) + timedelta(days=2 * i),
        meeting_date=date(2000, 1, 3) + timedelta(days=2 * i),
        location="Beijing",
        source="Synthetic",
        dyad=DYAD,
        participants=[Actor(name="Daniel Hart", country="United States"),
                      Actor(name="Tang Lei", country="China")],
        topics=[
            TopicEntry(id=t.id, name=t.name, status=rnd.choice(list(Status)),
                       evidence=f"Evidence {i} on {t.name}.", paragraphs=[1])
            for t in topics
        ],
        quotes=[Quote(text=text[start:end], speaker="Daniel Hart",
                      speaker_country="United States", topic=topics[0].id,
                      paragraph=1, start=start, end=end)],
        text=text,
        original=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        paragraph_spans=[Paragraph(index=0, start=0, end=text.index("\n")),
                         Paragraph(index=1, start=text.index("\n") + 2, end=len(text))],
    )


def build_store(path: Path, meetings: int) -> None:
    rnd = random.Random(7)
    with Store.open(path) as store:
        have = store.counts()["meetings"]
        for i in range(have, meetings):
            store.add_draft(synthetic_draft(i, rnd), new_meeting=True)


async def measure(path: Path) -> dict[str, float]:
    from tui.app import BilatApp
    from tui.screens.topic import TopicScreen
    from tui.widgets.board_grid import BoardGrid

    figures: dict[str, float] = {}
    with Store.open(path) as store:
        first = store.board(window=0)
        dyad = first.dyad
        topic = "taiwan" if any(r.topic.id == "taiwan" for r in first.rows) else (
            max(first.rows, key=lambda r: r.raised).topic.id)
    with Store.open(path) as store:
        started = time.perf_counter()
        app = BilatApp(store)
        async with app.run_test(size=(160, 48)) as pilot:
            grid = app.screen.query_one(BoardGrid)
            while grid.board is None:
                await pilot.pause(0.005)
            await pilot.pause()
            figures["board_ms"] = (time.perf_counter() - started) * 1000
            figures["board_meetings"] = float(grid.board.meeting_count)
            # A user reads the board before the first key: the app imports the other
            # screens' modules and builds the kept screens off-screen meanwhile
            # (tui/screen_keeper.py warm_up, prebuild), which the figures below leave out.
            # (getattr: the same script measures a version from before the warm-up.)
            while not getattr(app, "warmed", True):
                await pilot.pause(0.05)
            await app.workers.wait_for_complete()

            # A different topic each time: the first builds the screen, the others show
            # their topic on the kept one.
            others = [r.topic.id for r in first.rows if r.topic.id != topic][:4]
            timings, cpus = [], []
            for shown in [topic, *others]:
                started, cpu = time.perf_counter(), time.process_time()
                app.open_topic(shown, None, dyad)
                await pilot.pause()
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert isinstance(app.screen, TopicScreen) and app.screen.history
                assert app.screen.topic_id == shown
                timings.append((time.perf_counter() - started) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
                await pilot.press("escape")
                await pilot.pause()
            figures["topic_first_ms"], figures["topic_first_cpu_ms"] = timings[0], cpus[0]
            figures["topic_ms"] = statistics.median(timings[1:])
            figures["topic_cpu_ms"] = statistics.median(cpus[1:])

            grid.focus()
            started, cpu = time.perf_counter(), time.process_time()
            presses = 200
            for _ in range(presses):
                await pilot.press("left")
            await pilot.pause()
            figures["scroll_ms_per_key"] = (time.perf_counter() - started) * 1000 / presses
            # Almost every press scrolls the view by a column: the whole grid is redrawn.
            figures["scroll_cpu_ms_per_key"] = (time.process_time() - cpu) * 1000 / presses

            # A key press without Pilot's own wait: the same number of presses of a key
            # nothing is bound to costs Pilot's wait alone; the difference is the board's.
            figures.update(await key_press_net(pilot, grid))
            figures.update(await screen_switches(app, pilot))

            started = time.perf_counter()
            lines = grid.size.height
            for _ in range(20):
                for y in range(lines):
                    grid.render_line(y)
            figures["repaint_ms"] = (time.perf_counter() - started) * 1000 / 20
    return figures


async def painted(app: object, pilot: object) -> None:
    """Until the screen shows its data: workers done and the frame after them painted."""
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def key_press_net(pilot: object, grid: object) -> dict[str, float]:
    """Median ms of a board key press (cursor move and repaint) less a no-op key's."""

    async def timed(key: str, count: int = 60) -> tuple[float, float]:
        """(median wall ms, mean CPU ms of this process) per press."""
        samples = []
        cpu = time.process_time()
        for _ in range(count):
            started = time.perf_counter()
            await pilot.press(key)  # type: ignore[attr-defined]
            samples.append((time.perf_counter() - started) * 1000)
        return statistics.median(samples), (time.process_time() - cpu) * 1000 / count

    await pilot.press("end")  # type: ignore[attr-defined]
    (left, left_cpu), (right, right_cpu) = await timed("left", 30), await timed("right", 30)
    idle, idle_cpu = await timed("f19")
    moving, moving_cpu = (left + right) / 2, (left_cpu + right_cpu) / 2
    return {"key_raw_ms": moving, "key_pilot_ms": idle, "key_net_ms": max(moving - idle, 0.0),
            "key_cpu_net_ms": max(moving_cpu - idle_cpu, 0.0)}


SWITCHES = ["topic", "meeting", "compare", "quotes", "timeline", "add", "export", "help"]


async def screen_switches(app: object, pilot: object) -> dict[str, float]:
    """Median ms from the key that opens each screen to its painted data, and back."""
    from tui.screens.board import BoardScreen

    topics = iter(["taiwan", "trade", "climate", "ai", "cyber"] * 2)
    openers = {
        "topic": lambda: app.open_topic(next(topics), None, DYAD),  # type: ignore[attr-defined]
        "meeting": lambda: app.open_meeting(  # type: ignore[attr-defined]
            app.screen.board.meetings[-1].id  # type: ignore[attr-defined]
        ),
        "compare": app.action_compare,  # type: ignore[attr-defined]
        "quotes": app.action_quotes,  # type: ignore[attr-defined]
        "timeline": app.action_timeline,  # type: ignore[attr-defined]
        "add": app.action_add_article,  # type: ignore[attr-defined]
        "export": app.action_export,  # type: ignore[attr-defined]
        "help": app.action_help,  # type: ignore[attr-defined]
    }
    # What Pilot itself costs for "painted" when nothing happens.
    idle, idle_cpu = [], []
    for _ in range(5):
        started, cpu = time.perf_counter(), time.process_time()
        await painted(app, pilot)
        idle.append((time.perf_counter() - started) * 1000)
        idle_cpu.append((time.process_time() - cpu) * 1000)
    figures = {"switch_pilot_ms": statistics.median(idle),
               "switch_pilot_cpu_ms": statistics.median(idle_cpu)}
    backs, back_cpus = [], []
    for name in SWITCHES:
        # The first visit builds the screen; later ones show the kept screen again.
        samples, cpus = [], []
        for _ in range(4):
            started, cpu = time.perf_counter(), time.process_time()
            openers[name]()
            await painted(app, pilot)
            samples.append((time.perf_counter() - started) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
            started, cpu = time.perf_counter(), time.process_time()
            app.pop_screen()  # type: ignore[attr-defined]
            await painted(app, pilot)
            backs.append((time.perf_counter() - started) * 1000)
            back_cpus.append((time.process_time() - cpu) * 1000)
            assert isinstance(app.screen, BoardScreen)  # type: ignore[attr-defined]
        figures[f"switch_{name}_first_ms"] = samples[0]
        figures[f"switch_{name}_first_cpu_ms"] = cpus[0]
        figures[f"switch_{name}_ms"] = statistics.median(samples[1:])
        figures[f"switch_{name}_cpu_ms"] = statistics.median(cpus[1:])
    figures["switch_back_ms"] = statistics.median(backs)
    figures["switch_back_cpu_ms"] = statistics.median(back_cpus)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--store", type=Path, default=None, help="cache the synthetic store here")
    parser.add_argument("--bench-store", action="store_true",
                        help="use the store bench_store.py caches in benchmarks/.cache/")
    parser.add_argument("--write", action="store_true",
                        help="with --bench-store: put the figures in the 'Scale: TUI' section "
                        "of BENCHMARKS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store or Path(tmp) / "bench.db"
        started = time.perf_counter()
        if args.bench_store:
            from bench_store import build_cached

            path = build_cached(args.meetings)[1]
        else:
            build_store(path, args.meetings)
        print(f"store of {args.meetings} meetings ready in {time.perf_counter() - started:.1f} s")
        figures = asyncio.run(measure(path))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{int(figures['board_meetings'])} meetings of the pair on the board")
    rows = report_rows(figures)
    print("wall: from the call to the data painted, Pilot's own 'painted' wait included; net: "
          f"less that wait ({figures['switch_pilot_ms']:.1f} ms when nothing happens); "
          "CPU: this process's")
    print(f"{'measure':<46}{'wall':>9}{'net':>9}{'CPU':>9}{'target':>9}")
    for name, wall, net, cpu, target in rows:
        shown = [f"{v:>9.1f}" if v is not None else f"{'':>9}" for v in (wall, net, cpu)]
        print(f"{name:<46}{''.join(shown)}{target:>9}")
    if args.write and args.bench_store:
        write_section(args.meetings, figures, rows)


Row = tuple[str, float, "float | None", "float | None", str]


def report_rows(figures: dict[str, float]) -> list[Row]:
    """(measure, wall, net of Pilot's wait, CPU, target) for each figure."""
    pilot = figures["switch_pilot_ms"]

    def painted_row(name: str, key: str, target: str = "< 100") -> Row:
        wall = figures[f"{key}_ms"]
        return (name, wall, max(wall - pilot, 0.0), figures.get(f"{key}_cpu_ms"), target)

    return [
        ("start to painted board", figures["board_ms"], None, None, "< 1500"),
        painted_row("open the first topic", "topic_first", "< 200 (aim 100)"),
        painted_row("open another topic (median of 4)", "topic", "< 200 (aim 100)"),
        ("board key (net: less a no-op key)", figures["key_raw_ms"], figures["key_net_ms"],
         figures["key_cpu_net_ms"], "< 30 net"),
        ("Pilot's 'painted' alone", pilot, None, figures["switch_pilot_cpu_ms"], "-"),
        *[painted_row(f"first switch to {n}", f"switch_{n}_first") for n in SWITCHES],
        *[painted_row(f"switch to {n} again", f"switch_{n}") for n in SWITCHES],
        painted_row("back to the board", "switch_back"),
        ("scroll, per key press (net: less a no-op key)", figures["scroll_ms_per_key"],
         max(figures["scroll_ms_per_key"] - figures["key_pilot_ms"], 0.0),
         figures.get("scroll_cpu_ms_per_key"), "< 30 net"),
        ("repaint visible grid", figures["repaint_ms"], None, None, "-"),
    ]


def write_section(meetings: int, figures: dict[str, float], rows: list[Row]) -> None:
    """The 'Scale: TUI' section: the figures of this run, then the section's own `### `
    parts as they were (history written by hand: before and after a change)."""
    from datetime import datetime, timezone

    from sections import replace_section

    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0]

    def cell(value: float | None) -> str:
        return "" if value is None else f"{value:.1f}"

    lines = [
        "## Scale: TUI",
        "",
        f"Measured {when} with `python benchmarks/bench_tui.py --meetings {meetings} "
        f"--bench-store --write` (the store of the Scale section; the board shows its main "
        f"pair, {int(figures['board_meetings']):,} meetings; load average {load:.1f}). Wall: "
        "from the call to the data painted, the test driver's own wait included (Pilot's "
        "'painted' alone: the row of that name); net: less that wait; CPU: this process's.",
        "",
        "| measure | wall (ms) | net (ms) | CPU (ms) | target |",
        "|---|---:|---:|---:|---:|",
        *(f"| {name} | {wall:.1f} | {cell(net)} | {cell(cpu)} | {target} |"
          for name, wall, net, cpu, target in rows),
        "",
        "The board opens on the newest 240 columns and every topic's state (counts and the "
        "last two cells per topic, read through indexes); older columns are read a page at "
        "a time as the view reaches them. A topic opens on the newest 48 entries of its "
        "history (one index range, a few ms at this size); its cards are the ones that fit "
        "the width, its position lanes wrap only the meetings in view and a screen more, "
        "and older pages come with [ or when the lanes are scrolled to their end.",
        "",
    ]
    path = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"
    kept = _hand_written_parts(path, "Scale: TUI")
    replace_section(path, "Scale: TUI", "\n".join(lines) + ("\n" + kept if kept else ""))


def _hand_written_parts(path: Path, heading: str) -> str:
    """The section's text from its first `### ` heading on (empty when it has none)."""
    import re

    if not path.exists():
        return ""
    found = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", path.read_text("utf-8"),
                      re.S | re.M)
    if found is None:
        return ""
    body = found.group(1)
    at = re.search(r"^### ", body, re.M)
    return body[at.start():].strip("\n") + "\n" if at else ""


if __name__ == "__main__":
    main()
