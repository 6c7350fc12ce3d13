"""Stored tracking: each commitment's extracted state, kept in `commitment_tracking`.

Tracking a pair's commitments walks the pair's whole history (store/db/stances.py
`tracking`), about a millisecond a meeting. Reads must not pay that each time, so its
result is stored, one row per commitment, and read through the (dyad_key, state,
due_date) index. Triggers (schema V7) put a pair in `tracking_stale` whenever something
the walk reads changes, in the same transaction as the change, whatever the write; the
first read of a stale pair walks it once and stores the result. The user's state and note
are never here: they stay on the commitment row.

A store that cannot be written (read-only folder, another writer holding the lock past
the busy timeout) still answers: the walk's result is used without being stored.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from store.db import rows
from store.db.connection import transaction
from store.models import StoredCommitment, Tracking

# (conn, pair) -> every commitment of the pair with its tracking, oldest first.
Walk = Callable[[sqlite3.Connection, list[str]], list[tuple[StoredCommitment, Tracking]]]

TRACKING_COLUMNS = "t.state, t.evidence, t.evidence_meeting_id, t.evidence_date, t.due_date"


def is_stale(conn: sqlite3.Connection, pair: list[str]) -> bool:
    key = rows.dyad_key(sorted(pair))
    return conn.execute("SELECT 1 FROM tracking_stale WHERE dyad_key = ?", (key,)
                        ).fetchone() is not None


def _store(conn: sqlite3.Connection, key: str,
           found: Iterable[tuple[StoredCommitment, Tracking]]) -> None:
    conn.execute("DELETE FROM commitment_tracking WHERE dyad_key = ?", (key,))
    conn.executemany(
        """INSERT OR REPLACE INTO commitment_tracking (commitment_id, dyad_key, state,
               evidence, evidence_meeting_id, evidence_date, due_date)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [(c.id, key, t.state, t.evidence, t.evidence_meeting_id, rows.iso(t.evidence_date),
          rows.iso(t.due_date)) for c, t in found],
    )
    conn.execute("DELETE FROM tracking_stale WHERE dyad_key = ?", (key,))


def ensure(conn: sqlite3.Connection, pair: list[str], walk: Walk
           ) -> list[tuple[StoredCommitment, Tracking]] | None:
    """Make the pair's stored tracking current. None when the table can be read; the walk's
    result when it was stale and the store could not be written (use that instead)."""
    pair = sorted(pair)
    if not is_stale(conn, pair):
        return None
    key = rows.dyad_key(pair)
    try:
        with transaction(conn):
            # Read again under the write lock: another bilat may have refreshed it.
            if not is_stale(conn, pair):
                return None
            _store(conn, key, walk(conn, pair))
    except sqlite3.OperationalError:
        return walk(conn, pair)
    return None


def tracking_of(row: tuple[Any, ...]) -> Tracking:
    """The five TRACKING_COLUMNS as a Tracking."""
    state, evidence, meeting_id, when, due = row
    return Tracking(state=state, evidence=evidence, evidence_meeting_id=meeting_id,
                    evidence_date=rows.to_date(when), due_date=rows.to_date(due))
