"""The exports' finished text, kept per meeting (schema V10): a batch's, made where missing.

Markdown and TimelineJS write, for each entry, the same text in every export but for the
status line's transition (store/export/texts.py). Making it means reading the entry, its
quotes and figures and escaping every value: most of an export's time. So it is kept:
`rendered_meetings` (a meeting's heading, its title as TimelineJS writes it, its position
lines) and `rendered_entries` (per entry the status shown and the text after the
transition). Triggers drop a meeting's texts whenever something they were made from
changes; the next export makes them again from the rows (`_fill`), in the transaction
that reads those rows, so no text outlives a change made meanwhile.

The texts are made by the export (`store.export.texts`, handed in as `render`): this
module only stores and reads strings.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Literal

from store.db.batches import Entry, Meeting, Position, entry_rows, position_rows
from store.db.connection import transaction
from store.db.queries import tuples

# A meeting's texts: its Markdown heading after the '#'s, its title as TimelineJS writes it,
# its position lines in Markdown ("" when none).                            (rendered_meetings)
MeetingTexts = tuple[str, str, str]
# An entry's texts: topic, status shown, the Markdown after the status line's transition,
# the TimelineJS event text after its transition paragraph.                 (rendered_entries)
EntryTexts = tuple[str, str, str, str]
# What `render` makes of a meeting, its entries (every topic) and its positions.
Render = Callable[[Meeting, list[Entry], list[Position]], tuple[MeetingTexts, list[EntryTexts]]]
Made = dict[int, tuple[MeetingTexts, list[EntryTexts]]]
# An entry's text for one format: meeting id, topic, status shown, its text (md or tjs).
Shown = tuple[int, str, str, str]

# What a pass of an export reads: "md", the topic sections (each meeting's Markdown heading,
# its entries' Markdown); "tjs", TimelineJS (each meeting's title, its entries' event texts);
# "positions", Markdown's positions (each meeting's heading and position lines, no entry).
Want = Literal["md", "tjs", "positions"]
_HEADS: dict[Want, tuple[str, tuple[int, ...]]] = {  # columns, and their places in MeetingTexts
    "md": ("md_head", (0,)), "tjs": ("tjs_title", (1,)),
    "positions": ("md_head, positions_md", (0, 2)),
}
_ENTRIES: dict[Want, tuple[str, int] | None] = {"md": ("md", 2), "tjs": ("tjs", 3),
                                                "positions": None}


def batch_texts(
    conn: sqlite3.Connection, meetings: list[Meeting], want: Want, renderer: int,
    render: Render,
) -> tuple[dict[int, tuple[str, ...]], dict[int, list[Shown]]]:
    """A batch's texts for one pass of an export: per meeting id the texts `want` names
    (columns of MeetingTexts), and each meeting's entries' texts (each meeting's in no
    particular topic order). Texts missing, or made by another `renderer`, are made first
    and kept; when the store cannot be written (read-only, or another writer holds it past
    the busy timeout) they are made for this export alone.

    A batch's heads and entries are read in one snapshot: a change another program makes
    meanwhile shows in a meeting's texts whole or not at all."""
    for _ in range(3):  # (a writer may drop texts between the making and the reading)
        with _snapshot(conn):
            heads = _heads(conn, meetings, want, renderer)
            missing = [m for m in meetings if m[0] not in heads]
            if not missing:
                return heads, _entries(conn, meetings, want)
        if not _fill(conn, missing, renderer, render):
            break
    with _snapshot(conn):  # made here, from rows of the same snapshot as the rest
        heads = _heads(conn, meetings, want, renderer)
        made = _make(conn, [m for m in meetings if m[0] not in heads], render)
        entries = _entries(conn, meetings, want)
    places = _HEADS[want][1]
    at = _ENTRIES[want]
    for mid, (texts, made_entries) in made.items():
        heads[mid] = tuple(texts[i] for i in places)
        if at is not None:
            entries[mid] = [(mid, e[0], e[1], e[at[1]]) for e in made_entries]
    return heads, entries


@contextmanager
def _snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """The reads inside see the store as of one moment (a read transaction)."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def _ids(meetings: list[Meeting]) -> tuple[str, list[int]]:
    ids = [m[0] for m in meetings]
    return ",".join("?" * len(ids)) or "NULL", ids


def _heads(conn: sqlite3.Connection, meetings: list[Meeting], want: Want, renderer: int
           ) -> dict[int, tuple[str, ...]]:
    marks, ids = _ids(meetings)
    return {r[0]: r[2:] for r in tuples(
        conn, f"""SELECT meeting_id, renderer, {_HEADS[want][0]} FROM rendered_meetings
                  WHERE meeting_id IN ({marks})""", ids) if r[1] == renderer}


def _entries(conn: sqlite3.Connection, meetings: list[Meeting], want: Want
             ) -> dict[int, list[Shown]]:
    out: dict[int, list[Shown]] = {}
    at = _ENTRIES[want]
    if at is None:
        return out
    marks, ids = _ids(meetings)
    for row in tuples(
        conn, f"""SELECT meeting_id, topic_id, status, {at[0]} FROM rendered_entries
                  WHERE meeting_id IN ({marks})""", ids,
    ):
        out.setdefault(row[0], []).append(row)
    return out


def _fill(conn: sqlite3.Connection, meetings: list[Meeting], renderer: int, render: Render
          ) -> bool:
    """Make and keep the texts of these meetings where missing; False when they could not
    be kept (nothing is then)."""
    try:
        with transaction(conn):
            # again under the write lock: another export may have made them meanwhile
            marks, ids = _ids(meetings)
            kept = {r[0] for r in tuples(
                conn, f"""SELECT meeting_id FROM rendered_meetings WHERE meeting_id IN ({marks})
                          AND renderer = ?""", [*ids, renderer])}
            _store(conn, _make(conn, [m for m in meetings if m[0] not in kept], render),
                   renderer)
    except sqlite3.IntegrityError:
        return False  # another program removed a meeting since the batch was read
    except sqlite3.OperationalError:
        return False
    return True


def _make(conn: sqlite3.Connection, meetings: list[Meeting], render: Render) -> Made:
    """The texts of these meetings, made from their rows (every topic: the texts serve any
    export's scope)."""
    if not meetings:
        return {}
    every = [r[0] for r in tuples(conn, "SELECT id FROM topics ORDER BY rowid")]
    entries: dict[int, list[Entry]] = {m[0]: [] for m in meetings}
    for v in entry_rows(conn, meetings, every):
        entries[v[0][0]].append(v)
    said = position_rows(conn, meetings)
    return {m[0]: render(m, entries[m[0]], said.get(m[0], [])) for m in meetings}


def _store(conn: sqlite3.Connection, made: Made, renderer: int) -> None:
    if not made:
        return
    marks = ",".join("?" * len(made))
    # An older renderer's texts go first. The entries' too, though the cascade takes them:
    # a program writing without foreign keys, whose change dropped a meeting's texts
    # (triggers), left its entries' behind.
    conn.execute(f"DELETE FROM rendered_entries WHERE meeting_id IN ({marks})", list(made))
    conn.execute(f"DELETE FROM rendered_meetings WHERE meeting_id IN ({marks})", list(made))
    conn.executemany(
        """INSERT INTO rendered_meetings (meeting_id, renderer, md_head, tjs_title,
               positions_md) VALUES (?, ?, ?, ?, ?)""",
        [(mid, renderer, *texts) for mid, (texts, _) in made.items()],
    )
    conn.executemany(
        "INSERT INTO rendered_entries (meeting_id, topic_id, status, md, tjs) "
        "VALUES (?, ?, ?, ?, ?)",
        [(mid, *e) for mid, (_, entries) in made.items() for e in entries],
    )
