"""Stored tracking: each commitment's extracted state, kept in `commitment_tracking`.

Tracking a pair's commitments walks the pair's history (store/db/stances.py), about a
millisecond a meeting. Reads must not pay that each time, so its result is stored, one
row per commitment, read through the (dyad_key, state, due_date) index, and
`tracking_pairs` keeps how far each pair was walked. A pair is then in one of three
states:

- fresh: nothing to do;
- pending: meetings were added after the newest one walked (the usual `add`): the walk
  goes on from there, taking back the live commitments from the table;
- stale: something at or before that point changed (triggers of schema V7/V9 mark it, in
  the transaction of the change, whatever the write, and keep the earliest meeting
  changed): the walk resumes from the newest checkpoint before that meeting (`resume`).
  A pair never walked, or walked by an older tracker (`TRACKER`), starts over.

Checkpoints: a walk stores its state every CHECKPOINT_EVERY meetings near the end of the
pair's history, sparser further back (`Checkpoints`, in `tracking_checkpoints`): the
tracking of every commitment still live then (superseded is final, and its stored row
stays right). An article dated inside the history then costs the meetings from the
checkpoint before it onward, plus taking back the live promises, not the pair's whole
history. A checkpoint at or after a changed meeting is dropped.

The user's state and note are never here: they stay on the commitment row.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable
from typing import Any, Literal

from store import commitments as tracker_mod
from store.db import rows
from store.db.batches import BATCH
from store.models import Commitment, Tracking

TRACKING_COLUMNS = "t.state, t.evidence, t.evidence_meeting_id, t.evidence_date, t.due_date"
# The tracker's version, stored with each pair it walks: bump it whenever the matching or
# the states of store/commitments.py change, so stores walk their pairs again on read.
TRACKER = 6
Freshness = Literal["fresh", "pending", "stale"]
# Meetings between two checkpoints of a pair's walk near its newest meeting (see
# `Checkpoints`): a walk resumed there costs up to this many meetings more than the ones
# from the change on (about half a millisecond each), and taking back the live promises.
CHECKPOINT_EVERY = 2000
SPREAD = 2  # further back, the gap between checkpoints is half the way to the end


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
          through: str, *, replace_all: bool, kept: dict[int, Tracking] | None = None) -> None:
    """Write the walk's result (inside the caller's transaction); `replace_all`: it walked
    the whole history, so every row of the pair is replaced; `kept`: what `take_back` gave
    the tracker, whose rows are left alone where the walk gave the same tracking back."""
    if replace_all:
        conn.execute("DELETE FROM commitment_tracking WHERE dyad_key = ?", (key,))
    same = kept or {}
    conn.executemany(
        """INSERT OR REPLACE INTO commitment_tracking (commitment_id, dyad_key, state,
               evidence, evidence_meeting_id, evidence_date, due_date)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [(cid, key, t.state, t.evidence, t.evidence_meeting_id, rows.iso(t.evidence_date),
          rows.iso(t.due_date)) for cid, t in found if same.get(cid) is not t],
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


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> sqlite3.Cursor:
    cur = conn.cursor()
    cur.row_factory = None  # plain tuples: these reads take every live promise of the pair
    return cur.execute(sql, params)


def _promise(topic: str | None, text: str, due: str | None) -> Commitment:
    # model_construct: the fields the tracker reads, from our own rows (a resumed walk takes
    # back every live promise of the pair: validation was most of its cost)
    return Commitment.model_construct(parties=[], topic=topic, text=text, due=due,
                                      paragraph=0, start=0, end=0)


def take_back(conn: sqlite3.Connection, key: str, tracker: tracker_mod.Tracker
              ) -> dict[int, Tracking]:
    """A pending pair (meetings added after the newest walked): every live commitment goes
    back to `tracker` as stored, so the walk goes on from there. Returns what each was
    given (`store` leaves the rows of those the walk does not change). One tracking per
    distinct stored one: the members of a repeated promise share theirs."""
    kinds: dict[tuple[Any, ...], Tracking] = {}
    out: dict[int, Tracking] = {}
    for cid, topic, text, due, *stored in _rows(
        conn,
        f"""SELECT c.id, c.topic, c.text, c.due, {TRACKING_COLUMNS}
            FROM commitment_tracking t JOIN commitments c ON c.id = t.commitment_id
            JOIN meetings m ON m.id = c.meeting_id
            WHERE t.dyad_key = ? AND t.state != 'superseded'
            ORDER BY m.seq, c.article_id, c.start""", (key,),
    ):
        row = tuple(stored)
        found = kinds.get(row)
        if found is None:
            found = kinds[row] = tracking_of(row)
        tracker.resume(cid, _promise(topic, text, due), found)
        out[cid] = found
    return out


# --- checkpoints: resuming a walk from inside the history -------------------------------------


def encode_state(found: Iterable[tuple[int, Tracking]]) -> bytes:
    """The live commitments' tracking as stored in a checkpoint: each distinct tracking once
    (the members of a repeated promise share theirs), then the ids and their indexes."""
    kinds: dict[tuple[Any, ...], int] = {}
    ids: list[int] = []
    which: list[int] = []
    for cid, t in found:
        if t.state == "superseded":
            continue  # final: its stored row stays, nothing to take back
        ids.append(cid)
        # (dates made text once per distinct tracking, below: this runs for every member)
        which.append(kinds.setdefault(
            (t.state, t.evidence, t.evidence_meeting_id, t.evidence_date, t.due_date),
            len(kinds)))
    table = [(state, evidence, mid, rows.iso(day), rows.iso(due))
             for state, evidence, mid, day, due in kinds]
    body = json.dumps({"t": table, "c": ids, "i": which}, separators=(",", ":"))
    return zlib.compress(body.encode("utf-8"), 1)


def decode_state(blob: bytes) -> dict[int, Tracking]:
    """`encode_state` read back: commitment id -> its tracking at the checkpoint."""
    body = json.loads(zlib.decompress(blob))
    kinds = [tracking_of(tuple(k)) for k in body["t"]]
    out: dict[int, Tracking] = {}
    for cid, k in zip(body["c"], body["i"], strict=True):
        out[cid] = kinds[k]
    return out


def _stale_from(conn: sqlite3.Connection, key: str) -> str | None:
    """The earliest meeting changed since the pair was walked (its seq); None: unknown, or a
    pair that must start over (never walked, or walked by an older tracker)."""
    row = conn.execute("SELECT tracker FROM tracking_pairs WHERE dyad_key = ?",
                       (key,)).fetchone()
    if row is None or row[0] != TRACKER:
        return None
    stale = conn.execute("SELECT from_seq FROM tracking_stale WHERE dyad_key = ?",
                         (key,)).fetchone()
    return stale[0] if stale is not None else None


def resume(conn: sqlite3.Connection, key: str, tracker: tracker_mod.Tracker) -> tuple[str, bool]:
    """Before walking a stale pair (inside the caller's transaction): drop the checkpoints the
    change invalidated and give the newest one left to `tracker`. Returns the seq to walk on
    from ("": from the first meeting, every stored row of the pair to be replaced) and
    whether a commitment is live there (the walk then reads texts from its first meeting)."""
    since = _stale_from(conn, key)
    if since is None:
        conn.execute("DELETE FROM tracking_checkpoints WHERE dyad_key = ?", (key,))
        return "", False
    conn.execute("DELETE FROM tracking_checkpoints WHERE dyad_key = ? AND through_seq >= ?",
                 (key, since))
    row = conn.execute(
        """SELECT through_seq, state FROM tracking_checkpoints WHERE dyad_key = ?
           ORDER BY through_seq DESC LIMIT 1""", (key,)).fetchone()
    if row is None:
        return "", False
    through, live = row[0], decode_state(row[1])
    # The commitments made up to the checkpoint, in the walk's order; the live ones go back
    # to the tracker as the checkpoint left them (the others were superseded: final).
    for cid, topic, text, due in _rows(
        conn,
        """SELECT c.id, c.topic, c.text, c.due FROM meetings m
           JOIN commitments c ON c.meeting_id = m.id
           WHERE m.dyad_key = ? AND m.seq <= ? ORDER BY m.seq, c.article_id, c.start""",
        (key, through),
    ):
        found = live.get(cid)
        if found is not None:
            tracker.resume(cid, _promise(topic, text, due), found)
    return through, bool(live)


class Checkpoints:
    """Called by the walk after each batch (seq of its last meeting, meetings in it): stores
    the tracker's state once enough meetings were fed since the last checkpoint.

    A checkpoint costs a tracking per commitment made so far (about a second at 80,000
    meetings, the walk of 1,500 meetings): one every CHECKPOINT_EVERY meetings over a
    long history doubled the walk. So they are dense where adds land, near the end
    of the history, and sparser the further back: the gap is at least a SPREAD-th of the
    distance to the newest meeting. An add `d` meetings before the end then walks at most
    d + d/SPREAD + CHECKPOINT_EVERY meetings, and a whole walk of 80,000 takes about ten."""

    def __init__(self, conn: sqlite3.Connection, key: str, tracker: tracker_mod.Tracker,
                 start: str) -> None:
        self.conn, self.key, self.tracker = conn, key, tracker
        self.every = CHECKPOINT_EVERY  # (read here, not at import: tests take a smaller one)
        # the walk's batch: a checkpoint is taken between two batches
        self.batch = min(BATCH, self.every)
        last = conn.execute(
            "SELECT max(through_seq) FROM tracking_checkpoints WHERE dyad_key = ?",
            (key,)).fetchone()[0] or ""
        count = "SELECT count(*) FROM meetings WHERE dyad_key = ? AND seq > ? AND seq <= ?"
        # meetings already walked since the last checkpoint (a walk going on after adds),
        # and still to walk
        self.fed = conn.execute(count, (key, last, start)).fetchone()[0] if start else 0
        self.left = conn.execute(count, (key, start, "~")).fetchone()[0]

    def __call__(self, through: str, fed: int) -> None:
        self.fed += fed
        self.left -= fed
        if self.fed < max(self.every, self.left // SPREAD):
            return
        self.conn.execute(
            "INSERT OR REPLACE INTO tracking_checkpoints (dyad_key, through_seq, state) "
            "VALUES (?, ?, ?)", (self.key, through, encode_state(self.tracker.results().items())))
        self.fed = 0
