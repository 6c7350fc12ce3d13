"""The exports' texts kept in the store (schema 10, store/db/rendered.py) never outlive what
they were made from.

Markdown and TimelineJS read each entry's finished text from `rendered_entries` instead of
making it from the entry, its quotes and figures. Triggers drop a meeting's texts whenever
something they were made from changes. Each test here makes every text (an export), makes
one change as a user would, and compares the export then (kept texts where still there,
texts made again where dropped) with the export from nothing kept: any text a trigger
should have dropped shows the old value and differs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from store.db import Store, schema
from store.export import render, texts
from store.models import Status, Topic

from .synthetic import draft, with_stances

MARKUP = 'edited <b>"x"</b> *y* [z]'
EXPORTS: list[tuple[str, dict[str, object]]] = [
    ("md", {}), ("timelinejs", {}), ("md", {"topics": ["trade"]}),
    ("timelinejs", {"since": date(2001, 1, 10)}),
]


def exports(store: Store) -> list[str]:
    return [render(store, fmt, **kw) for fmt, kw in EXPORTS]  # type: ignore[arg-type]


def from_nothing(store: Store) -> list[str]:
    store.conn.execute("DELETE FROM rendered_meetings")  # entries' go with them (cascade)
    assert not store.conn.execute("SELECT count(*) FROM rendered_entries").fetchone()[0]
    return exports(store)


def kept(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM rendered_meetings").fetchone()[0])


@pytest.fixture
def full(tmp_path: Path) -> Iterator[Store]:
    """24 meetings of two pairs (meeting 17 undated), every text made by a first export."""
    with Store.open(tmp_path / "bilat.db") as s:
        for i in range(24):
            s.add_draft(with_stances(draft(i)), new_meeting=True)
        exports(s)
        assert kept(s) == 24
        yield s


def _quote(s: Store, meeting: int) -> int:
    return int(s.conn.execute("SELECT id FROM quotes WHERE meeting_id = ?",
                              (meeting,)).fetchone()[0])


def _article(s: Store, meeting: int) -> int:
    return int(s.conn.execute("SELECT id FROM articles WHERE meeting_id = ? ORDER BY id",
                              (meeting,)).fetchall()[-1][0])


def _second_source(s: Store) -> None:
    """Another outlet's article about meeting 5 (merged into it): its entries, quotes and
    positions join the meeting's."""
    d = with_stances(draft(4))
    text = d.text + " (second source)"
    other = s.add_draft(d.model_copy(update={
        "source": "Other <wire>", "text": text, "original": text, "sha256": "f" * 64,
        "topics": [t.model_copy(update={"evidence": MARKUP}) for t in d.topics]}),
        new_meeting=True).meeting_id
    s.merge_meetings(5, other)


def _nothing(s: Store) -> None:
    pass


# name: (what is done before the export the change is compared with, the change)
CHANGES: dict[str, tuple[Callable[[Store], object], Callable[[Store], object]]] = {
    "status set by hand, with a note": (
        _nothing, lambda s: s.set_status(5, "trade", Status.TENSION, MARKUP)),
    "status by hand cleared": (
        lambda s: s.set_status(5, "trade", Status.TENSION, MARKUP),
        lambda s: s.set_status(5, "trade", None, None)),
    "quote's speaker": (_nothing, lambda s: s.edit_quote(_quote(s, 5), speaker=MARKUP)),
    "quote's topic": (_nothing, lambda s: s.edit_quote(_quote(s, 5), topic="climate")),
    "quote dropped": (_nothing, lambda s: s.edit_quote(_quote(s, 5), drop=True)),
    "meeting's title": (_nothing, lambda s: s.edit_meeting(7, title=MARKUP)),
    "meeting's date": (_nothing, lambda s: s.edit_meeting(8, meeting_date=date(2001, 1, 2))),
    "meeting undated by a merge": (_nothing, lambda s: s.merge_meetings(17, 9)),
    "second source merged in": (_nothing, _second_source),
    "split": (_second_source, lambda s: s.split_meeting(5)),
    "source split off": (_second_source, lambda s: s.split_source(5, _article(s, 5))),
    "source removed": (_second_source, lambda s: s.remove_source(_article(s, 5))),
    "meeting removed": (_nothing, lambda s: s.remove_meeting(10)),
    "undo": (lambda s: s.edit_meeting(7, title=MARKUP), lambda s: s.undo()),
    "reindex": (_nothing, lambda s: s.reindex()),
    "topic renamed": (
        _nothing, lambda s: s.add_topic(Topic(id="trade", name="Trade <and> tariffs"))),
    "commitment's state by hand": (
        _nothing, lambda s: s.set_commitment(1, state="broken", note=MARKUP)),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_an_export_after_a_change_is_the_export_made_from_nothing(
        full: Store, change: str) -> None:
    setup, make = CHANGES[change]
    setup(full)
    before = exports(full)
    make(full)
    after = exports(full)
    assert after != before  # the change shows: a stale text would keep it from showing
    assert after == from_nothing(full)
    assert kept(full) == full.counts()["meetings"]


def test_an_export_keeps_texts_only_for_what_it_reads_and_makes_them_once(
        tmp_path: Path) -> None:
    with Store.open(tmp_path / "bilat.db") as s:
        for i in range(24):
            s.add_draft(with_stances(draft(i)), new_meeting=True)
        assert kept(s) == 0  # an add makes none: the export that needs them does
        timeline = render(s, "timelinejs")
        assert kept(s) == 23  # the dated meetings only: the timeline leaves 17 out
        assert render(s, "timelinejs") == timeline
        s.set_status(5, "trade", Status.TENSION)
        assert kept(s) == 22
        ran: list[str] = []
        s.conn.set_trace_callback(ran.append)
        render(s, "timelinejs")
        s.conn.set_trace_callback(None)
        made = [q for q in ran if q.startswith("INSERT INTO rendered_meetings")]
        assert len(made) == 1 and kept(s) == 23  # meeting 5's, alone


def test_texts_of_an_older_renderer_are_made_again(full: Store,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    made = exports(full)
    full.conn.execute("UPDATE rendered_meetings SET md_head = 'stale', tjs_title = 'stale'")
    full.conn.execute("UPDATE rendered_entries SET md = 'stale', tjs = 'stale'")
    assert exports(full) != made  # (the texts kept are what the exports read)
    monkeypatch.setattr(texts, "RENDERER", texts.RENDERER + 1)
    assert exports(full) == made
    assert [tuple(r) for r in full.conn.execute(
        "SELECT DISTINCT renderer FROM rendered_meetings")] == [(texts.RENDERER,)]


def test_an_export_while_another_writer_holds_the_store_makes_its_texts_in_memory(
        tmp_path: Path) -> None:
    path = tmp_path / "bilat.db"
    with Store.open(path) as s:
        for i in range(24):
            s.add_draft(with_stances(draft(i)), new_meeting=True)
        wanted = exports(s)
        s.conn.execute("DELETE FROM rendered_meetings")
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(path, busy_timeout=0.05) as s:
            assert exports(s) == wanted
            assert kept(s) == 0
    finally:
        other.rollback()
        other.close()


def test_a_store_of_schema_9_upgrades_and_exports_the_same(tmp_path: Path) -> None:
    path = tmp_path / "bilat.db"
    with Store.open(path) as s:
        for i in range(24):
            s.add_draft(with_stances(draft(i)), new_meeting=True)
        s.set_status(5, "trade", Status.TENSION, MARKUP)
        wanted = exports(s)
    # Back to schema 9 by hand: no kept texts, none of their triggers.
    conn = sqlite3.connect(path)
    for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rendered_%'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE rendered_entries")
    conn.execute("DROP TABLE rendered_meetings")
    conn.execute("PRAGMA user_version = 9")
    conn.commit()
    conn.close()
    with Store.open(path) as s:
        assert (tmp_path / "bilat.db.bak-v9").exists()
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == schema.CURRENT_VERSION
        assert kept(s) == 0
        assert exports(s) == wanted  # made from the rows
        assert kept(s) == 24
        assert exports(s) == wanted  # read back


def test_a_meeting_removed_while_its_batch_is_read_is_made_for_this_export_alone(
        tmp_path: Path) -> None:
    """Another program removes a meeting between the read of a batch of meetings and the
    read of their texts: the others' texts are kept, its own made in memory (no entry)."""
    from store.db import batches, rendered

    with Store.open(tmp_path / "bilat.db") as s:
        for i in range(12):
            s.add_draft(with_stances(draft(i)), new_meeting=True)
        batch = batches.meeting_rows(s.conn, ["China", "United States"], None, None, None,
                                     None, 6)
        s.remove_meeting(batch[2][0])
        heads, entries = rendered.batch_texts(s.conn, batch, "md", texts.RENDERER,
                                              texts.render)
        assert sorted(heads) == sorted(m[0] for m in batch)
        assert not entries[batch[2][0]] and all(entries[m[0]] for m in batch if m != batch[2])
        assert kept(s) == 0  # the batch's texts are kept together or not at all
        heads, entries = rendered.batch_texts(s.conn, batch[3:], "md", texts.RENDERER,
                                              texts.render)
        assert kept(s) == 3


def test_a_change_by_a_program_without_foreign_keys_leaves_no_entry_text_in_the_way(
        tmp_path: Path) -> None:
    """A program writing without foreign keys changes an entry: the trigger drops the
    meeting's texts but no cascade takes its entries' along. The next export makes and
    keeps them again, in place of those left behind."""
    path = tmp_path / "bilat.db"
    with Store.open(path) as s:
        for i in range(3):
            s.add_draft(with_stances(draft(i)), new_meeting=True)
        exports(s)
    conn = sqlite3.connect(path)  # foreign keys off: SQLite's default
    conn.execute("UPDATE topic_entries SET evidence = 'changed' WHERE meeting_id = 2")
    conn.commit()
    assert conn.execute("SELECT count(*) FROM rendered_entries WHERE meeting_id = 2"
                        ).fetchone()[0]
    conn.close()
    with Store.open(path) as s:
        made = render(s, "md")
        assert "Evidence: changed" in made
        assert kept(s) == 3
        assert made == from_nothing(s)[0]


# What each texts.RENDERER makes of the store below (sha256 of every kept text). A change
# to what store/export/texts.py makes must come with a new RENDERER (stores made the texts
# of the old one: they are made again only when it differs) and its line here.
MADE_BY = {1: "b6d2cc9eac742deea2182feb523572489da4d823cb3dee0769f8e215b89c245b"}


def test_what_the_renderer_makes_changes_only_with_its_number(tmp_path: Path) -> None:
    import hashlib

    with Store.open(tmp_path / "bilat.db") as s:
        for i in range(6):
            d = with_stances(draft(i))
            if i == 3:
                d = d.model_copy(update={"title": MARKUP, "topics": [
                    t.model_copy(update={"evidence": MARKUP}) for t in d.topics]})
            s.add_draft(d, new_meeting=True)
        s.set_status(2, "trade", Status.TENSION, MARKUP)
        exports(s)
        digest = hashlib.sha256()
        for table, order in (("rendered_meetings", "meeting_id"),
                             ("rendered_entries", "meeting_id, topic_id")):
            for row in s.conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                digest.update(repr(tuple(row)).encode("utf-8"))
    assert MADE_BY.get(texts.RENDERER) == digest.hexdigest(), (
        "store/export/texts.py makes other texts: bump texts.RENDERER and pin its digest")
