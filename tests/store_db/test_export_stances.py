"""Exports carry positions and commitments: every format, escaped, read batch by batch."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from store.db import Store
from store.export import markdown, render, stream, timelinejs
from store.ingest import extract
from store.models import Commitment, MeetingDraft, Position

from .synthetic import draft, with_stances

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "stances"
HOSTILE = '<script>alert(1)</script> [bold]red lines[/] \\ "unbalanced'


@pytest.fixture
def pair(store: Store) -> Store:
    for name in ("first-meeting", "second-meeting"):
        store.add_draft(extract((FIXTURES / f"{name}.txt").read_text(encoding="utf-8")))
    return store


def hostile_draft() -> MeetingDraft:
    text = f"Officials met. {HOSTILE} was said."
    start = text.index("<script>")
    end = start + len(HOSTILE)
    return MeetingDraft(
        title="Hostile", meeting_date=date(2025, 5, 1), dyad=["Iceland", "Peru"], text=text,
        original=text,
        positions=[Position(side="Peru", speaker="Piet Koster", topic="ai", kind="warning",
                            text=HOSTILE, start=start, end=end)],
        commitments=[Commitment(parties=["Peru"], topic="ai", text=HOSTILE, start=start,
                                end=end)],
    )


def test_markdown_lists_commitments_with_state_and_positions_by_side(pair: Store) -> None:
    md = render(pair, "md")
    section = md[md.index("## Positions and commitments"):]
    assert "agreed to hold their first talks on artificial intelligence" in section
    assert "**kept**" in section and "due in coming weeks (by 2025-04-14)" in section
    assert "evidence (2025-04-14): The two countries held their first talks" in section
    assert "**Iceland (Anna Berg)**, demand [ai]" in section


def test_csv_has_a_row_per_position_and_commitment(pair: Store) -> None:
    found = list(csv.DictReader(io.StringIO(render(pair, "csv"))))
    [made] = [r for r in found if r["kind"] == "commitment"]
    assert (made["state"], made["extracted_state"], made["overdue"]) == ("kept", "kept", "no")
    assert made["due_date"] == "2025-04-14" and made["meeting_id"] == "1"
    assert "held their first talks" in made["state_evidence"]
    sides = {r["speaker_country"] for r in found if r["kind"] == "position"}
    assert {"Iceland", "Peru"} <= sides


def test_timelinejs_shows_each_commitment_as_an_event(pair: Store) -> None:
    events = json.loads(render(pair, "timelinejs"))["events"]
    [made] = [e for e in events if e["unique_id"].startswith("c")]
    assert made["group"] == "Artificial intelligence"
    assert made["text"]["headline"].startswith("Commitment: ")
    assert made["start_date"] == {"year": 2025, "month": 3, "day": 3}
    assert "<b>kept</b>" in made["text"]["text"]


def test_json_dump_holds_them(pair: Store) -> None:
    dumped = json.loads(render(pair, "json"))
    assert dumped["commitments"][0]["due"] == "in coming weeks"
    assert {p["side"] for p in dumped["positions"]} >= {"Iceland", "Peru"}


def test_a_topic_filter_keeps_only_its_positions(pair: Store) -> None:
    md = render(pair, "md", topics=["ai"])
    assert "Koster said Peru has not sent" not in md  # a south-china-sea position
    assert "Berg said Iceland wants Peru" in md


def test_article_text_is_escaped_everywhere(store: Store) -> None:
    store.add_draft(hostile_draft())
    page = render(store, "html")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    md = render(store, "md")
    assert "<script>" not in md and "\\<script\\>" in md
    events = json.loads(render(store, "timelinejs"))["events"]
    commitment = next(e for e in events if e["unique_id"].startswith("c"))
    assert "<script>" not in commitment["text"]["text"]
    cells = [r for r in csv.DictReader(io.StringIO(render(store, "csv")))
             if r["kind"] == "position"]
    assert cells[0]["text"] == HOSTILE


def test_streamed_exports_read_them_one_query_per_table_per_batch(tmp_path: Path) -> None:
    with Store.open(tmp_path / "b.db") as store:
        for i in range(40):
            store.add_draft(with_stances(draft(i)), new_meeting=True)
        ran: list[str] = []
        store.conn.set_trace_callback(ran.append)
        try:
            text = timelinejs.render(stream.timeline(store, batch=5))
            first = len(ran)
            again = timelinejs.render(stream.timeline(store, batch=5))
            second = len(ran)
            markdown.render(stream.timeline(store, batch=5))
        finally:
            store.conn.set_trace_callback(None)
    assert again == text
    assert text.count('"unique_id":"c') == sum(1 for i in range(40) if i % 17 != 16)
    # Two pairs of 20 meetings in batches of 5: four batches each, plus the empty read at
    # the end of each walk (which reads nothing more). Never one query per meeting.
    # (The first export also walks the pairs to store their tracking: those reads differ.)
    commitments = [s for s in ran[:first] if "LEFT JOIN commitment_tracking" in s]
    assert len(commitments) == 8
    # The first export makes the texts it keeps (store/db/rendered.py) from each batch's
    # rows: one read of each table per batch (whole days: seven batches of six or fewer).
    texts = "SELECT meeting_id, topic_id"  # (a batch's entries' texts)
    batches = len([s for s in ran[:first] if s.startswith(texts)])
    assert batches == 7
    assert len([s for s in ran[:first] if "FROM positions" in s]) == batches
    assert len([s for s in ran[:first] if "FROM quotes" in s]) == batches
    # Then exports read the kept texts, one query per batch, and no entry, quote or
    # position: TimelineJS over the batches of days; Markdown over each pair's meetings
    # twice (the topic sections, then positions and commitments), making only the texts
    # of the undated meetings (TimelineJS leaves them out), in one batch of each pair.
    rows = ("FROM positions", "FROM quotes", "FROM topic_entries")
    assert not [s for s in ran[first:second] if any(r in s for r in rows)]
    assert len([s for s in ran[first:second] if s.startswith(texts)]) == batches
    assert len([s for s in ran[second:] if "FROM positions" in s]) == 2
    assert len([s for s in ran[second:] if s.startswith(texts)]) == 8
    # (a batch whose texts were made reads them again)
    assert len([s for s in ran[second:] if "SELECT meeting_id, renderer, md_head" in s]) == 18


def test_an_export_while_another_writer_holds_the_store_shows_the_walk(tmp_path: Path) -> None:
    """The pair's stored tracking is stale and cannot be brought up to date (another program
    holds the write lock): the export shows what the walk says, as it will once stored."""
    path = tmp_path / "b.db"
    with Store.open(path) as store:
        for i in range(24):
            store.add_draft(with_stances(draft(i)), new_meeting=True)
        render(store, "md")  # tracking stored
        store.remove_meeting(3)  # early in the history: the stored tracking is stale
        # and what it holds is wrong (as a stale one may be): it must not be shown
        with store.conn:
            store.conn.execute("UPDATE commitment_tracking SET state = 'broken', "
                               "evidence = 'stale evidence' WHERE dyad_key IN "
                               "(SELECT dyad_key FROM tracking_stale)")
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(path, busy_timeout=0.05) as store:
            held = {fmt: render(store, fmt) for fmt in ("md", "csv", "timelinejs")}
    finally:
        other.rollback()
        other.close()
    assert "stale evidence" not in held["md"] and "broken" not in held["csv"]
    with Store.open(path) as store:
        for fmt, text in held.items():
            assert text == render(store, fmt), fmt  # the tracking now stored
