"""Exports of a store's history: Markdown, JSON dump, CSV, standalone HTML, TimelineJS.

Each format is a pure function (views in, text out) in its own module;
`render` reads the store once through `select.gather` and `write_export`
writes the file atomically (temp file, then `os.replace`), so a failed export
never leaves a half-written file behind.
"""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from store.export import csv_export, html, json_dump, markdown, timelinejs
from store.export.select import Scope, Timeline, gather, resolve_topics

if TYPE_CHECKING:
    from store.db import Store

FORMATS = ["md", "json", "csv", "html", "timelinejs"]

_TIMELINE_FORMATS: dict[str, Callable[[Timeline], str]] = {
    "md": markdown.render,
    "csv": csv_export.render,
    "html": html.render,
    "timelinejs": timelinejs.render,
}


def render(
    store: Store, fmt: str, *, topics: list[str] | None = None,
    since: date | None = None, until: date | None = None,
) -> str:
    """The export as text. ValueError for an unknown format or topic, or since > until."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    with _no_cyclic_gc():
        return _render(store, fmt, topics, since, until)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while an export builds its views.

    A full export makes hundreds of thousands of small objects, none in cycles
    (reference counting frees them); the collector's repeated full passes over
    them cost about a third of the export's time at 10,000 meetings.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _render(
    store: Store, fmt: str, topics: list[str] | None, since: date | None, until: date | None
) -> str:
    if fmt == "json":
        if since is not None and until is not None and since > until:
            raise ValueError(f"--since {since} is after --until {until}")
        scope = Scope(resolve_topics(topics, store.topics()), since, until)
        return json_dump.render(store.dump(), scope)
    if fmt == "html":  # the page links each meeting to its articles' URLs
        return html.render(gather(store, topics, since, until), links=store.source_links())
    return _TIMELINE_FORMATS[fmt](gather(store, topics, since, until))


def _mode_for(path: Path) -> int:
    """The file's current mode when replacing it, else 0644.

    (Reading the umask means setting it, which races with other threads: the TUI
    exports from a worker.)
    """
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644


def write_text_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` all at once: a temp file beside it, then `os.replace`."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise IsADirectoryError(f"{path}: is a directory")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private (0600); an export is an ordinary file.
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_export(
    store: Store, fmt: str, path: Path, *, topics: list[str] | None = None,
    since: date | None = None, until: date | None = None,
) -> None:
    """Render and write the export to `path` atomically. OSError / ValueError on failure."""
    text = render(store, fmt, topics=topics, since=since, until=until)
    write_text_atomic(path, text)


__all__ = ["FORMATS", "Scope", "Timeline", "gather", "render", "write_export", "write_text_atomic"]
