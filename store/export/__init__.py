"""Exports of a store's history: Markdown, JSON dump, CSV, standalone HTML, TimelineJS.

Each format turns a timeline into text in pieces (`chunks`). Every format reads
the store batch by batch while it writes (`stream.timeline`; the JSON dump
`Store.dump_batches`), so an export holds one batch, not the store.
`write_export` writes to a path by its kind (`target.write_chunks`): a regular
file atomically (temp file, then `os.replace`), a symlink's target the same way,
a device or FIFO as a stream.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from store.db import batches
from store.db.dump import DumpScope
from store.db.schema import CURRENT_VERSION
from store.export import csv_export, html, json_dump, markdown, stream, timelinejs
from store.export.select import Scope, Timeline, TimelineSource, gather, resolve_topics
from store.export.target import ExportTargetError, existing_file, write_chunks

if TYPE_CHECKING:
    from store.db import Store

FORMATS = ["md", "json", "csv", "html", "timelinejs"]

_STREAMED: dict[str, Callable[[TimelineSource], Iterator[str]]] = {
    "md": markdown.chunks,
    "csv": csv_export.chunks,
    "timelinejs": timelinejs.chunks,
}


def chunks(
    store: Store, fmt: str, *, topics: list[str] | None = None,
    since: date | None = None, until: date | None = None,
) -> Iterator[str]:
    """The export in pieces, read from the store as they are taken.

    The arguments are checked here, before the first piece: ValueError for an
    unknown format or topic, or since > until.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt in _STREAMED:
        return _STREAMED[fmt](stream.timeline(store, topics, since, until))
    if since is not None and until is not None and since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    if fmt == "json":
        scope = DumpScope(resolve_topics(topics, store.topics()), since, until)
        return json_dump.chunks(CURRENT_VERSION, store.dump_batches(scope))
    # The page links each meeting to its articles' URLs, read a batch of meetings at a time.
    return html.chunks(stream.timeline(store, topics, since, until),
                       links=lambda batch: store.export_read(batches.source_links, batch))


def render(
    store: Store, fmt: str, *, topics: list[str] | None = None,
    since: date | None = None, until: date | None = None,
) -> str:
    """The export as text. ValueError for an unknown format or topic, or since > until."""
    with no_cyclic_gc():
        return "".join(chunks(store, fmt, topics=topics, since=since, until=until))


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while an export builds its views.

    An export makes hundreds of thousands of small objects, none in cycles
    (reference counting frees them); the collector's repeated passes over them
    cost about a third of the export's time.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def write_text_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` all at once (see `target.write_chunks`), replacing a file."""
    write_chunks(Path(path), [text], overwrite=True)


def write_export(
    store: Store, fmt: str, path: Path, *, topics: list[str] | None = None,
    since: date | None = None, until: date | None = None, overwrite: bool = True,
) -> None:
    """Stream the export to `path` (see `target.write_chunks`).

    OSError (FileExistsError when the file exists and `overwrite` is false,
    ExportTargetError for a path that cannot take it) or ValueError on failure;
    a failed export leaves a regular file as it was.
    """
    pieces = chunks(store, fmt, topics=topics, since=since, until=until)
    with no_cyclic_gc():
        write_chunks(Path(path), pieces, overwrite=overwrite)


__all__ = [
    "FORMATS", "ExportTargetError", "Scope", "Timeline", "chunks", "existing_file", "gather",
    "render", "write_export", "write_text_atomic",
]
