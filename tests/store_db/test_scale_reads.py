"""The windowed and paged reads give what the whole-history reads give.

The board reads a window of columns and counts kept by triggers; changes and
topic pages read a few index entries. Each is checked here against the slow,
whole-history path on the same real store: pages put together are the whole.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from store.db import Store
from store.models import Change, Status

from .synthetic import PAIRS, TOPICS, draft

COUNT = 80


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = Store.open(tmp_path_factory.mktemp("scale") / "bilat.db")
    for i in range(COUNT):
        opened.add_draft(draft(i), new_meeting=True)
    opened.set_status(5, "trade", Status.AGREEMENT, "by hand")
    opened.set_status(7, "climate", Status.TENSION)  # raised by hand where it was not
    yield opened
    opened.close()


@pytest.mark.parametrize("pair", PAIRS)
def test_board_window_matches_the_whole_board(store: Store, pair: list[str]) -> None:
    whole = store.board(pair, window=None)
    every = store.meetings(pair)
    assert [m.id for m in whole.meetings] == [m.id for m in every]
    board = store.board(pair, window=7)
    assert board.meeting_count == len(every) == COUNT // 2
    assert board.first_column == len(every) - 7
    assert [m.id for m in board.meetings] == [m.id for m in every[-7:]]
    shown = {m.id for m in board.meetings}
    for row, full in zip(board.rows, whole.rows, strict=True):
        assert row.topic == full.topic
        assert (row.current, row.trend, row.last_discussed) == (
            full.current, full.trend, full.last_discussed)
        assert row.raised == len(full.cells)
        assert row.cells == {m: s for m, s in full.cells.items() if m in shown}
    assert board.latest_changes == whole.latest_changes


def test_board_pages_put_together_are_the_whole_board(store: Store) -> None:
    pair = PAIRS[0]
    whole = store.board(pair, window=None)
    page = store.board(pair, window=6)
    meetings = list(page.meetings)
    cells = {r.topic.id: dict(r.cells) for r in page.rows}
    while page.first_column > 0:
        page = store.board(pair, window=6, before=page.first_column)
        meetings = page.meetings + meetings
        for r in page.rows:
            cells[r.topic.id].update(r.cells)
    assert [m.id for m in meetings] == [m.id for m in whole.meetings]
    assert cells == {r.topic.id: r.cells for r in whole.rows}


def test_topic_counts_follow_edits_and_removals(store: Store, tmp_path_factory:
                                                pytest.TempPathFactory) -> None:
    with Store.open(tmp_path_factory.mktemp("edits") / "bilat.db") as s:
        ids = [s.add_draft(draft(i), new_meeting=True).meeting_id for i in range(0, 12, 2)]
        before = {r.topic.id: r.raised for r in s.board().rows}
        s.remove_meeting(ids[-1])
        s.set_status(ids[0], "climate", Status.PROGRESS)
        after = {r.topic.id: r for r in s.board().rows}
        whole = {r.topic.id: len(r.cells) for r in s.board(window=None).rows}
        assert {t: r.raised for t, r in after.items()} == whole
        assert s.board().meeting_count == len(ids) - 1
        assert before != whole


def _key(c: Change) -> tuple[object, ...]:
    return (c.topic_id, c.kind, c.description, c.previous_meeting_id or 0)


@pytest.mark.parametrize("pair", PAIRS)
def test_changes_at_each_meeting_match_the_whole_history(store: Store, pair: list[str]) -> None:
    every = {t: store.topic_changes(t, pair) for t in TOPICS}
    for m in store.meetings(pair):
        expected = sorted(_key(c) for t in TOPICS for c in every[t] if c.meeting_id == m.id)
        assert sorted(_key(c) for c in store.changes(m.id)) == expected, m


@pytest.mark.parametrize("topic", TOPICS)
def test_topic_pages_put_together_are_the_whole_history(store: Store, topic: str) -> None:
    pair = PAIRS[1]
    whole = store.topic_history(topic, pair)
    every = store.topic_changes(topic, pair)
    window = store.topic_window(topic, pair, last=5)
    got = list(window.history)
    changes = list(window.changes)
    while not window.complete:
        window = store.topic_window(topic, pair, last=5, before=got[0].meeting.id)
        got = window.history + got
        changes = window.changes + changes
    assert [v.meeting.id for v in got] == [v.meeting.id for v in whole]
    assert got == whole
    assert sorted(map(_key, changes)) == sorted(map(_key, every))


def test_speaker_search_follows_a_renamed_speaker(store: Store) -> None:
    quote = store.search_quotes(speaker="tang", limit=1)[0]
    store.set_quote_speaker(quote.id, "Qiu Hong", "China")
    assert [q.id for q in store.search_quotes(speaker="qiu")] == [quote.id]
    assert quote.id not in {q.id for q in store.search_quotes(speaker="tang")}


def test_common_words_walk_meetings_and_find_the_same_quotes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store.db import queries

    sorted_by_date = [q.id for q in store.search_quotes("trade", limit=7)]
    assert len(sorted_by_date) == 7
    # With a threshold this low every word is "common": the newest-first walk is taken.
    monkeypatch.setattr(queries, "WALK_COST", 0.0)
    assert [q.id for q in store.search_quotes("trade", limit=7)] == sorted_by_date
    assert store.search_quotes("nowhere", limit=7) == []
