"""Every export format, byte for byte, on one small store: pinned before the exports were
made fast, so a speed-up that changes a single byte fails here.

The store holds two pairs on shared days, undated meetings, an override with a note,
figures, positions and commitments (tracked), a source URL, and hostile text (markup,
HTML, Markdown specials, a formula) in titles, evidence and quotes. The pinned files are
in `export_pins/`; to change a format on purpose, run with `BILAT_REPIN=1` and read the diff.
The JSON dump holds the time each article was added, so it is compared instead with the
dump read whole (`Store.dump`, the pydantic `StoreDump`) and serialised by pydantic.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from store.db import Store
from store.export import render
from store.export.json_dump import render as json_whole
from store.export.select import Scope, resolve_topics
from store.models import Figure, Status

from .synthetic import draft, with_stances

PINS = Path(__file__).resolve().parent / "export_pins"
HOSTILE = '<script>x</script> [bold]red[/] *a* _b_ `c` # | \\ "d =1+1\r\n'
SCOPES: dict[str, dict[str, object]] = {
    "all": {},
    "topics": {"topics": ["trade", "Climate"]},
    "dates": {"since": date(2001, 1, 10), "until": date(2001, 2, 3)},
}
FORMATS = ["md", "csv", "timelinejs", "html"]


def _draft(i: int):  # type: ignore[no-untyped-def]
    d = with_stances(draft(i))
    if i % 5 == 0:
        topics = [t.model_copy(update={"figures": [Figure(text="$8 billion", noun="in trade",
                                                          value=8e9, unit="USD")]})
                  for t in d.topics]
        d = d.model_copy(update={"topics": topics})
    if i == 7:
        quotes = [q.model_copy(update={"speaker": HOSTILE}) for q in d.quotes]
        topics = [t.model_copy(update={"evidence": HOSTILE}) for t in d.topics]
        d = d.model_copy(update={"title": f"Round 7 {HOSTILE}", "location": HOSTILE,
                                 "source": HOSTILE, "quotes": quotes, "topics": topics})
    if i == 3:
        d = d.model_copy(update={"url": "https://example.org/round-3?a=1&b=<2>"})
    return d


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = Store.open(tmp_path_factory.mktemp("pinned") / "bilat.db")
    for i in range(30):
        opened.add_draft(_draft(i), new_meeting=True)
    opened.set_status(4, "trade", Status.AGREEMENT, f"by hand {HOSTILE}")
    opened.set_status(9, "taiwan", Status.TENSION)
    yield opened
    opened.close()


def _check(name: str, text: str) -> None:
    pin = PINS / name
    if os.environ.get("BILAT_REPIN"):
        pin.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == pin.read_bytes(), f"{name} differs from its pin"


@pytest.mark.parametrize("scope", list(SCOPES))
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_is_byte_for_byte_the_pinned_one(store: Store, fmt: str, scope: str) -> None:
    _check(f"{scope}.{fmt}", render(store, fmt, **SCOPES[scope]))  # type: ignore[arg-type]


@pytest.mark.parametrize("scope", list(SCOPES))
def test_json_dump_is_the_whole_dump_as_pydantic_writes_it(store: Store, scope: str) -> None:
    kwargs = SCOPES[scope]
    wanted = Scope(resolve_topics(kwargs.get("topics"), store.topics()),  # type: ignore[arg-type]
                   kwargs.get("since"), kwargs.get("until"))  # type: ignore[arg-type]
    assert render(store, "json", **kwargs) == json_whole(store.dump(), wanted)  # type: ignore[arg-type]


def test_json_dump_cut_by_topic_frees_a_repeat_whose_original_is_cut(tmp_path: Path) -> None:
    """Two sources of one meeting share a quote (the second a repeat of the first); the
    user moves the repeat to another topic. Cut to that topic, the repeat is kept and the
    original is not: the streamed dump shows the repeat on its own, as the dump read whole
    and cut by `narrow_dump` does."""
    with Store.open(tmp_path / "bilat.db") as s:
        first = draft(0)
        text = first.text + " (second source)"
        second = first.model_copy(update={
            "source": "Other", "text": text, "original": text,
            "sha256": hashlib.sha256(text.encode()).hexdigest()})
        keep = s.add_draft(first).meeting_id
        s.merge_meetings(keep, s.add_draft(second).meeting_id)
        [(repeat, original)] = s.conn.execute(
            "SELECT id, duplicate_of FROM quotes WHERE duplicate_of IS NOT NULL").fetchall()
        s.set_quote_topic(repeat, "climate")
        streamed = json.loads(render(s, "json", topics=["climate"]))
        assert [(q["id"], q["duplicate_of"]) for q in streamed["quotes"]] == [(repeat, None)]
        assert render(s, "json", topics=["climate"]) == json_whole(
            s.dump(), Scope(("climate",)))
        whole = json.loads(render(s, "json"))
        assert (repeat, original) in [(q["id"], q["duplicate_of"]) for q in whole["quotes"]]
