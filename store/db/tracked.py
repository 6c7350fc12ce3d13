"""Stored tracking: each commitment's extracted state, kept in `commitment_tracking`.

Tracking a pair's commitments walks the pair's history (store/db/stances.py), about a
millisecond a meeting. Reads must not pay that each time, so its result is stored, one
row per commitment, read through the (dyad_key, state, due_date) index, and
`tracking_pairs` keeps how far each pair was walked. A pair is then in one of three
states:

- fresh: nothing to do;
- pending: meetings were added after the newest one walked (the usual `add`): the walk
  goes on from there, taking back the live commitments from the table;
- stale: something at or before that point changed (triggers of schema V7 mark it, in
  the transaction of the change, whatever the write), the pair was never walked, or an
  older tracker walked it (`TRACKER`): the walk starts over.

The user's state and note are never here: they stay on the commitment row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any, Literal

from store.db import rows
from store.models import Tracking

TRACKING_COLUMNS = "t.state, t.evidence, t.evidence_meeting_id, t.evidence_date, t.due_date"
# The tracker's version, stored with each pair it walks: bump it whenever the matching or
# the states of store/commitments.py change, so stores walk their pairs again on read.
TRACKER = 4
Freshness = Literal["fresh", "pending", "stale"]


def freshness(conn: sqlite3.Connection, key: str) -> tuple[Freshness, str]:
    """Where the pair's stored tracking stands, and the seq it was walked through."""
    if conn.execute("SELECT 1 FROM tracking_stale WHERE dyad_key = ?", (key,)).fetchone():
        return "stale", ""
    row = conn.execute("SELECT through_seq, tracker FROM tracking_pairs WHERE dyad_key = ?",
                       (key,)).fetchone()
    if row is None or row[1] != TRACKER:
        return "stale", ""
    newer = conn.execute("SELECT 1 FROM meetings WHERE dyad_key = ? AND seq > ? LIMIT 1",
                         (key, row[0])).fetchone()
    return ("pending" if newer else "fresh"), str(row[0])


def store(conn: sqlite3.Connection, key: str, found: Iterable[tuple[int, Tracking]],
          through: str, *, replace_all: bool) -> None:
    """Write the walk's result (inside the caller's transaction); `replace_all`: it walked
    the whole history, so every row of the pair is replaced."""
    if replace_all:
        conn.execute("DELETE FROM commitment_tracking WHERE dyad_key = ?", (key,))
    conn.executemany(
        """INSERT OR REPLACE INTO commitment_tracking (commitment_id, dyad_key, state,
               evidence, evidence_meeting_id, evidence_date, due_date)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [(cid, key, t.state, t.evidence, t.evidence_meeting_id, rows.iso(t.evidence_date),
          rows.iso(t.due_date)) for cid, t in found],
    )
    conn.execute(
        "INSERT OR REPLACE INTO tracking_pairs (dyad_key, through_seq, tracker) VALUES (?, ?, ?)",
        (key, through, TRACKER),
    )
    conn.execute("DELETE FROM tracking_stale WHERE dyad_key = ?", (key,))


def tracking_of(row: tuple[Any, ...]) -> Tracking:
    """The five TRACKING_COLUMNS as a Tracking."""
    state, evidence, meeting_id, when, due = row
    return Tracking(state=state, evidence=evidence, evidence_meeting_id=meeting_id,
                    evidence_date=rows.to_date(when), due_date=rows.to_date(due))

