"""Stored tracking (store/db/tracked.py): a commitment's extracted state is kept in the store
and walked again only after something its pair's history is made of changes — whatever
the write: add, edit of the date or pair, remove, merge, split, reindex, undo."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from store.db import Store
from store.ingest import extract
from store.models import MeetingDraft

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "stances"
PAIR = ["Iceland", "Peru"]
LATER = date(2026, 1, 1)


def article(name: str) -> MeetingDraft:
    return extract((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))


def stale(store: Store) -> bool:
    """The next read walks the pair again from its first meeting."""
    return pair_state(store)[0] == "stale"


def state(store: Store) -> str:
    [made] = store.commitments(PAIR, today=LATER)
    return made.state


@pytest.fixture
def pair(store: Store) -> Store:
    store.add_draft(article("first-meeting"))
    store.add_draft(article("second-meeting"))
    return store


def test_a_read_stores_the_tracking_and_the_next_read_uses_it(pair: Store) -> None:
    assert stale(pair)
    assert state(pair) == "kept"
    assert not stale(pair)
    [(stored, evidence_meeting)] = pair.conn.execute(
        "SELECT state, evidence_meeting_id FROM commitment_tracking").fetchall()
    assert (stored, evidence_meeting) == ("kept", 2)
    # What the next read shows is what is stored: nothing walks the history again.
    pair.conn.execute("UPDATE commitment_tracking SET state = 'stalled'")
    assert state(pair) == "stalled"
    assert pair.commitment(1, today=LATER).state == "stalled"
    assert pair.commitment_tracking(PAIR)[1].state == "stalled"


def test_tracking_stored_by_an_older_tracker_is_walked_again(pair: Store) -> None:
    # A store upgraded to a release whose tracking rules changed shows the new rules'
    # states, not the ones an older release stored.
    assert state(pair) == "kept"
    pair.conn.execute("UPDATE commitment_tracking SET state = 'stalled'")
    pair.conn.execute("UPDATE tracking_pairs SET tracker = tracker - 1")
    assert stale(pair)
    assert state(pair) == "kept"
    assert not stale(pair)


def test_adding_the_meeting_that_keeps_it_refreshes_it(store: Store) -> None:
    store.add_draft(article("first-meeting"))
    assert state(store) == "open"
    assert store.overdue_topics(PAIR, today=LATER) == {"ai"}
    store.add_draft(article("second-meeting"))
    assert pair_state(store)[0] == "pending"
    assert state(store) == "kept"
    assert store.overdue_topics(PAIR, today=LATER) == set()


def test_removing_the_later_meeting_reopens_it_and_undo_keeps_it_again(pair: Store) -> None:
    assert state(pair) == "kept"
    pair.remove_meeting(2)
    assert state(pair) == "open"
    assert pair.overdue_topics(PAIR, today=LATER) == {"ai"}
    pair.undo()
    assert state(pair) == "kept"


def test_moving_the_later_meeting_before_the_promise_reopens_it(pair: Store) -> None:
    assert state(pair) == "kept"
    pair.edit_meeting(2, meeting_date=date(2025, 1, 6))
    assert state(pair) == "open"


def test_moving_the_later_meeting_to_another_pair_reopens_it(pair: Store) -> None:
    assert state(pair) == "kept"
    pair.edit_meeting(2, dyad=["Iceland", "Chile"])
    assert state(pair) == "open"


def test_merge_and_split_refresh_it(pair: Store) -> None:
    assert state(pair) == "kept"
    pair.merge_meetings(1, 2)  # one meeting now: nothing later follows the promise
    assert state(pair) == "open"
    pair.split_meeting(1)
    assert state(pair) == "kept"


def test_the_users_state_is_kept_apart_and_does_not_make_the_pair_stale(pair: Store) -> None:
    assert state(pair) == "kept"
    pair.set_commitment(1, state="broken", note="called off")
    assert not stale(pair)
    [made] = pair.commitments(PAIR, state="broken", today=LATER)
    assert made.extracted.state == "kept" and made.note == "called off"
    assert pair.commitments(PAIR, state="kept", today=LATER) == []
    pair.reindex()
    [made] = pair.commitments(PAIR, today=LATER)
    assert (made.state, made.extracted.state) == ("broken", "kept")


def test_a_store_that_cannot_be_written_still_answers(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    with Store.open(folder / "bilat.db") as s:
        s.add_draft(article("first-meeting"))
        s.add_draft(article("second-meeting"))
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    (folder / "bilat.db").chmod(stat.S_IRUSR)
    try:
        if os.access(folder / "bilat.db", os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with Store.open(folder / "bilat.db") as s:
            [made] = s.commitments(PAIR, today=LATER)
            assert made.state == "kept"
            assert s.commitment(1, today=LATER).state == "kept"
            assert s.overdue_topics(PAIR, today=LATER) == set()
    finally:
        folder.chmod(stat.S_IRWXU)
        (folder / "bilat.db").chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_store_another_writer_holds_still_answers(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "bilat.db"
    with Store.open(path) as s:
        s.add_draft(article("first-meeting"))
        s.add_draft(article("second-meeting"))
    other = sqlite3.connect(str(path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # holds the write lock past the busy timeout
    try:
        with Store.open(path, busy_timeout=0.05) as s:
            [made] = s.commitments(PAIR, today=LATER)
            assert made.state == "kept"
            assert s.commitment(1, today=LATER).state == "kept"
            assert stale(s)  # nothing was stored: the next read will store it
    finally:
        other.execute("ROLLBACK")
        other.close()


def pair_state(store: Store) -> tuple[str, str]:
    from store.db.tracked import freshness

    return freshness(store.conn, "Iceland|Peru")


def test_a_meeting_added_after_the_last_walked_is_walked_alone(store: Store) -> None:
    store.add_draft(article("first-meeting"))
    assert state(store) == "open"
    assert pair_state(store)[0] == "fresh"
    store.add_draft(article("second-meeting"))
    # Newer than the meeting walked: pending (walked on from there), not stale.
    assert not stale(store) and pair_state(store)[0] == "pending"
    assert state(store) == "kept"
    assert pair_state(store)[0] == "fresh"


def test_an_older_meeting_added_later_makes_the_pair_walk_again(store: Store) -> None:
    store.add_draft(article("second-meeting"))
    assert store.commitments(PAIR) == []
    store.add_draft(article("first-meeting"))  # dated before the one walked
    assert stale(store)
    assert state(store) == "kept"  # walked again in date order: the second keeps it
    assert pair_state(store)[0] == "fresh"


SAMPLES = sorted(p for p in (Path(__file__).resolve().parents[2] / "sample_articles").iterdir()
                 if p.is_file())


def test_walking_on_meeting_by_meeting_gives_what_one_walk_gives(store: Store) -> None:
    """The samples added oldest first, the commitments read after each add (each read walks
    on from the last meeting walked), then one added out of order: the stored tracking is
    what a walk of the whole history finds, every time."""
    from store.db.stances import tracking

    pair = ["China", "United States"]
    drafts = [extract(p.read_bytes()) for p in SAMPLES]
    ordered = sorted((d for d in drafts if d.dyad == pair), key=lambda d: d.meeting_date)
    held_back = ordered.pop(2)
    for draft in ordered:
        store.add_draft(draft)
        stored = {c.id: c.extracted for c in store.commitments(pair)}
        assert stored == {c.id: t for c, t in tracking(store.conn, pair)}
    states = {c.extracted.state for c in store.commitments(pair)}
    assert {"kept", "progressing", "open"} <= states  # a history where promises move
    store.add_draft(held_back)
    stored = {c.id: c.extracted for c in store.commitments(pair)}
    assert stored == {c.id: t for c, t in tracking(store.conn, pair)}
