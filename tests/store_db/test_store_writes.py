"""Adding articles: transactions, duplicates, joining meetings, merging quotes, edits."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest

from store.db import DuplicateArticle, Store, StoreError, writes
from store.models import MeetingDraft, Status

from .drafts import HART, KENT, TANG, ZHAO, make_draft

WIRE = (
    "Hart meets Tang in Beijing\n"
    'Tang said "the Taiwan question is the first red line that must not be crossed". '
    'Hart said "we made real progress on fentanyl" after the talks.'
)
READOUT = (
    "Foreign ministry readout\n"
    'The minister stressed that "the Taiwan question is the first red line" of relations. '
    'He added "China wants stable ties" with the United States.'
)


def wire(**kw: object) -> MeetingDraft:
    return make_draft(
        WIRE, when=date(2024, 4, 26), source="Reuters",
        topics={"taiwan": Status.TENSION, "fentanyl": Status.PROGRESS},
        quotes=[
            ("the Taiwan question is the first red line that must not be crossed", "Tang Lei",
             "China", "taiwan"),
            ("we made real progress on fentanyl", "Daniel Hart", "United States", "fentanyl"),
        ],
        **kw,  # type: ignore[arg-type]
    )


def readout(when: date = date(2024, 4, 27), **kw: object) -> MeetingDraft:
    return make_draft(
        READOUT, when=when, source="Chinese Foreign Ministry",
        topics={"taiwan": Status.TENSION, "relations": Status.DIALOGUE},
        quotes=[
            ("the Taiwan question is the first red line", None, "China", "taiwan"),
            ("China wants stable ties", "Tang Lei", "China", "relations"),
        ],
        **kw,  # type: ignore[arg-type]
    )


def test_add_then_same_article_again_is_refused(store: Store) -> None:
    first = store.add_draft(wire())
    assert not first.joined_existing and first.quotes_added == 2
    before = store.counts()
    with pytest.raises(DuplicateArticle) as info:
        store.add_draft(wire())
    message = str(info.value)
    assert f"meeting {first.meeting_id}" in message and "Hart meets Tang" in message
    assert "\n" not in message
    assert store.counts() == before
    # even forcing a new meeting does not let the same text in twice
    with pytest.raises(DuplicateArticle):
        store.add_draft(wire(), new_meeting=True)
    assert store.counts() == before


def test_failure_mid_insert_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_draft(readout())
    before = store.counts()

    real = writes.insert_quotes

    def half_then_fail(conn: sqlite3.Connection, meeting_id: int, article_id: int,
                       quotes: list[object]) -> None:
        real(conn, meeting_id, article_id, quotes[:1])  # type: ignore[arg-type]
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(writes, "insert_quotes", half_then_fail)
    with pytest.raises(RuntimeError):
        store.add_draft(wire(), new_meeting=True)
    monkeypatch.undo()
    assert store.counts() == before
    assert store.search_quotes("fentanyl") == []
    conn = sqlite3.connect(store.path)
    fts_rows = conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'fentanyl'")
    assert fts_rows.fetchone()[0] == 0
    conn.close()
    # and the store still takes the article afterwards
    assert store.add_draft(wire(), new_meeting=True).quotes_added == 2


def test_second_source_joins_the_meeting_and_quotes_merge(store: Store) -> None:
    first = store.add_draft(wire())
    second = store.add_draft(readout())
    assert second.joined_existing and second.meeting_id == first.meeting_id
    # the readout's fragment of Tang's red-line quote is a repeat; its other quote is new
    assert (second.quotes_added, second.quotes_merged) == (1, 1)
    assert store.counts()["meetings"] == 1

    detail = store.meeting(first.meeting_id)
    assert [a.source for a in detail.articles] == ["Reuters", "Chinese Foreign Ministry"]
    assert detail.meeting.sources == ["Reuters", "Chinese Foreign Ministry"]
    texts = {q.text: q for q in detail.quotes}
    assert len(detail.quotes) == 3
    full = texts["the Taiwan question is the first red line that must not be crossed"]
    assert full.source == "Reuters" and full.article_id == first.article_id
    assert texts["China wants stable ties"].source == "Chinese Foreign Ministry"
    assert {e.topic_id for e in detail.entries} == {"taiwan", "fentanyl", "relations"}


def test_longer_copy_from_a_later_source_is_the_one_shown(store: Store) -> None:
    store.add_draft(readout(when=date(2024, 4, 26)))
    result = store.add_draft(wire())
    assert result.joined_existing
    shown = [q.text for q in store.search_quotes("red line")]
    assert shown == ["the Taiwan question is the first red line that must not be crossed"]


@pytest.mark.parametrize(
    "change",
    [
        {"when": date(2024, 4, 29)},                      # two days later
        {"participants": [KENT]},                       # nobody in common
        {"dyad": ["China", "Russia"]},                    # another relationship
    ],
)
def test_articles_that_do_not_match_make_a_new_meeting(
    store: Store, change: dict[str, object]
) -> None:
    store.add_draft(wire())
    second = store.add_draft(readout(**change))  # type: ignore[arg-type]
    assert not second.joined_existing
    assert store.counts()["meetings"] == 2


def test_new_meeting_flag_forces_a_new_meeting(store: Store) -> None:
    store.add_draft(wire())
    second = store.add_draft(readout(), new_meeting=True)
    assert not second.joined_existing and second.quotes_merged == 0
    assert store.counts()["meetings"] == 2


def test_join_matches_alias_and_unions_participants(store: Store) -> None:
    first = store.add_draft(wire(participants=[HART, TANG]))
    second = store.add_draft(readout(participants=[ZHAO, TANG.model_copy(update={"aliases": []})]))
    assert second.meeting_id == first.meeting_id
    names = [a.name for a in store.meeting(first.meeting_id).participants]
    assert names == ["Daniel Hart", "Tang Lei", "Zhao Ming"]


def test_split_meeting_gives_one_meeting_per_article(store: Store) -> None:
    first = store.add_draft(wire())
    store.add_draft(readout())
    store.set_status(first.meeting_id, "taiwan", Status.STALLED, note="both sides dug in")
    ids = store.split_meeting(first.meeting_id)
    assert ids[0] == first.meeting_id and len(ids) == 2
    a, b = (store.meeting(i) for i in ids)
    assert [x.source for x in a.articles] == ["Reuters"]
    assert [x.source for x in b.articles] == ["Chinese Foreign Ministry"]
    # the readout's repeated fragment is its own quote again
    assert "the Taiwan question is the first red line" in [q.text for q in b.quotes]
    assert b.meeting.meeting_date == date(2024, 4, 27)
    # the user's judgement on Taiwan follows both sources that raised it
    for detail in (a, b):
        taiwan = next(e for e in detail.entries if e.topic_id == "taiwan")
        assert taiwan.status == Status.STALLED and taiwan.note == "both sides dug in"
    assert [p.name for p in b.participants] == ["Daniel Hart", "Tang Lei"]
    assert store.counts()["meetings"] == 2


def test_set_status_override_is_apart_and_clearable(store: Store) -> None:
    mid = store.add_draft(wire()).meeting_id
    store.set_status(mid, "taiwan", Status.DIALOGUE, note="softer than reported")
    view = store.topic_history("taiwan")[0]
    assert (view.status, view.extracted_status, view.overridden) == (
        Status.DIALOGUE, Status.TENSION, True)
    assert view.note == "softer than reported"
    # a topic the extractor missed: the override creates the entry
    store.set_status(mid, "climate", Status.PROGRESS)
    assert [v.status for v in store.topic_history("climate")] == [Status.PROGRESS]
    store.set_status(mid, "taiwan", None)
    view = store.topic_history("taiwan")[0]
    assert (view.status, view.overridden, view.note) == (Status.TENSION, False, None)
    with pytest.raises(StoreError, match="no topic"):
        store.set_status(mid, "no-such-topic", Status.PROGRESS)
    with pytest.raises(StoreError, match="no meeting"):
        store.set_status(999, "taiwan", Status.PROGRESS)


def test_quote_fixes_and_drop(store: Store) -> None:
    store.add_draft(wire())
    quote = store.search_quotes("fentanyl")[0]
    store.set_quote_speaker(quote.id, "Tang Lei", "China")
    store.set_quote_topic(quote.id, "relations")
    fixed = store.search_quotes("fentanyl")[0]
    assert (fixed.speaker, fixed.speaker_country, fixed.topic, fixed.edited) == (
        "Tang Lei", "China", "relations", True)
    assert store.search_quotes(side="United States") == []
    assert [q.id for q in store.search_quotes(topic="relations")] == [quote.id]
    store.drop_quote(quote.id)
    assert store.search_quotes("fentanyl") == []
    assert all(q.id != quote.id for q in store.meeting(quote.meeting_id).quotes)
    store.restore_quote(quote.id)
    assert [q.id for q in store.search_quotes("fentanyl")] == [quote.id]
    with pytest.raises(StoreError, match="no quote"):
        store.drop_quote(12345)


def test_remove_meeting_removes_everything_of_it(store: Store) -> None:
    keep = store.add_draft(readout(when=date(2024, 1, 1)))
    gone = store.add_draft(wire())
    store.set_status(gone.meeting_id, "taiwan", Status.PROGRESS)
    store.remove_meeting(gone.meeting_id)
    assert [m.id for m in store.meetings()] == [keep.meeting_id]
    assert store.search_quotes("fentanyl") == []
    assert store.counts()["articles"] == 1
    with pytest.raises(StoreError):
        store.remove_meeting(gone.meeting_id)
    # the removed article may be added again
    assert store.add_draft(wire()).article_id


def test_two_stores_on_one_file_writing_from_threads(tmp_path: Path) -> None:
    path = tmp_path / "bilat.db"
    Store.open(path).close()
    errors: list[BaseException] = []

    def add_many(prefix: str) -> None:
        try:
            with Store.open(path) as s:
                for i in range(15):
                    text = f"{prefix} meeting {i}\nbody {prefix} {i}"
                    s.add_draft(make_draft(text, when=date(2024, 1, 1 + i)), new_meeting=True)
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=add_many, args=(p,)) for p in ("alpha", "beta")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store.open(path) as s:
        assert s.counts()["articles"] == 30
        assert s.integrity_check() == "ok"


def test_one_store_shared_by_threads(store: Store) -> None:
    def work(n: int) -> None:
        for i in range(10):
            store.add_draft(make_draft(f"T{n}-{i}\nx", when=date(2024, 2, 1)), new_meeting=True)
            store.board()
            store.search_quotes("x")

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.counts()["meetings"] == 40
