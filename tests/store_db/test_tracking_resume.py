"""A walk resumed from a checkpoint (store/db/tracked.py) gives what a walk of the whole
history gives: the stored tracking after adds dated inside the history, removals, date and
pair edits, merges, splits and undo is compared with `stances.tracking` (a walk from the
pair's first meeting, nothing stored), and the resumed walk reads only the meetings from the
checkpoint before the change onward."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import pytest

from store.db import Store, tracked
from store.db.stances import tracking
from store.ingest import extract
from store.models import MeetingDraft

SAMPLES = sorted(p for p in (Path(__file__).resolve().parents[2] / "sample_articles").iterdir()
                 if p.is_file())
PAIR = ["China", "United States"]
CYCLES = 3  # each sample three times, two years apart: promises repeated across cycles
EVERY = 3  # meetings between checkpoints (2,000 in use; small here so the store has many)


def copies() -> list[MeetingDraft]:
    """The samples' drafts, each copied CYCLES times with its date moved by two years a cycle
    (its text marked so that the store does not refuse it as a duplicate), oldest first."""
    out = []
    for path in SAMPLES:
        base = extract(path.read_bytes())
        assert base.meeting_date is not None
        for k in range(CYCLES):
            original = f"{base.original}\n(copy {k})"
            out.append(base.model_copy(update={
                "meeting_date": base.meeting_date + timedelta(days=730 * k),
                "title": f"{base.title} ({k})", "original": original,
                "text": f"{base.text}\n(copy {k})",
                "sha256": hashlib.sha256(original.encode("utf-8")).hexdigest(),
            }))
    return sorted(out, key=lambda d: (d.meeting_date or date.max, d.title))


def stored(store: Store, pair: list[str] = PAIR) -> dict[int, object]:
    return {c.id: c.extracted for c in store.commitments(pair)}


def scratch(store: Store, pair: list[str] = PAIR) -> dict[int, object]:
    return {c.id: t for c, t in tracking(store.conn, pair, batch=EVERY)}


class TextReads:
    """How many batches of article texts the walks read (each batch is one query)."""

    def __init__(self, store: Store) -> None:
        self.count = 0
        store.conn.set_trace_callback(self._seen)

    def _seen(self, sql: str) -> None:
        if "JOIN article_texts t ON t.article_id = a.id" in sql:
            self.count += 1

    def take(self) -> int:
        n, self.count = self.count, 0
        return n


Walked = tuple[Store, list[int], int]


@pytest.fixture
def walked(store: Store, monkeypatch: pytest.MonkeyPatch) -> Walked:
    """Every copy but one in the middle, walked once, then that one added: (store, ids of the
    pair's meetings oldest first, the id of the one added last)."""
    monkeypatch.setattr(tracked, "CHECKPOINT_EVERY", EVERY)
    drafts = copies()
    held = [d for d in drafts if d.dyad == PAIR][len(drafts) // 2]
    for d in drafts:
        if d is not held:
            store.add_draft(d)
    assert stored(store) == scratch(store)
    # dated inside the walked history: stale from its meeting on
    added = store.add_draft(held).meeting_id
    ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM meetings WHERE dyad_key = 'China|United States' ORDER BY seq")]
    return store, ids, added


def seq(store: Store, meeting_id: int) -> str:
    return store.conn.execute("SELECT seq FROM meetings WHERE id = ?", (meeting_id,)).fetchone()[0]


def checkpoints(store: Store) -> list[int]:
    """The pair's checkpoints, as the number of its meetings walked when each was taken."""
    return [store.conn.execute(
        "SELECT count(*) FROM meetings WHERE dyad_key = ? AND seq <= ?", (key, through),
    ).fetchone()[0] for key, through in store.conn.execute(
        "SELECT dyad_key, through_seq FROM tracking_checkpoints "
        "WHERE dyad_key = 'China|United States' ORDER BY through_seq").fetchall()]


def batches(meetings: int) -> int:
    return -(-meetings // EVERY)


def test_an_add_inside_the_history_resumes_from_the_checkpoint_before_it(
    walked: Walked,
) -> None:
    store, ids, added = walked
    at = ids.index(added)
    # Taken while the 29 other meetings were walked: every EVERY meetings near the end,
    # sparser further back (counted now: the added meeting is one of them).
    taken = checkpoints(store)
    gaps = [b - a for a, b in zip([0, *taken[:-1]], taken, strict=True)]
    assert gaps[-1] == EVERY and gaps[0] > EVERY and len(taken) >= 4
    since = max(n for n in taken if n <= at)  # (counted before the add: meetings before it)
    assert 0 < since < at
    reads = TextReads(store)
    result = stored(store)
    resumed = reads.take()
    assert result == scratch(store)
    whole = reads.take()
    # From the checkpoint before the added meeting: the meetings after it, EVERY a batch.
    assert (resumed, whole) == (batches(len(ids) - since), batches(len(ids)))
    states = {t.state for t in result.values()}  # type: ignore[attr-defined]
    assert {"kept", "progressing", "open"} <= states  # a history where promises move


def test_every_edit_inside_the_history_gives_what_a_whole_walk_gives(
    walked: Walked,
) -> None:
    store, ids, _ = walked
    assert stored(store) == scratch(store)
    middle, late = ids[len(ids) // 2], ids[-4]
    store.remove_meeting(middle)
    assert stored(store) == scratch(store)
    store.undo()
    assert stored(store) == scratch(store)
    store.edit_meeting(late, meeting_date=date(2023, 7, 1))  # moved near the start
    assert stored(store) == scratch(store)
    store.merge_meetings(ids[10], ids[11])
    assert stored(store) == scratch(store)
    store.split_meeting(ids[10])
    assert stored(store) == scratch(store)
    # To another pair: its commitments leave this pair's list and are walked in the other's.
    india = ["China", "India"]
    before = stored(store, india)
    store.edit_meeting(ids[20], dyad=india)
    after = stored(store)
    assert after == scratch(store)
    assert not {r[0] for r in store.conn.execute(
        "SELECT id FROM commitments WHERE meeting_id = ?", (ids[20],))} & after.keys()
    assert stored(store, india) == scratch(store, india) != before


def test_removing_the_newest_meeting_walks_on_from_the_checkpoint_before_it(
    walked: Walked,
) -> None:
    store, ids, _ = walked
    assert stored(store) == scratch(store)
    taken = checkpoints(store)
    since = max(n for n in taken if n < len(ids))
    assert len(ids) - since <= EVERY  # one near the end
    store.remove_meeting(ids[-1])
    reads = TextReads(store)
    result = stored(store)
    assert reads.take() == batches(len(ids) - 1 - since)  # the meetings after it, not all
    assert result == scratch(store)


def test_a_version_8_store_upgrades_and_then_resumes(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A store of schema 8 (V7's triggers, no checkpoints), its pair marked stale by an old
    trigger: opened, it is migrated (copy beside it), walked from the first meeting, and an
    add inside the history then resumes from a checkpoint."""
    import sqlite3

    from store.db import schema

    monkeypatch.setattr(tracked, "CHECKPOINT_EVERY", EVERY)
    path = tmp_path / "bilat.db"
    drafts = [d for d in copies() if d.dyad == PAIR]
    held = drafts.pop(len(drafts) // 2)
    with Store.open(path) as store:
        for d in drafts:
            store.add_draft(d)
        assert stored(store) == scratch(store)
    # Back to schema 8 by hand: V7's triggers, no `from_seq`, no checkpoints.
    conn = sqlite3.connect(path)
    for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tracking_%'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for statement in schema.MIGRATIONS[6]:
        if statement.startswith("CREATE TRIGGER"):
            conn.execute(statement)
    conn.execute("DROP TABLE tracking_checkpoints")
    for (name,) in conn.execute(  # (and schema 10's kept export texts)
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rendered_%'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE rendered_entries")
    conn.execute("DROP TABLE rendered_meetings")
    conn.execute("ALTER TABLE tracking_stale DROP COLUMN from_seq")
    conn.execute("UPDATE meetings SET meeting_date = '2023-06-18' WHERE id = 3")  # V7 marks it
    conn.execute("PRAGMA user_version = 8")
    conn.commit()
    assert conn.execute("SELECT * FROM tracking_stale").fetchall() == [("China|United States",)]
    conn.close()

    with Store.open(path) as store:
        assert (tmp_path / "bilat.db.bak-v8").exists()
        assert stored(store) == scratch(store)  # walked from the first meeting
        assert store.conn.execute("SELECT count(*) FROM tracking_checkpoints").fetchone()[0]
        store.add_draft(held)
        reads = TextReads(store)
        result = stored(store)
        assert 0 < reads.take() < -(-len(drafts) // EVERY)  # resumed, not from the start
        assert result == scratch(store)
