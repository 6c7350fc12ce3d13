"""Positions and commitments: written with their article, re-read by reindex, listed, tracked.

Rows belong to an article (deleted with it) and to a meeting (moved by merge and split).
A commitment's extracted state comes from `tracking`, which walks the pair's meetings
oldest first, batch by batch (one query per table per batch), and asks the pure
tracker (`store/commitments.py`); its result is stored per pair (store/db/tracked.py)
and walked again only once the pair has changed. The user's state and note are columns of the row,
apart from the extracted ones; `reapply` keeps the row when reindex finds it again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache
from typing import Any

from store import commitments as tracker_mod
from store.db import journal, rows, tracked
from store.db.batches import BATCH, seq_of
from store.db.connection import transaction
from store.db.errors import StoreError
from store.db.queries import dyads as all_dyads
from store.db.queries import meeting_refs, tuples
from store.models import (
    Commitment,
    CommitmentState,
    MeetingDraft,
    MeetingRef,
    Position,
    StoredCommitment,
    StoredPosition,
    Tracking,
)

POSITION_COLUMNS = ('p.id, p.article_id, p.meeting_id, p.side, p.speaker, p.topic, p.kind, '
                    'p.text, p.paragraph, p.start, p."end", p.quote, m.meeting_date')
COMMITMENT_COLUMNS = ('c.id, c.article_id, c.meeting_id, c.parties, c.topic, c.text, c.due, '
                      'c.paragraph, c.start, c."end", c.manual_state, c.note, m.meeting_date, '
                      'm.title, m.dyad')


# --- writes, inside the caller's transaction ----------------------------------------------


def insert_positions(
    conn: sqlite3.Connection, meeting_id: int, article_id: int, positions: list[Position]
) -> None:
    if not positions:
        return
    conn.executemany(
        """INSERT INTO positions (article_id, meeting_id, side, speaker, topic, kind, text,
               paragraph, start, "end", quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(article_id, meeting_id, p.side, p.speaker, p.topic, p.kind, p.text, p.paragraph,
          p.start, p.end, p.quote) for p in positions],
    )


def _commitment_values(c: Commitment) -> tuple[Any, ...]:
    return (rows.dumps(c.parties), c.topic, c.text, c.due, c.paragraph, c.start, c.end)


def insert_commitments(
    conn: sqlite3.Connection, meeting_id: int, article_id: int, found: list[Commitment]
) -> None:
    if not found:
        return
    conn.executemany(
        """INSERT INTO commitments (article_id, meeting_id, parties, topic, text, due,
               paragraph, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(article_id, meeting_id, *_commitment_values(c)) for c in found],
    )


def match_commitments(old: list[sqlite3.Row], new: list[Commitment]) -> dict[int, int]:
    """Index in `new` -> old commitment id: same span and text, then same text, then same
    action words and topic (the extractor now cuts the clause a little differently)."""
    used: set[int] = set()
    out: dict[int, int] = {}
    keys = (
        lambda text, start, end, topic: (start, end, text),
        lambda text, start, end, topic: text,
        lambda text, start, end, topic: (topic, tuple(tracker_mod.content_words(text))),
    )
    for key in keys:
        index: dict[Any, int] = {}
        for r in old:
            if r["id"] not in used:
                index.setdefault(key(r["text"], r["start"], r["end"], r["topic"]), r["id"])
        for i, c in enumerate(new):
            if i in out:
                continue
            cid = index.get(key(c.text, c.start, c.end, c.topic))
            if cid is not None and cid not in used:
                out[i] = cid
                used.add(cid)
    return out


def reapply(
    conn: sqlite3.Connection, meeting_id: int, article_id: int, draft: MeetingDraft
) -> None:
    """Reindex: the article's positions are replaced; its commitments are matched so that a
    promise found again keeps its id, state and note, and one the user judged is never lost."""
    conn.execute("DELETE FROM positions WHERE meeting_id = ? AND article_id = ?",
                 (meeting_id, article_id))
    insert_positions(conn, meeting_id, article_id, draft.positions)
    old = conn.execute(
        """SELECT id, text, start, "end", topic, manual_state, note FROM commitments
           WHERE meeting_id = ? AND article_id = ?""", (meeting_id, article_id),
    ).fetchall()
    matched = match_commitments(old, draft.commitments)
    kept = set(matched.values())
    for r in old:
        if r["id"] not in kept and r["manual_state"] is None and r["note"] is None:
            conn.execute("DELETE FROM commitments WHERE id = ?", (r["id"],))
    for i, c in enumerate(draft.commitments):
        if i in matched:
            conn.execute(
                """UPDATE commitments SET parties = ?, topic = ?, text = ?, due = ?,
                       paragraph = ?, start = ?, "end" = ? WHERE id = ?""",
                (*_commitment_values(c), matched[i]),
            )
        else:
            insert_commitments(conn, meeting_id, article_id, [c])


def delete_article(conn: sqlite3.Connection, article_id: int) -> None:
    """An article's positions and commitments, before the article itself is deleted."""
    row = conn.execute("SELECT meeting_id FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return
    meeting_id = row[0]
    for table in ("positions", "commitments"):
        conn.execute(f"DELETE FROM {table} WHERE meeting_id = ? AND article_id = ?",
                     (meeting_id, article_id))


def move_meeting(conn: sqlite3.Connection, from_id: int, to_id: int) -> None:
    """Merge: every position and commitment of one meeting goes to another."""
    for table in ("positions", "commitments"):
        conn.execute(f"UPDATE {table} SET meeting_id = ? WHERE meeting_id = ?", (to_id, from_id))


def move_article(conn: sqlite3.Connection, from_id: int, article_id: int, to_id: int) -> None:
    """Split: an article's positions and commitments follow it to its new meeting."""
    for table in ("positions", "commitments"):
        conn.execute(f"UPDATE {table} SET meeting_id = ? WHERE meeting_id = ? AND article_id = ?",
                     (to_id, from_id, article_id))


# --- the user's state and note ----------------------------------------------------------------


def commitment_row(conn: sqlite3.Connection, commitment_id: int) -> dict[str, Any]:
    row = conn.execute(
        "SELECT id, meeting_id, manual_state, note FROM commitments WHERE id = ?",
        (commitment_id,),
    ).fetchone()
    if row is None:
        raise StoreError(f"no commitment {commitment_id} in the store (see `bilat commitments`)")
    return dict(row)


def set_commitment(
    conn: sqlite3.Connection, commitment_id: int, state: CommitmentState | None,
    note: str | None, *, clear: bool = False,
) -> None:
    """The user's state and/or note (None: leave as is; a note of '' removes it; `clear`: back
    to the extracted state). One transaction with its journal entry, so `undo` puts it back."""
    if state is not None and state not in tracker_mod.STATES:
        raise StoreError(f"unknown state {state!r} (choose from {', '.join(tracker_mod.STATES)})")
    with transaction(conn):
        before = commitment_row(conn, commitment_id)
        new_state = None if clear else (state if state is not None else before["manual_state"])
        new_note = (note or None) if note is not None else before["note"]
        conn.execute("UPDATE commitments SET manual_state = ?, note = ? WHERE id = ?",
                     (new_state, new_note, commitment_id))
        after = commitment_row(conn, commitment_id)
        what = new_state or "auto"
        journal.record(
            conn, "commitment",
            f"commitment {commitment_id}: {what}" + (f" (note: {new_note})" if new_note else ""),
            int(before["meeting_id"]), {"commitment": before}, {"commitment": after},
        )


def put_back(conn: sqlite3.Connection, before: dict[str, Any]) -> None:
    """Undo of `set_commitment`."""
    c = before["commitment"]
    cur = conn.execute("UPDATE commitments SET manual_state = ?, note = ? WHERE id = ?",
                       (c["manual_state"], c["note"], c["id"]))
    if cur.rowcount == 0:
        raise StoreError(f"commitment {c['id']} is no longer in the store")


# --- reads ------------------------------------------------------------------------------------


def _position(row: tuple[Any, ...]) -> StoredPosition:
    (pid, article_id, meeting_id, side, speaker, topic, kind, text, paragraph, start, end,
     quote, when) = row
    return StoredPosition(
        id=pid, article_id=article_id, meeting_id=meeting_id, side=side, speaker=speaker,
        topic=topic, kind=kind, text=text, paragraph=paragraph, start=start, end=end,
        quote=quote, meeting_date=rows.to_date(when),
    )


@lru_cache(maxsize=256)
def _countries(text: str) -> tuple[str, ...]:
    # A pair's rows repeat a handful of party and pair lists: parse each once.
    return tuple(json.loads(text))


def _commitment(row: tuple[Any, ...], found: Tracking | None = None,
                today: date | None = None) -> StoredCommitment:
    """A commitment row; with its tracking and the day, also the state shown and `overdue`
    (as `with_tracking` gives, built once: a pair's list is thousands of these)."""
    (cid, article_id, meeting_id, parties, topic, text, due, paragraph, start, end, manual,
     note, when, title, dyad) = row
    extra: dict[str, Any] = {}
    if found is not None and today is not None:
        state = manual or found.state
        extra = {"extracted": found, "state": state,
                 "overdue": tracker_mod.is_overdue(state, found.due_date, today)}
    return StoredCommitment(
        id=cid, article_id=article_id, meeting_id=meeting_id, parties=list(_countries(parties)),
        topic=topic, text=text, due=due, paragraph=paragraph, start=start, end=end,
        manual_state=manual, note=note, meeting_date=rows.to_date(when), meeting_title=title,
        dyad=list(_countries(dyad)), **extra,
    )


def positions(
    conn: sqlite3.Connection, topic: str, dyad: list[str] | None = None,
    side: str | None = None, limit: int = 1000,
) -> list[StoredPosition]:
    """A topic's positions, pair by pair (most meetings first), oldest meeting first;
    `side`: one country's (any case).

    The topic's meetings come from `board_cells` (index on pair, topic, order), their
    positions from the (meeting, article) index, so the cost is the topic's meetings."""
    where, params = "", tuple[str, ...]()
    if side:
        where, params = " AND p.side = ? COLLATE NOCASE", (side,)
    out: list[StoredPosition] = []
    for pair in ([sorted(dyad)] if dyad else all_dyads(conn)):
        found = tuples(
            conn,
            f"""SELECT {POSITION_COLUMNS} FROM board_cells b
                JOIN positions p ON p.meeting_id = b.meeting_id
                JOIN meetings m ON m.id = b.meeting_id
                WHERE b.dyad_key = ? AND b.topic_id = ? AND p.topic = ?{where}
                ORDER BY b.seq, p.article_id, p.start LIMIT ?""",
            (rows.dyad_key(pair), topic, topic, *params, limit - len(out)),
        ).fetchall()
        out.extend(_position(r) for r in found)
        if len(out) >= limit:
            break
    return out


def positions_at(
    conn: sqlite3.Connection, topic: str, meeting_ids: list[int]
) -> dict[int, list[StoredPosition]]:
    """A topic's positions at a page of meetings (the topic screen's lanes), by meeting: one
    query through the (meeting, article) index, so the cost is the page, not the history."""
    marks = ",".join("?" * len(meeting_ids)) or "NULL"
    out: dict[int, list[StoredPosition]] = {}
    for r in tuples(
        conn,
        f"""SELECT {POSITION_COLUMNS} FROM positions p JOIN meetings m ON m.id = p.meeting_id
            WHERE p.meeting_id IN ({marks}) AND p.topic = ?
            ORDER BY p.meeting_id, p.article_id, p.start""",
        (*meeting_ids, topic),
    ):
        p = _position(r)
        out.setdefault(p.meeting_id, []).append(p)
    return out


def stances_of(
    conn: sqlite3.Connection, meeting_ids: list[int]
) -> tuple[dict[int, list[StoredPosition]], dict[int, list[StoredCommitment]]]:
    """Positions and commitments of a batch of meetings: one query per table."""
    marks = ",".join("?" * len(meeting_ids)) or "NULL"
    pos: dict[int, list[StoredPosition]] = {}
    for r in tuples(
        conn,
        f"""SELECT {POSITION_COLUMNS} FROM positions p JOIN meetings m ON m.id = p.meeting_id
            WHERE p.meeting_id IN ({marks}) ORDER BY p.meeting_id, p.article_id, p.start""",
        meeting_ids,
    ):
        p = _position(r)
        pos.setdefault(p.meeting_id, []).append(p)
    com = commitments_of(conn, meeting_ids)
    return pos, com


def _sentences(batch: list[MeetingRef], texts: Iterable[tuple[Any, ...]]
               ) -> dict[int, list[tuple[str | None, str]]]:
    out: dict[int, list[tuple[str | None, str]]] = {m.id: [] for m in batch}
    for meeting_id, spans, text in texts:
        # Plain dicts, not Paragraph models: every article of the pair passes here.
        pieces = [(p.get("topics", []), text[p["start"]:p["end"]])
                  for p in json.loads(spans)] or [([], text)]
        for topics, chunk in pieces:
            for s in tracker_mod.sentences(chunk):
                named: list[str | None] = list(topics) or [None]
                for topic in named:
                    out[meeting_id].append((topic, s))
    return out


def tracking(conn: sqlite3.Connection, dyad: list[str], batch: int = BATCH
             ) -> list[tuple[StoredCommitment, Tracking]]:
    """Every commitment of the pair, oldest first, with what its later meetings say of it:
    the whole history walked (what the stored tracking is checked against)."""
    tracker = tracker_mod.Tracker()
    made, _ = _walk(conn, sorted(dyad), tracker, "", False, batch)
    results = tracker.results()
    return [(c, results[c.id]) for c in made]


def _walk(conn: sqlite3.Connection, pair: list[str], tracker: tracker_mod.Tracker,
          after_seq: str, following: bool, batch: int = BATCH,
          step: Callable[[str, int], None] | None = None,
          ) -> tuple[list[StoredCommitment], str]:
    """Feed the tracker the pair's meetings after `after_seq`, oldest first, a batch at a
    time: one query for the batch's meetings, one for their commitments, one for their
    articles' texts (read only once there is a commitment to follow). Returns the
    commitments those meetings made and the seq of the last meeting fed."""
    made_all: list[StoredCommitment] = []
    key = rows.dyad_key(pair)
    while True:
        refs = meeting_refs(conn, (
            "m.id IN (SELECT m.id FROM meetings m WHERE m.dyad_key = ? AND m.seq > ? "
            "ORDER BY m.seq LIMIT ?)", (key, after_seq, batch)))
        if not refs:
            break
        ids = [m.id for m in refs]
        found_by = commitments_of(conn, ids)
        texts: dict[int, list[tuple[str | None, str]]] = {}
        if following or found_by:
            marks = ",".join("?" * len(ids))
            texts = _sentences(refs, tuples(
                conn,
                f"""SELECT a.meeting_id, a.paragraph_spans, t.text FROM articles a
                    JOIN article_texts t ON t.article_id = a.id
                    WHERE a.meeting_id IN ({marks}) ORDER BY a.id""", ids,
            ))
        for m in refs:
            found = found_by.get(m.id, [])
            tracker.feed(
                tracker_mod.Later(m.id, m.meeting_date, texts.get(m.id, []), list(found),
                                  m.location),
                [(c.id, c) for c in found],
            )
            following = following or bool(found)
            made_all.extend(found)
        after_seq = seq_of(refs[-1])
        if step is not None:
            step(after_seq, len(refs))  # (tracked.Checkpoints)
    return made_all, after_seq


def _refresh(conn: sqlite3.Connection, pair: list[str]) -> bool:
    """Bring the pair's stored tracking up to date; False when the store cannot be written
    (read-only, or another writer holds it past the busy timeout)."""
    key = rows.dyad_key(pair)
    if tracked.freshness(conn, key)[0] == "fresh":
        return True
    try:
        with transaction(conn):
            state, through = tracked.freshness(conn, key)  # again, under the write lock
            if state == "stale":
                # From the checkpoint before the earliest change ("": the first meeting).
                tracker = tracker_mod.Tracker()
                start, following = tracked.resume(conn, key, tracker)
                marks = tracked.Checkpoints(conn, key, tracker, start)
                _, through = _walk(conn, pair, tracker, start, following, marks.batch, marks)
                tracked.store(conn, key, tracker.results().items(), through,
                              replace_all=not start)
            elif state == "pending":
                # Added after the last walk: go on from there with the promises still live.
                tracker = tracker_mod.Tracker()
                live = tracked.take_back(conn, key, tracker)
                marks = tracked.Checkpoints(conn, key, tracker, through)
                _, through = _walk(conn, pair, tracker, through, bool(live), marks.batch, marks)
                tracked.store(conn, key, tracker.results().items(), through, replace_all=False,
                              kept=live)
    except sqlite3.OperationalError:
        return False
    return True


def refresh(conn: sqlite3.Connection, dyad: list[str]) -> dict[int, Tracking] | None:
    """Exports' bulk read: the pair's stored tracking brought up to date once, so that each
    batch reads it with its commitments (`batches.commitment_rows`, one join). None when it
    is stored; the walk's own result, by commitment id, when the store cannot be written."""
    pair = sorted(dyad)
    if _refresh(conn, pair):
        return None
    return {c.id: t for c, t in tracking(conn, pair)}


def commitments_of(
    conn: sqlite3.Connection, meeting_ids: list[int]
) -> dict[int, list[StoredCommitment]]:
    """The commitments of a batch of meetings, by meeting: one query."""
    marks = ",".join("?" * len(meeting_ids)) or "NULL"
    com: dict[int, list[StoredCommitment]] = {}
    for r in tuples(
        conn,
        f"""SELECT {COMMITMENT_COLUMNS} FROM commitments c JOIN meetings m ON m.id = c.meeting_id
            WHERE c.meeting_id IN ({marks}) ORDER BY c.meeting_id, c.article_id, c.start""",
        meeting_ids,
    ):
        c = _commitment(r)
        com.setdefault(c.meeting_id, []).append(c)
    return com


def pair_keys_with_commitments(conn: sqlite3.Connection) -> list[list[str]]:
    """Pairs that have at least one commitment, most meetings first."""
    return [d for d in all_dyads(conn) if conn.execute(
        """SELECT 1 FROM meetings m WHERE m.dyad_key = ? AND EXISTS
               (SELECT 1 FROM commitments c WHERE c.meeting_id = m.id) LIMIT 1""",
        (rows.dyad_key(d),)).fetchone()]


def _tracked_rows(
    conn: sqlite3.Connection, pair: list[str], state: CommitmentState | None,
    *, today: date | None = None,
) -> list[tuple[StoredCommitment, Tracking]]:
    """The pair's commitments with their stored tracking, oldest first: an index read."""
    where, params = "", tuple[str, ...]()
    if state is not None:
        where, params = " AND COALESCE(c.manual_state, t.state) = ?", (state,)
    found = tuples(
        conn,
        f"""SELECT {COMMITMENT_COLUMNS}, {tracked.TRACKING_COLUMNS}
            FROM commitment_tracking t JOIN commitments c ON c.id = t.commitment_id
            JOIN meetings m ON m.id = c.meeting_id
            WHERE t.dyad_key = ?{where} ORDER BY m.seq, c.article_id, c.start""",
        (rows.dyad_key(sorted(pair)), *params),
    ).fetchall()
    n = len(COMMITMENT_COLUMNS.split(","))
    out = []
    for r in found:
        t = tracked.tracking_of(r[n:])
        out.append((_commitment(r[:n], t, today), t))
    return out


def _tracked(conn: sqlite3.Connection, pair: list[str], state: CommitmentState | None,
             today: date | None = None) -> list[tuple[StoredCommitment, Tracking]]:
    """`_tracked_rows` after a refresh; the walk's own result when the store cannot be
    written (it still answers, and the next read that can write stores it)."""
    if _refresh(conn, sorted(pair)):
        return _tracked_rows(conn, pair, state, today=today)
    return [(tracker_mod.with_tracking(c, t, today) if today else c, t)
            for c, t in tracking(conn, pair)
            if state is None or (c.manual_state or t.state) == state]


def stored_tracking(conn: sqlite3.Connection, dyad: list[str]) -> dict[int, Tracking]:
    """Each commitment of the pair (by id) with its tracking, refreshed first if stale."""
    return {c.id: t for c, t in _tracked(conn, dyad, None)}


def commitments(
    conn: sqlite3.Connection, dyad: list[str] | None, state: CommitmentState | None,
    today: date,
) -> list[StoredCommitment]:
    """Commitments of a pair (None: every pair), oldest first, each tracked; `state`: only
    those in that state (the user's when set, else the extracted one).

    The tracking is stored (store/db/tracked.py): a pair's history is walked once after it
    changes, not on every read."""
    out: list[StoredCommitment] = []
    for pair in ([sorted(dyad)] if dyad else pair_keys_with_commitments(conn)):
        out.extend(c for c, _ in _tracked(conn, pair, state, today))
    return out


def overdue_topics(conn: sqlite3.Connection, dyad: list[str], today: date) -> set[str | None]:
    """Topics of the pair with an open commitment past its due date (the user's state first):
    the board's mark. An index range on (pair, state, due date)."""
    if not _refresh(conn, sorted(dyad)):
        return {c.topic for c, t in tracking(conn, dyad)
                if tracker_mod.is_overdue(c.manual_state or t.state, t.due_date, today)}
    found = tuples(
        conn,
        """SELECT DISTINCT c.topic FROM commitment_tracking t
           JOIN commitments c ON c.id = t.commitment_id
           WHERE t.dyad_key = ? AND t.due_date < ?
             AND COALESCE(c.manual_state, t.state) = 'open'""",
        (rows.dyad_key(sorted(dyad)), today.isoformat()),
    ).fetchall()
    return {r[0] for r in found}


def commitment(conn: sqlite3.Connection, commitment_id: int, today: date) -> StoredCommitment:
    """One commitment with its stored tracking (its pair refreshed first if stale)."""
    row = tuples(
        conn, "SELECT m.dyad FROM commitments c JOIN meetings m ON m.id = c.meeting_id "
        "WHERE c.id = ?", (commitment_id,),
    ).fetchone()
    if row is None:
        raise StoreError(f"no commitment {commitment_id} in the store (see `bilat commitments`)")
    pair = json.loads(row[0])
    if not _refresh(conn, sorted(pair)):
        for c, found in tracking(conn, pair):
            if c.id == commitment_id:
                return tracker_mod.with_tracking(c, found, today)
    else:
        hit = tuples(
            conn,
            f"""SELECT {COMMITMENT_COLUMNS}, {tracked.TRACKING_COLUMNS}
                FROM commitments c JOIN meetings m ON m.id = c.meeting_id
                JOIN commitment_tracking t ON t.commitment_id = c.id WHERE c.id = ?""",
            (commitment_id,),
        ).fetchone()
        if hit is not None:
            n = len(COMMITMENT_COLUMNS.split(","))
            return tracker_mod.with_tracking(_commitment(hit[:n]), tracked.tracking_of(hit[n:]),
                                             today)
    raise StoreError(f"no commitment {commitment_id} in the store")  # pragma: no cover
