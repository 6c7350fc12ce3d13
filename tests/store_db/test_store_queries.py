"""Board, history, changes, search and the dump round trip on a small real store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from store.db import Store, StoreError
from store.models import Figure, Status, StoreDump, Topic

from .drafts import US_CN, make_draft

M1 = ('June talks\nTang said "Taiwan is the reddest of red lines" and Hart said '
      '"chips controls are about security". Tariffs on $300 billion of goods.')
M2 = ('November summit\nZhao said "the Taiwan issue must be handled with care" and Hart said '
      '"we welcome the fentanyl cooperation". An official said "AND OR -NOT* \\"quoted\\"".')
M3 = ('April visit\nTang said "the two sides agreed to keep talking" and Hart said '
      '"we have concerns about overcapacity".')


def seed(store: Store) -> list[int]:
    tariffs = Figure(text="$300 billion", value=3e11, unit="USD", noun="goods")
    tariffs2 = Figure(text="$350 billion", value=3.5e11, unit="USD", noun="goods")
    ids = [
        store.add_draft(make_draft(
            M1, when=date(2023, 6, 19),
            topics={"taiwan": Status.TENSION, "technology": Status.STALLED,
                    "trade": Status.STALLED},
            figures={"trade": [tariffs]},
            quotes=[("Taiwan is the reddest of red lines", "Tang Lei", "China", "taiwan"),
                    ("chips controls are about security", "Daniel Hart", "United States",
                     "technology")])).meeting_id,
        store.add_draft(make_draft(
            M2, when=date(2023, 11, 15),
            topics={"taiwan": Status.DIALOGUE, "fentanyl": Status.AGREEMENT,
                    "technology": Status.STALLED},
            quotes=[("the Taiwan issue must be handled with care", "Zhao Ming", "China",
                     "taiwan"),
                    ("we welcome the fentanyl cooperation", "Daniel Hart", "United States",
                     "fentanyl"),
                    ('AND OR -NOT* \\"quoted\\"', None, None, "fentanyl")])).meeting_id,
        store.add_draft(make_draft(
            M3, when=date(2024, 4, 26),
            topics={"taiwan": Status.PROGRESS, "trade": Status.TENSION},
            figures={"trade": [tariffs2]},
            quotes=[("the two sides agreed to keep talking", "Tang Lei", "China", "taiwan"),
                    ("we have concerns about overcapacity", "Daniel Hart", "United States",
                     "trade")])).meeting_id,
    ]
    # another relationship, with fewer meetings: never the default
    store.add_draft(make_draft("Moscow talks\nbody", when=date(2024, 5, 16),
                               dyad=["China", "Russia"], topics={"taiwan": Status.AGREEMENT}))
    return ids


def test_dyads_and_meetings(store: Store) -> None:
    ids = seed(store)
    assert store.dyads() == [US_CN, ["China", "Russia"]]
    refs = store.meetings(US_CN)
    assert [m.id for m in refs] == ids
    assert [m.meeting_date for m in refs] == sorted(m.meeting_date for m in refs)  # type: ignore
    assert len(store.meetings()) == 4


def test_board_cells_current_trend_and_latest_changes(store: Store) -> None:
    ids = seed(store)
    board = store.board()
    assert board.dyad == US_CN and [m.id for m in board.meetings] == ids
    rows = {r.topic.id: r for r in board.rows}
    assert set(rows) == {"taiwan", "technology", "trade", "fentanyl"}
    taiwan = rows["taiwan"]
    assert taiwan.cells == {ids[0]: Status.TENSION, ids[1]: Status.DIALOGUE,
                            ids[2]: Status.PROGRESS}
    assert (taiwan.current, taiwan.trend, taiwan.last_discussed) == (
        Status.PROGRESS, 1, date(2024, 4, 26))
    assert (rows["trade"].current, rows["trade"].trend) == (Status.TENSION, -1)
    assert rows["technology"].trend == 0 and rows["technology"].last_discussed == date(2023, 11, 15)
    # an override changes the board
    store.set_status(ids[2], "trade", Status.AGREEMENT)
    assert store.board().rows[[r.topic.id for r in store.board().rows].index("trade")].trend == 1
    store.set_status(ids[2], "trade", None)

    kinds = [(c.kind, c.topic_id) for c in board.latest_changes]
    # most important first: the big trade drop (stalled->tension is 1 step; taiwan 1 step)
    assert kinds[0][0] == "status"
    assert ("not_raised", "fentanyl") in kinds and ("not_raised", "technology") in kinds
    weights = [c.weight for c in board.latest_changes]
    assert weights == sorted(weights, reverse=True)
    trade = next(c for c in board.latest_changes if c.kind == "status" and c.topic_id == "trade")
    assert trade.previous_meeting_id == ids[0]  # compared with the last time trade was raised
    assert "stalled → tension (worse" in trade.description
    figure = next(c for c in board.latest_changes if c.kind == "figure")
    assert "$350 billion" in figure.description and "was $300 billion" in figure.description
    sides = {c.side for c in board.latest_changes if c.kind == "new_quotes"}
    assert sides == {"China", "United States"}


def test_empty_store_board(store: Store) -> None:
    board = store.board()
    assert (board.dyad, board.meetings, board.rows, board.latest_changes) == ([], [], [], [])
    assert store.changes() == []


def test_changes_for_a_given_meeting_and_first_raised(store: Store) -> None:
    ids = seed(store)
    changes = store.changes(ids[1])
    by_kind = {(c.kind, c.topic_id) for c in changes}
    assert ("first_raised", "fentanyl") in by_kind
    assert ("status", "taiwan") in by_kind
    assert ("not_raised", "trade") in by_kind
    assert all(c.meeting_id == ids[1] for c in changes)
    first = store.changes(ids[0])
    assert {c.kind for c in first} == {"first_raised", "new_quotes"}


def test_topic_history_and_topic_changes(store: Store) -> None:
    ids = seed(store)
    history = store.topic_history("taiwan")
    assert [v.meeting.id for v in history] == ids
    assert [v.status for v in history] == [Status.TENSION, Status.DIALOGUE, Status.PROGRESS]
    assert [q.speaker for q in history[1].quotes] == ["Zhao Ming"]
    assert store.topic_history("taiwan", ["China", "Russia"])[0].status == Status.AGREEMENT
    changes = store.topic_changes("trade")
    assert [(c.kind, c.meeting_id) for c in changes if c.kind != "new_quotes"] == [
        ("first_raised", ids[0]), ("not_raised", ids[1]), ("status", ids[2]), ("figure", ids[2]),
    ]
    with pytest.raises(StoreError, match="no topic"):
        store.topic_history("nope")


@pytest.mark.parametrize("words", ['"', "*", "-", "AND", "OR NOT", 'NEAR("a" b)', "^x:y", "'"])
def test_search_never_breaks_on_operators(store: Store, words: str) -> None:
    seed(store)
    found = store.search_quotes(words)
    assert isinstance(found, list)


def test_search_words_and_filters(store: Store) -> None:
    ids = seed(store)
    assert [q.text for q in store.search_quotes("red lines")] == [
        "Taiwan is the reddest of red lines"]
    # operators typed by the user are words, found as such
    assert [q.speaker for q in store.search_quotes("AND OR NOT")] == [None]
    assert [q.text for q in store.search_quotes("quoted")] == ['AND OR -NOT* \\"quoted\\"']
    hart = store.search_quotes(speaker="har")
    assert {q.speaker for q in hart} == {"Daniel Hart"} and len(hart) == 3
    # newest meeting first
    assert [q.meeting_id for q in hart] == [ids[2], ids[1], ids[0]]
    assert {q.text for q in store.search_quotes(side="china", topic="taiwan")} == {
        "Taiwan is the reddest of red lines", "the Taiwan issue must be handled with care",
        "the two sides agreed to keep talking"}
    assert [q.text for q in store.search_quotes("taiwan", meeting_id=ids[1])] == [
        "the Taiwan issue must be handled with care"]
    assert store.search_quotes("taiwan", speaker="Hart") == []
    assert len(store.search_quotes(limit=2)) == 2
    assert store.search_quotes(speaker="100%_") == []
    hits = store.search_articles("overcapacity")
    assert [(a, m) for a, m, _ in hits] == [(3, ids[2])]


def test_dump_load_round_trip(store: Store, tmp_path: Path) -> None:
    ids = seed(store)
    store.add_topic(Topic(id="space", name="Space", keywords=["moon", "satellite"]))
    store.set_status(ids[0], "taiwan", Status.STALLED, note="my note")
    store.set_status(ids[1], "space", Status.DIALOGUE)
    quote = store.search_quotes("chips")[0]
    store.set_quote_speaker(quote.id, "U.S. official", "United States")
    store.drop_quote(store.search_quotes("overcapacity")[0].id)
    store.add_draft(make_draft(
        "June readout\nTang said \"Taiwan is the reddest of red lines\".", when=date(2023, 6, 19),
        source="Ministry", topics={"taiwan": Status.TENSION},
        quotes=[("Taiwan is the reddest of red lines", "Tang Lei", "China", "taiwan")]))
    dump = store.dump()
    assert any(q.duplicate_of for q in dump.quotes)

    text = dump.model_dump_json()
    with Store.open(tmp_path / "other.db") as other:
        other.load(StoreDump.model_validate_json(text))
        assert other.dump() == dump
        assert other.board() == store.board()
        assert other.search_quotes("red") == store.search_quotes("red")
        with pytest.raises(StoreError, match="not empty"):
            other.load(dump)


def test_search_index_follows_reindex_split_and_remove(store: Store) -> None:
    ids = seed(store)
    store.add_draft(make_draft(
        "June readout\nTang said \"Taiwan is the reddest of red lines\".", when=date(2023, 6, 19),
        source="Ministry", topics={"taiwan": Status.TENSION},
        quotes=[("Taiwan is the reddest of red lines", "Tang Lei", "China", "taiwan")]))
    assert len(store.search_quotes("reddest")) == 1  # one meeting, the repeat merged
    new_ids = store.split_meeting(ids[0])
    assert sorted(q.meeting_id for q in store.search_quotes("reddest")) == sorted(new_ids)
    store.remove_meeting(new_ids[1])
    assert [q.meeting_id for q in store.search_quotes("reddest")] == [ids[0]]
    assert store.search_articles("readout") == []


def test_hostile_text_is_stored_verbatim(store: Store) -> None:
    text = 'Markup\nHe said "[bold]red[/] <script>alert(1)</script> \\ lines" today.'
    quote = '[bold]red[/] <script>alert(1)</script> \\ lines'
    mid = store.add_draft(make_draft(text, when=date(2024, 1, 1),
                                     quotes=[(quote, "X", "China", "taiwan")])).meeting_id
    detail = store.meeting(mid)
    assert detail.articles[0].original == text
    assert [q.text for q in store.search_quotes("script alert")] == [quote]


def test_load_refuses_a_dump_from_a_newer_bilat(store: Store) -> None:
    with pytest.raises(StoreError, match="newer bilat"):
        store.load(StoreDump(schema_version=999))
    assert store.counts()["meetings"] == 0


def test_meetings_without_a_dyad_still_reach_the_board(store: Store) -> None:
    first = store.add_draft(make_draft("A\nbody", when=date(2024, 1, 1), dyad=[],
                                       topics={"trade": Status.TENSION}))
    second = store.add_draft(make_draft("B\nbody", when=date(2024, 3, 1), dyad=[],
                                        topics={"trade": Status.DIALOGUE}))
    assert store.dyads() == []
    board = store.board()
    assert board.dyad == [] and [m.id for m in board.meetings] == [first.meeting_id,
                                                                   second.meeting_id]
    assert board.rows[0].trend == 1
    assert [c.kind for c in store.changes()] == ["status"]
    # once a dyad is known it is the default
    store.add_draft(make_draft("C\nbody", when=date(2024, 5, 1), topics={"ai": Status.PROGRESS}))
    assert store.board().dyad == US_CN and len(store.board().meetings) == 1


def test_meetings_since_and_the_newest_entries_of_a_topic(store: Store) -> None:
    ids = seed(store)
    assert [m.id for m in store.meetings(US_CN, since=date(2023, 11, 15))] == ids[1:]
    assert store.meetings(US_CN, since=date(2030, 1, 1)) == []
    everything = store.topic_history("taiwan", US_CN)
    assert store.topic_history("taiwan", US_CN, last=1) == everything[-1:]
    assert store.topic_history("taiwan", US_CN, last=100) == everything
    assert store.topic_history("taiwan", US_CN, last=0) == []
