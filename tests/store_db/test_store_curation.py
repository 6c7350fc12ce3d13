"""Curation in the store: edits kept apart and surviving reindex, sources, the journal, undo."""

from __future__ import annotations

from datetime import date

import pytest

from store.db import DuplicateArticle, Store, StoreError
from store.models import Actor, MeetingDraft, Status

from .drafts import HART, KENT, TANG, ZHAO
from .test_store_writes import readout, wire


def state(store: Store) -> dict[str, object]:
    """What a user sees of the whole store (the journal left out)."""
    dump = store.dump().model_dump(mode="json")
    return {k: v for k, v in dump.items() if k != "actors"}


def reextract(original: str, **kw: object) -> MeetingDraft:
    """A stand-in extractor for reindex: the wire's draft again, read a little differently."""
    draft = wire() if original.startswith("Hart") else readout()
    return draft.model_copy(update={"title": "Re-read title", "location": "Somewhere else"})


def test_a_day_apart_joins_when_pair_and_a_participant_match(store: Store) -> None:
    first = store.add_draft(wire())
    assert store.add_draft(readout(date(2024, 4, 27))).meeting_id == first.meeting_id


def test_two_days_apart_or_nobody_in_common_is_another_meeting(store: Store) -> None:
    first = store.add_draft(wire())
    assert store.add_draft(readout(date(2024, 4, 28))).meeting_id != first.meeting_id
    other = readout(date(2024, 4, 27), participants=[ZHAO, KENT])
    more = " Both sides met again."
    other = other.model_copy(update={"text": other.text + more, "original": other.original + more,
                                     "sha256": ""})
    assert store.add_draft(other).meeting_id != first.meeting_id


def test_same_text_from_another_page_is_a_duplicate(store: Store) -> None:
    store.add_draft(wire())
    again = wire()
    again = again.model_copy(update={"original": "<html><nav>Menu</nav>" + again.original,
                                     "sha256": "",
                                     "text": "  " + again.text.replace("\n", "\n\n ") + "\n"})
    with pytest.raises(DuplicateArticle, match="another page"):
        store.add_draft(again)
    assert store.counts()["articles"] == 1


def test_meeting_edits_stay_apart_and_survive_reindex(store: Store) -> None:
    mid = store.add_draft(wire()).meeting_id
    store.edit_meeting(mid, title="Beijing talks", meeting_date=date(2024, 4, 25),
                       location="Great Hall", dyad=["United States", "China"])
    store.edit_participants(mid, add=[Actor(name="Xie Feng", role="ambassador",
                                            country="China")], remove=["Tang Lei"])
    store.reindex(extract=reextract)
    detail = store.meeting(mid)
    assert (detail.meeting.title, detail.meeting.meeting_date, detail.meeting.location) == (
        "Beijing talks", date(2024, 4, 25), "Great Hall")
    assert [a.name for a in detail.participants] == ["Daniel Hart", "Xie Feng"]
    # what the article said is still there, apart
    assert detail.articles[0].title == "Re-read title"
    assert detail.edits is not None and detail.edits.title == "Beijing talks"
    assert detail.edits.participants_removed == ["Tang Lei"]


def test_needs_review_until_edited_or_confirmed(store: Store) -> None:
    guessed = wire().model_copy(update={"review_reasons": ["date-guessed", "no-place"]})
    a = store.add_draft(guessed).meeting_id
    b = store.add_draft(readout(date(2024, 6, 1)).model_copy(
        update={"review_reasons": ["speaker-unresolved"]})).meeting_id
    assert [m.id for m in store.needing_review()] == [a, b]
    assert store.meeting(a).meeting.review == ["date-guessed", "no-place"]
    assert store.confirm(a) == ["date-guessed", "no-place"]
    assert store.confirm(a) == []
    store.edit_meeting(b, location="Paris")
    assert store.needing_review() == []
    store.undo()
    assert [m.id for m in store.needing_review()] == [b]


def test_quote_speaker_brings_its_side_and_side_alone_can_be_set(store: Store) -> None:
    mid = store.add_draft(readout()).meeting_id
    q = next(q for q in store.meeting(mid).quotes if q.speaker is None)
    store.edit_quote(q.id, speaker="Hart")  # an alias of a known actor
    q1 = next(x for x in store.meeting(mid).quotes if x.id == q.id)
    assert (q1.speaker, q1.speaker_country) == ("Hart", "United States")
    store.edit_quote(q.id, side="China")
    q2 = next(x for x in store.meeting(mid).quotes if x.id == q.id)
    assert (q2.speaker, q2.speaker_country) == ("Hart", "China")
    store.edit_quote(q.id, topic=None, drop=True)
    assert q.id not in {x.id for x in store.meeting(mid).quotes}
    with pytest.raises(StoreError, match="no topic"):
        store.edit_quote(q.id, topic="nonsense")
    for _ in range(3):
        store.undo()
    q3 = next(x for x in store.meeting(mid).quotes if x.id == q.id)
    assert (q3.speaker, q3.speaker_country, q3.topic) == (None, "China", "taiwan")


def test_merge_split_rm_source_and_their_undo(store: Store) -> None:
    a = store.add_draft(wire()).meeting_id
    b = store.add_draft(readout(date(2024, 5, 20))).meeting_id
    store.set_status(b, "relations", Status.PROGRESS, "warmer")
    start = state(store)
    store.merge_meetings(a, b)
    assert [m.id for m in store.meetings()] == [a]
    merged = store.meeting(a)
    assert len(merged.sources) == 2 and merged.meeting.title.startswith("Hart")
    assert next(e for e in merged.entries if e.topic_id == "relations").note == "warmer"
    readout_id = merged.sources[1].id
    new = store.split_source(a, readout_id)
    assert [s.id for s in store.sources(new)] == [readout_id]
    store.remove_source(readout_id)
    assert [m.id for m in store.meetings()] == [a]
    for _ in range(3):
        store.undo()
    assert state(store) == start
    log = store.journal()
    assert [e.action for e in log[:4]] == ["rm-source", "split", "merge", "set-status"]
    assert all(e.undone_at is not None for e in log[:3]) and log[3].undone_at is None


def test_undo_of_rm_brings_the_meeting_back_whole(store: Store) -> None:
    mid = store.add_draft(wire()).meeting_id
    store.add_draft(readout())
    store.set_status(mid, "taiwan", Status.STALLED, "talks went nowhere")
    q = store.meeting(mid).quotes[0]
    store.edit_quote(q.id, speaker="Zhao Ming")
    start = state(store)
    store.remove_meeting(mid)
    assert store.counts()["meetings"] == 0
    undone = store.undo()
    assert undone is not None and undone.action == "rm"
    assert state(store) == start
    assert store.search_quotes("fentanyl")  # the search index is back too
    entry = next(e for e in store.meeting(mid).entries if e.topic_id == "taiwan")
    assert (entry.status, entry.note) == (Status.STALLED, "talks went nowhere")


def test_undo_repeats_back_to_an_empty_store_then_says_nothing_left(store: Store) -> None:
    a = store.add_draft(wire()).meeting_id
    store.add_draft(readout())  # joins a
    store.edit_meeting(a, title="Edited")
    for _ in range(3):
        assert store.undo() is not None
    assert store.counts()["meetings"] == 0 and store.counts()["articles"] == 0
    assert store.undo() is None


def test_undo_of_a_join_puts_the_meeting_back_as_it_was(store: Store) -> None:
    mid = store.add_draft(wire()).meeting_id
    start = state(store)
    store.add_draft(readout())
    assert len(store.sources(mid)) == 2
    store.undo()
    assert state(store) == start


def test_split_and_merge_refuse_what_makes_no_sense(store: Store) -> None:
    mid = store.add_draft(wire()).meeting_id
    art = store.sources(mid)[0].id
    with pytest.raises(StoreError, match="one source"):
        store.split_source(mid, art)
    with pytest.raises(StoreError, match="into itself"):
        store.merge_meetings(mid, mid)
    with pytest.raises(StoreError, match="no source 999"):
        store.remove_source(999)
    with pytest.raises(StoreError, match="no participant"):
        store.edit_participants(mid, remove=["Nobody"])
    assert len(store.journal()) == 1  # only the add


def test_every_change_is_journaled_with_before_and_after(store: Store) -> None:
    mid = store.add_draft(wire(participants=[HART, TANG])).meeting_id
    store.edit_meeting(mid, meeting_date=date(2024, 4, 25))
    store.set_status(mid, "taiwan", Status.STALLED, "n")
    log = store.journal()
    assert [e.action for e in log] == ["set-status", "edit", "add"]
    edit = log[1]
    assert edit.before["meeting"]["meeting_date"] == "2024-04-26"
    assert edit.after["meeting"]["meeting_date"] == "2024-04-25"
    assert log[0].after["override"]["note"] == "n" and log[0].before["override"] is None


def test_undo_of_an_import_empties_the_store_again(store: Store, tmp_path: object) -> None:
    store.add_draft(wire())
    store.add_draft(readout(date(2024, 6, 1)))
    dump = store.dump()
    from pathlib import Path

    with Store.open(Path(str(tmp_path)) / "other.db") as other:
        other.load(dump)
        assert other.counts()["meetings"] == 2
        assert other.journal()[0].action == "import"
        other.undo()
        assert other.counts()["meetings"] == 0 and other.counts()["articles"] == 0


def test_dump_round_trips_edits_review_and_side_fixes(store: Store, tmp_path: object) -> None:
    from pathlib import Path

    mid = store.add_draft(wire().model_copy(update={"review_reasons": ["no-place"]})).meeting_id
    store.add_draft(readout(date(2024, 6, 1)).model_copy(update={"review_reasons": ["no-place"]}))
    store.edit_meeting(mid, title="Edited")
    store.edit_participants(mid, remove=["Tang Lei"])
    store.edit_quote(store.meeting(mid).quotes[0].id, side="China")
    dump = store.dump()
    with Store.open(Path(str(tmp_path)) / "other.db") as other:
        other.load(dump)
        assert other.dump() == dump
        assert other.meeting_edits(mid) == store.meeting_edits(mid)
        assert len(other.needing_review()) == 1
