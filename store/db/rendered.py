"""The exports' finished text, kept per meeting (schema V10): read a batch's, make what is
missing.

Markdown and TimelineJS write, for each entry, the same text in every export but for the
status line's transition (store/export/texts.py). Making it means reading the entry, its
quotes and figures and escaping every value: most of an export's time. So it is kept:
`rendered_meetings` (a meeting's heading, its title as TimelineJS writes it, its position
lines) and `rendered_entries` (per entry the status shown and the text after the
transition). Triggers drop a meeting's texts whenever something they were made from
changes; the next export makes them again, here, from the rows (`fill`), in the
transaction that reads those rows, so no text outlives a change made meanwhile.

The texts are made by the export (`store.export.texts`, handed in as `render`): this
module only stores and reads strings.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
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


def _ids(meetings: list[Meeting]) -> tuple[str, list[int]]:
    ids = [m[0] for m in meetings]
    return ",".join("?" * len(ids)) or "NULL", ids


def _kept(conn: sqlite3.Connection, meetings: list[Meeting], renderer: int) -> set[int]:
    marks, ids = _ids(meetings)
    return {r[0] for r in tuples(
        conn, f"""SELECT meeting_id FROM rendered_meetings WHERE meeting_id IN ({marks})
                  AND renderer = ?""", [*ids, renderer])}


def fill(conn: sqlite3.Connection, meetings: list[Meeting], renderer: int, render: Render
         ) -> Made:
    """Make and store the texts of the meetings that have none (or an older `renderer`'s).

    Returns {} when every text is stored; when the store cannot be written (read-only, or
    another writer holds it past the busy timeout), the texts made, by meeting id, for the
    caller to use as they are."""
    if len(_kept(conn, meetings, renderer)) == len(meetings):
        return {}  # the usual case: no write lock taken
    try:
        with transaction(conn):
            # again under the write lock: another export may have made them meanwhile
            kept = _kept(conn, meetings, renderer)
            made = _make(conn, [m for m in meetings if m[0] not in kept], render)
            _store(conn, made, renderer)
    except sqlite3.OperationalError:
        kept = _kept(conn, meetings, renderer)
        return _make(conn, [m for m in meetings if m[0] not in kept], render)
    return {}


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
    ids = list(made)
    for i in range(0, len(ids), 500):  # (an older renderer's texts go first, entries too)
        part = ids[i:i + 500]
        conn.execute(f"DELETE FROM rendered_meetings WHERE meeting_id IN "
                     f"({','.join('?' * len(part))})", part)
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


def meeting_texts(conn: sqlite3.Connection, meetings: list[Meeting], made: Made
                  ) -> dict[int, MeetingTexts]:
    """The meetings' texts by id (after `fill`: every meeting has them; `made`: what `fill`
    returned)."""
    marks, ids = _ids(meetings)
    out: dict[int, MeetingTexts] = {
        r[0]: r[1:] for r in tuples(
            conn, f"""SELECT meeting_id, md_head, tjs_title, positions_md FROM rendered_meetings
                      WHERE meeting_id IN ({marks})""", ids)
    }
    out.update((mid, texts) for mid, (texts, _) in made.items())
    return out


def entry_texts(conn: sqlite3.Connection, meetings: list[Meeting], made: Made,
                kind: Literal["md", "tjs"]) -> dict[int, list[Shown]]:
    """The entries' texts for one format (`kind`), by meeting id, each meeting's in no
    particular topic order (every topic's)."""
    marks, ids = _ids(meetings)
    out: dict[int, list[Shown]] = {}
    column = "md" if kind == "md" else "tjs"
    for row in tuples(
        conn, f"""SELECT meeting_id, topic_id, status, {column} FROM rendered_entries
                  WHERE meeting_id IN ({marks})""", ids,
    ):
        out.setdefault(row[0], []).append(row)
    at = 2 if kind == "md" else 3
    for mid, (_, entries) in made.items():
        out[mid] = [(mid, e[0], e[1], e[at]) for e in entries]
    return out
