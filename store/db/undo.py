"""Undo: revert the latest journal entry not yet undone, in one transaction.

How each kind of entry is put back is described in `journal.py`; here is the code.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from store.db import journal, stances
from store.db.connection import transaction
from store.db.errors import StoreError
from store.db.writes import refresh_cells, refresh_duplicates, refresh_from_articles
from store.models import JournalEntry


def _put_meeting_state(conn: sqlite3.Connection, before: dict[str, Any]) -> None:
    row = before["meeting"]
    mid = row["id"]
    if conn.execute("SELECT 1 FROM meetings WHERE id = ?", (mid,)).fetchone() is None:
        raise StoreError(f"meeting {mid} is no longer in the store")
    cols = [c for c in row if c != "id"]
    conn.execute(f"UPDATE meetings SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                 (*(row[c] for c in cols), mid))
    conn.execute("DELETE FROM meeting_edits WHERE meeting_id = ?", (mid,))
    if before.get("edits"):
        journal.restore(conn, [{"meeting_edits": [before["edits"]]}])


def _put_override(conn: sqlite3.Connection, meeting_id: int, before: dict[str, Any]) -> None:
    conn.execute("DELETE FROM entry_overrides WHERE meeting_id = ? AND topic_id = ?",
                 (meeting_id, before["topic_id"]))
    if before.get("override"):
        journal.restore(conn, [{"entry_overrides": [before["override"]]}])
    refresh_cells(conn, meeting_id)


def _put_quote(conn: sqlite3.Connection, before: dict[str, Any]) -> None:
    q = before["quote"]
    cols = journal.QUOTE_EDIT_COLUMNS
    cur = conn.execute(f"UPDATE quotes SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                       (*(q[c] for c in cols), q["id"]))
    if cur.rowcount == 0:
        raise StoreError(f"quote {q['id']} is no longer in the store")
    refresh_duplicates(conn, int(q["meeting_id"]))


def _unadd(conn: sqlite3.Connection, before: dict[str, Any], after: dict[str, Any]) -> None:
    article_id, meeting_id = after["article_id"], after["meeting_id"]
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
        raise StoreError(f"the article it added ({article_id}) is no longer in the store")
    conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
    stances.delete_article(conn, article_id)
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    if after["new_meeting"]:
        journal.delete_meetings(conn, [meeting_id])
        return
    _put_meeting_state(conn, {"meeting": before["meeting"],
                              "edits": journal.edits_row(conn, meeting_id)})
    refresh_duplicates(conn, meeting_id)
    refresh_cells(conn, meeting_id)


def _unstructure(conn: sqlite3.Connection, before: dict[str, Any], after: dict[str, Any]) -> None:
    journal.delete_meetings(conn, [int(i) for i in after.get("meeting_ids", [])])
    journal.restore(conn, before.get("meetings", []))


def undo(conn: sqlite3.Connection) -> JournalEntry | None:
    """Revert the latest change not yet undone; None when there is nothing left to undo."""
    label = "the latest change"
    try:
        with transaction(conn):
            row = journal.latest_open(conn)
            if row is None:
                return None
            entry = journal.to_entry(row)
            label = f"“{entry.summary}”"
            before, after = entry.before, entry.after
            if entry.action in ("edit", "participants", "confirm"):
                _put_meeting_state(conn, before)
                # Articles may have been re-read since: participants from them and the edits.
                refresh_from_articles(conn, int(before["meeting"]["id"]))
            elif entry.action == "set-status":
                _put_override(conn, int(entry.meeting_id or 0), before)
            elif entry.action == "quote":
                _put_quote(conn, before)
            elif entry.action == "commitment":
                stances.put_back(conn, before)
            elif entry.action == "add":
                _unadd(conn, before, after)
            else:  # rm, rm-source, merge, split, import
                _unstructure(conn, before, after)
            journal.mark_undone(conn, entry.id)
    except sqlite3.IntegrityError as exc:
        raise StoreError(f"cannot undo: the store has changed since ({exc}); nothing was undone"
                         ) from None
    except StoreError as exc:
        raise StoreError(f"cannot undo {label}: {exc}; nothing was undone") from None
    return entry
