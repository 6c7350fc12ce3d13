"""Streamed exports give, batch by batch, exactly what the in-memory timeline gives.

The formats read a `stream.StoreTimeline` (the store, a batch at a time) in
`bilat export`, and a `select.Timeline` (views in memory) in the format tests.
Here both are made from the same real store, with batches far smaller than the
store so that every boundary (a topic's entries, a day shared by two pairs,
undated meetings at the end) is crossed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from store.db import Store
from store.export import csv_export, markdown, stream, timelinejs
from store.export.select import TimelineSource, gather
from store.models import Status

from .synthetic import draft, with_stances

FORMATS: dict[str, Callable[[TimelineSource], str]] = {
    "md": markdown.render, "csv": csv_export.render, "timelinejs": timelinejs.render,
}
SCOPES = {
    "all": {},
    "topics": {"topics": ["trade", "climate"]},
    "dates": {"since": date(2001, 1, 20), "until": date(2001, 2, 20)},
    "since": {"since": date(2001, 2, 1)},
    "one topic, until": {"topics": ["taiwan"], "until": date(2001, 2, 1)},
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = Store.open(tmp_path_factory.mktemp("stream") / "bilat.db")
    for i in range(70):
        opened.add_draft(with_stances(draft(i)), new_meeting=True)
    opened.set_status(4, "trade", Status.AGREEMENT, "=1+1 by hand")
    yield opened
    opened.close()


@pytest.mark.parametrize("scope", list(SCOPES))
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_streamed_export_equals_the_in_memory_one(store: Store, fmt: str, scope: str) -> None:
    kwargs = SCOPES[scope]
    whole = FORMATS[fmt](gather(store, **kwargs))  # type: ignore[arg-type]
    streamed = FORMATS[fmt](stream.timeline(store, batch=7, **kwargs))  # type: ignore[arg-type]
    assert streamed == whole
    assert len(streamed) > 200


@pytest.mark.parametrize("scope", list(SCOPES))
def test_markdown_topic_sections_spooled_to_files_read_back_the_same(
    store: Store, scope: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Markdown spools each topic's section while the meetings are read; past CHUNK
    characters it goes to a temporary file. With a tiny CHUNK every section goes through
    its file (several writes and reads, cut at any line), and the document is the same."""
    kwargs = SCOPES[scope]
    held = markdown.render(stream.timeline(store, batch=7, **kwargs))  # type: ignore[arg-type]
    files: list[object] = []
    opened = markdown.tempfile.TemporaryFile

    def counted(*args: object, **kw: object) -> object:
        files.append(opened(*args, **kw))  # type: ignore[arg-type]
        return files[-1]

    monkeypatch.setattr(markdown, "CHUNK", 40)
    monkeypatch.setattr(markdown.tempfile, "TemporaryFile", counted)
    spooled = markdown.render(stream.timeline(store, batch=7, **kwargs))  # type: ignore[arg-type]
    assert spooled == held
    assert files and all(f.closed for f in files)  # type: ignore[attr-defined]
