"""Positions and commitments in the store: saved with their article, followed across meetings,
kept through reindex, moved by merge and split, put back by undo, dumped and imported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from store.db import Store, StoreError
from store.ingest import extract
from store.models import Commitment, MeetingDraft, Position, Status, TopicEntry

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "stances"


def article(name: str) -> MeetingDraft:
    return extract((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))


@pytest.fixture
def pair(store: Store) -> Store:
    """Iceland and Peru meet twice; the second meeting holds the talks the first agreed."""
    store.add_draft(article("first-meeting"))
    store.add_draft(article("second-meeting"))
    return store


def rows(store: Store, table: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in store.conn.execute(f"SELECT * FROM {table} ORDER BY id")]


def test_add_saves_positions_and_commitments_with_the_article(pair: Store) -> None:
    [made] = pair.commitments()
    assert made.meeting_id == 1 and made.topic == "ai" and made.due == "in coming weeks"
    assert made.text.startswith("The two sides agreed to hold their first talks")
    sides = {(p.side, p.kind) for p in pair.positions("ai", ["Iceland", "Peru"])}
    assert ("Iceland", "demand") in sides
    assert pair.positions("ai", side="iceland") and not pair.positions("ai", side="Chile")


def test_a_later_meeting_that_holds_the_talks_keeps_the_commitment(pair: Store) -> None:
    [made] = pair.commitments(["Peru", "Iceland"], today=date(2026, 1, 1))
    assert made.state == "kept" and made.extracted.state == "kept"
    assert made.extracted.evidence_meeting_id == 2
    assert "held their first talks on artificial intelligence" in made.extracted.evidence
    assert made.extracted.due_date == date(2025, 4, 14)
    assert not made.overdue  # kept, so never overdue


def test_an_open_commitment_past_its_due_time_is_overdue(store: Store) -> None:
    store.add_draft(article("first-meeting"))
    [early] = store.commitments(today=date(2025, 3, 20))
    [late] = store.commitments(today=date(2025, 6, 1))
    assert (early.state, early.overdue) == ("open", False)
    assert (late.state, late.overdue) == ("open", True)
    assert store.commitments(state="kept") == []


def test_manual_state_and_note_are_journaled_and_undone(pair: Store) -> None:
    pair.set_commitment(1, state="stalled", note="no readout of the talks")
    shown = pair.commitment(1)
    assert (shown.state, shown.extracted.state, shown.note) == ("stalled", "kept",
                                                                "no readout of the talks")
    assert pair.journal(1)[0].action == "commitment"
    pair.undo()
    shown = pair.commitment(1)
    assert (shown.state, shown.manual_state, shown.note) == ("kept", None, None)
    with pytest.raises(StoreError, match="no commitment 7"):
        pair.set_commitment(7, state="kept")


def test_reindex_keeps_the_users_state_and_note(pair: Store) -> None:
    pair.set_commitment(1, state="broken", note="talks called off, per our source")
    before_positions = rows(pair, "positions")
    assert pair.reindex() == 2
    shown = pair.commitment(1)
    assert (shown.id, shown.state, shown.note) == (1, "broken", "talks called off, per our source")
    assert shown.extracted.state == "kept"
    assert len(rows(pair, "positions")) == len(before_positions)


def test_reindex_drops_an_unjudged_commitment_the_extractor_no_longer_finds(pair: Store) -> None:
    def without_commitments(data: str, **kw: object) -> MeetingDraft:
        return extract(data, **kw).model_copy(update={"commitments": [], "positions": []})  # type: ignore[arg-type]

    pair.reindex(extract=without_commitments)
    assert pair.commitments() == [] and rows(pair, "positions") == []


def test_reindex_never_loses_a_judged_commitment(pair: Store) -> None:
    pair.set_commitment(1, note="watch this one")

    def without_commitments(data: str, **kw: object) -> MeetingDraft:
        return extract(data, **kw).model_copy(update={"commitments": []})  # type: ignore[arg-type]

    pair.reindex(extract=without_commitments)
    assert [c.note for c in pair.commitments()] == ["watch this one"]


def test_remove_takes_them_and_undo_puts_them_back(pair: Store) -> None:
    pos, com = rows(pair, "positions"), rows(pair, "commitments")
    pair.remove_meeting(1)
    assert pair.commitments() == []
    assert all(r[2] != 1 for r in rows(pair, "positions"))
    pair.undo()
    assert (rows(pair, "positions"), rows(pair, "commitments")) == (pos, com)


def test_remove_source_takes_the_articles_commitments(pair: Store) -> None:
    pair.merge_meetings(2, 1)
    assert [c.meeting_id for c in pair.commitments()] == [2]
    assert pair.remove_source(1) == 2
    assert pair.commitments() == []


def test_merge_and_split_move_them_and_undo_restores(pair: Store) -> None:
    com = rows(pair, "commitments")
    pair.merge_meetings(2, 1)
    assert {r[2] for r in rows(pair, "positions")} == {2}
    [moved] = pair.commitments()
    assert moved.meeting_id == 2 and moved.state == "open"  # nothing after it now
    new_id = pair.split_source(2, 1)
    assert [c.meeting_id for c in pair.commitments()] == [new_id]
    pair.undo()
    pair.undo()
    assert rows(pair, "commitments") == com


def test_the_dump_round_trips_them(pair: Store, tmp_path: Path) -> None:
    pair.set_commitment(1, state="progressing", note="a first round only")
    dumped = pair.dump()
    assert dumped.positions and dumped.commitments[0].manual_state == "progressing"
    with Store.open(tmp_path / "copy.db") as other:
        other.load(dumped)
        assert other.dump() == dumped
        assert other.commitment(1).note == "a first round only"


def test_a_hand_built_position_keeps_its_quote_index(store: Store) -> None:
    text = 'Berg said "no more incursions" today.'
    draft = MeetingDraft(
        title="t", meeting_date=date(2025, 1, 1), dyad=["Iceland", "Peru"], text=text,
        original=text, topics=[TopicEntry(id="trade", name="Trade", status=Status.TENSION)],
        positions=[Position(side="Iceland", speaker="Anna Berg", topic="trade",
                            kind="warning", text="no more incursions", start=11, end=29,
                            quote=0)],
        commitments=[Commitment(parties=["Iceland"], topic=None, text="x", start=0, end=1)],
    )
    store.add_draft(draft)
    [p] = store.positions("trade")
    assert (p.quote, p.meeting_id, p.meeting_date) == (0, 1, date(2025, 1, 1))


def test_undo_of_add_takes_the_articles_rows(pair: Store) -> None:
    assert {r[2] for r in rows(pair, "positions")} == {1, 2}
    pair.undo()
    assert {r[2] for r in rows(pair, "positions")} == {1}
    pair.undo()
    assert rows(pair, "positions") == [] and rows(pair, "commitments") == []


def test_a_dump_whose_commitment_names_a_missing_article_is_refused(
    pair: Store, tmp_path: Path
) -> None:
    dumped = pair.dump()
    broken = dumped.model_copy(update={"commitments": [
        dumped.commitments[0].model_copy(update={"article_id": 99})]})
    with Store.open(tmp_path / "copy.db") as other:
        with pytest.raises(StoreError, match="commitment 1 names article 99"):
            other.load(broken)
        assert other.counts()["meetings"] == 0
