"""The journal: every change a user makes, written inside the transaction of the change.

Each entry keeps what the change replaced (`before`) and what it made (`after`) as JSON,
in one of two shapes:

- field changes (edit, participants, confirm, set-status, quote) keep the few rows they
  touch: `{"meeting": row, "edits": row | None}`, `{"override": row | None, ...}`,
  `{"quote": {column: value}}`;
- structural changes (rm, merge, split, rm-source, add, import) keep whole meetings as
  `snapshot()`s (every row of every table that belongs to the meeting, article texts
  included) in `before["meetings"]`, and the ids they created or kept in
  `after["meeting_ids"]`.

Undo takes the latest entry not yet undone: it deletes what the change made and puts
back what it replaced, in one transaction, and marks the entry undone. Undoing again
takes the entry before it, and so on.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from store.db import rows
from store.db.errors import StoreError
from store.models import JournalEntry

Row = dict[str, Any]
Snapshot = dict[str, list[Row]]

# Tables that belong to a meeting, parents first (the order rows are put back in).
_MEETING_TABLES = ("meetings", "meeting_edits", "articles", "article_texts", "topic_entries",
                   "entry_overrides", "quotes", "positions", "commitments")
_KEY = {"meetings": "id", "articles": "meeting_id", "article_texts": "article_id"}


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """Stored columns only: generated ones (hidden 2 or 3) cannot be written back."""
    return [r[1] for r in conn.execute(f"PRAGMA table_xinfo({table})") if r[6] == 0]


def _select(conn: sqlite3.Connection, table: str, where: str, params: tuple[Any, ...]) -> list[Row]:
    cols = _columns(conn, table)
    quoted = ", ".join(f'"{c}"' for c in cols)
    cur = conn.execute(f"SELECT {quoted} FROM {table} WHERE {where}", params)
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def snapshot(conn: sqlite3.Connection, meeting_id: int) -> Snapshot:
    """Every row that belongs to one meeting, enough to put it back exactly."""
    out: Snapshot = {}
    for table in _MEETING_TABLES:
        if table == "meetings":
            out[table] = _select(conn, table, "id = ?", (meeting_id,))
        elif table == "article_texts":
            out[table] = _select(
                conn, table, "article_id IN (SELECT id FROM articles WHERE meeting_id = ?)",
                (meeting_id,),
            )
        else:
            out[table] = _select(conn, table, "meeting_id = ?", (meeting_id,))
    return out


def _insert(conn: sqlite3.Connection, table: str, found: list[Row]) -> None:
    if not found:
        return
    cols = list(found[0])
    marks = ", ".join("?" * len(cols))
    quoted = ", ".join(f'"{c}"' for c in cols)
    conn.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({marks})",
                     [tuple(r[c] for c in cols) for r in found])


def restore(conn: sqlite3.Connection, snaps: list[Snapshot]) -> None:
    """Put snapshotted meetings back, ids and all. Quotes point at each other (duplicate_of),
    possibly across the snapshots of a merge, so that link is set once all are in."""
    for table in _MEETING_TABLES:
        for snap in snaps:
            found = snap.get(table, [])
            if table == "quotes":
                found = [{**r, "duplicate_of": None} for r in found]
            _insert(conn, table, found)
    links = [(r["duplicate_of"], r["id"]) for s in snaps for r in s.get("quotes", [])
             if r["duplicate_of"] is not None]
    conn.executemany("UPDATE quotes SET duplicate_of = ? WHERE id = ?", links)


def delete_meetings(conn: sqlite3.Connection, ids: list[int]) -> None:
    for mid in ids:
        # quotes first: their duplicate_of self-references would otherwise be rewritten row by row
        conn.execute("DELETE FROM quotes WHERE meeting_id = ?", (mid,))
        conn.execute("DELETE FROM meetings WHERE id = ?", (mid,))


def meeting_row(conn: sqlite3.Connection, meeting_id: int) -> Row:
    found = _select(conn, "meetings", "id = ?", (meeting_id,))
    if not found:
        raise StoreError(f"no meeting {meeting_id} in the store")
    return found[0]


def edits_row(conn: sqlite3.Connection, meeting_id: int) -> Row | None:
    found = _select(conn, "meeting_edits", "meeting_id = ?", (meeting_id,))
    return found[0] if found else None


def override_row(conn: sqlite3.Connection, meeting_id: int, topic_id: str) -> Row | None:
    found = _select(
        conn, "entry_overrides", "meeting_id = ? AND topic_id = ?", (meeting_id, topic_id)
    )
    return found[0] if found else None


QUOTE_EDIT_COLUMNS = ("speaker_override", "speaker_country_override", "country_overridden",
                      "topic_override", "topic_overridden", "dropped")


def quote_edit_row(conn: sqlite3.Connection, quote_id: int) -> Row:
    cols = ", ".join(QUOTE_EDIT_COLUMNS)
    row = conn.execute(f"SELECT id, meeting_id, {cols} FROM quotes WHERE id = ?",
                       (quote_id,)).fetchone()
    if row is None:
        raise StoreError(f"no quote {quote_id} in the store")
    return dict(row)


def record(
    conn: sqlite3.Connection, action: str, summary: str, meeting_id: int | None,
    before: dict[str, Any], after: dict[str, Any],
) -> int:
    """Write one entry; call inside the change's own transaction."""
    cur = conn.execute(
        "INSERT INTO journal (at, action, meeting_id, summary, before, after) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (datetime.now(UTC).isoformat(), action, meeting_id, summary, rows.dumps(before),
         rows.dumps(after)),
    )
    return int(cur.lastrowid or 0)


def _entry(r: sqlite3.Row, full: bool) -> JournalEntry:
    return JournalEntry(
        id=r["id"], at=datetime.fromisoformat(r["at"]), action=r["action"],
        meeting_id=r["meeting_id"], summary=r["summary"],
        before=json.loads(r["before"]) if full else {},
        after=json.loads(r["after"]) if full else {},
        undone_at=datetime.fromisoformat(r["undone_at"]) if r["undone_at"] else None,
    )


def entries(conn: sqlite3.Connection, *, limit: int | None = None,
            full: bool = True) -> list[JournalEntry]:
    """Newest first. `full=False` leaves before/after out (a log of large removals is big)."""
    sql = "SELECT * FROM journal ORDER BY id DESC"
    params: tuple[Any, ...] = ()
    if limit is not None:
        sql += " LIMIT ?"
        params = (limit,)
    return [_entry(r, full) for r in conn.execute(sql, params).fetchall()]


def latest_open(conn: sqlite3.Connection) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM journal WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return row


def mark_undone(conn: sqlite3.Connection, entry_id: int) -> None:
    conn.execute("UPDATE journal SET undone_at = ? WHERE id = ?",
                 (datetime.now(UTC).isoformat(), entry_id))


def to_entry(r: sqlite3.Row) -> JournalEntry:
    return _entry(r, True)
