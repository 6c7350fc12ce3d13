"""The raw rows exports write are the models' shapes, field for field.

Exports read plain tuples and dicts (`store.db.batches`, `store.db.dump`) instead of a
pydantic model per row. pydantic stays the one definition of each shape: here every raw
row of a real store is checked against the model it mirrors, read through the model
path (`Store.topic_history`, `stances_of`, `commitment_tracking`) or validated by the
model and written back.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter
from pydantic_core import to_json

from store.commitments import with_tracking
from store.db import Store, batches, stances
from store.db.dump import sections
from store.export.common import shown_commitment
from store.export.select import entry_row, meeting_row, position_row, shown_row
from store.models import Figure, MeetingRef, Status, StoreDump

from .synthetic import PAIRS, TOPICS, draft, with_stances

HOSTILE = '<script>x</script> [bold]red[/] *a* _b_ `c` # | \\ "d =1+1\r\n'


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = Store.open(tmp_path_factory.mktemp("rows") / "bilat.db")
    for i in range(24):
        d = with_stances(draft(i))
        if i % 4 == 0:  # figures, a float among them, and hostile text
            figures = [Figure(text="$8 billion", value=8e9, unit="USD", noun="in trade"),
                       Figure(text="1.5%", value=1.5, unit="percent")]
            d = d.model_copy(update={
                "title": f"Round {i} {HOSTILE}",
                "topics": [t.model_copy(update={"figures": figures, "evidence": HOSTILE})
                           for t in d.topics]})
        opened.add_draft(d, new_meeting=True)
    opened.set_status(4, "trade", Status.AGREEMENT, f"by hand {HOSTILE}")
    opened.set_status(5, "taiwan", Status.TENSION)
    opened.set_commitment(2, state="kept", note=f"note {HOSTILE}")
    yield opened
    opened.close()


def _meetings(store: Store, pair: list[str]) -> list[batches.Meeting]:
    return store.export_read(batches.meeting_rows, pair, None, None, None, None, 1000)


@pytest.mark.parametrize("pair", PAIRS)
def test_meeting_rows_are_the_meeting_refs(store: Store, pair: list[str]) -> None:
    raw = _meetings(store, pair)
    assert raw == [meeting_row(m) for m in store.meetings(pair)]
    for m in raw:  # and each validates as the model it mirrors
        MeetingRef.model_validate({"id": m[0], "title": m[1], "meeting_date": m[2],
                                   "location": m[3], "dyad": m[4], "sources": m[5]})


@pytest.mark.parametrize("pair", PAIRS)
@pytest.mark.parametrize("topic", TOPICS)
def test_entry_rows_are_the_entry_views(store: Store, pair: list[str], topic: str) -> None:
    raw = store.export_read(batches.topic_rows, pair, topic, None, None, None, 1000)
    views = store.topic_history(topic, pair)
    assert raw == [entry_row(v) for v in views]
    # The same entries, read meeting by meeting (every topic, in topic order).
    by_meeting = store.export_read(batches.entry_rows, _meetings(store, pair),
                                   [t.id for t in store.topics()])
    assert [e for e in by_meeting if e[1] == topic] == raw


@pytest.mark.parametrize("pair", PAIRS)
def test_position_and_commitment_rows_are_the_stored_ones(store: Store, pair: list[str]) -> None:
    meetings = store.meetings(pair)
    raw = _meetings(store, pair)
    assert store.export_read(stances.refresh, pair) is None  # stored: read with each batch
    positions = store.export_read(batches.position_rows, raw)
    found = store.export_read(batches.commitment_rows, raw)
    want_positions, want_commitments = store.stances_of(meetings)
    tracked = store.commitment_tracking(pair)
    today = date.today()
    assert positions == {mid: [position_row(p) for p in ps]
                         for mid, ps in want_positions.items()}
    dates = {m[0]: m[2] for m in raw}
    shown = {mid: [shown_commitment(c, dates[mid], None, today) for c in cs]
             for mid, cs in found.items()}
    assert shown == {mid: [shown_row(with_tracking(c, tracked.get(c.id), today)) for c in cs]
                     for mid, cs in want_commitments.items()}



def test_the_store_holds_what_the_rows_must_carry(store: Store) -> None:
    """The checks above see overrides, notes, figures and a state set by hand."""
    entries = [e for pair in PAIRS for t in TOPICS
               for e in store.export_read(batches.topic_rows, pair, t, None, None, None, 1000)]
    assert any(e[4] and e[5] for e in entries) and any(e[7] for e in entries)
    found = [c for pair in PAIRS
             for cs in store.export_read(batches.commitment_rows, _meetings(store, pair)).values()
             for c in cs]
    assert any(c[6] == "kept" and c[5] for c in found)


def test_a_commitment_without_stored_tracking_is_shown_as_the_walk_says(store: Store) -> None:
    """A store that cannot be written cannot bring its tracking up to date: the walk's own
    result is shown, whatever the store holds."""
    pair = PAIRS[0]
    raw = _meetings(store, pair)
    today = date.today()
    walked = store.commitment_tracking(pair)
    found = store.export_read(batches.commitment_rows, raw)
    dates = {m[0]: m[2] for m in raw}
    for mid, cs in found.items():
        for c in cs:
            stale = (*c[:7], "broken", "stale", None, None)  # what a stale store might hold
            for held in (stale, (*c[:7], None, None, None, None)):
                assert (shown_commitment(held, dates[mid], walked, today)
                        == shown_commitment(c, dates[mid], None, today))


def test_dump_rows_validate_as_the_models_and_are_written_as_pydantic_writes_them(
    store: Store,
) -> None:
    seen: dict[str, int] = {}
    for name, batches_of in sections(store.conn).items():
        for batch in filter(None, batches_of()):
            models = getattr(StoreDump.model_validate({"schema_version": 1, name: batch}), name)
            adapter: TypeAdapter[Any] = TypeAdapter(list[type(models[0])])  # type: ignore[misc]
            assert to_json(batch, indent=1) == adapter.dump_json(models, indent=1), name
            seen[name] = seen.get(name, 0) + len(batch)
    assert all(seen.get(n) for n in ("meetings", "articles", "entries", "overrides",
                                     "quotes", "positions", "commitments")), seen


def test_dump_of_an_imported_store_is_the_dump_it_was_made_from(
    store: Store, tmp_path: Path
) -> None:
    dump = store.dump()
    with Store.open(tmp_path / "copy.db") as copy:
        copy.load(dump)
        again = copy.dump()
    assert again.model_dump(exclude={"actors"}) == dump.model_dump(exclude={"actors"})
