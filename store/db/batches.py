"""Reads for exports: a store's history in batches, one query per table per batch.

An export walks the whole store, so it must not hold it: each function here
returns one batch, resumed from where the last one ended (a keyset on
`meetings.seq`, or on the meeting date), never an OFFSET and never one query per
meeting. Date ranges become ranges of `seq` (its text starts with the date), so
they are index ranges too.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from store.db import rows
from store.db.queries import entry_views, ids_scope, meeting_refs, tuples
from store.models import EntryView, MeetingRef

BATCH = 1000


def seq_of(ref: MeetingRef) -> str:
    """The meeting's `seq` (schema v4): its place in MEETING_ORDER as one sortable text."""
    day = ref.meeting_date.isoformat() if ref.meeting_date else ""
    return f"{int(ref.meeting_date is None)}{day}{ref.id:012d}"


def seq_range(since: date | None, until: date | None) -> tuple[str, str]:
    """(low, high): `seq` strictly between them is a meeting in the date range.

    Without a range every meeting is in (undated ones too); with one, undated
    meetings are out, as `Scope.takes_date` says.
    """
    low = f"0{since.isoformat()}" if since else ""
    if until is not None:
        high = f"0{until.isoformat()}~"  # '~' sorts after every digit: the whole day is in
    else:
        high = "1" if since is not None else "2"
    return low, high


def _topic_filter(topic_ids: tuple[str, ...] | None) -> tuple[str, tuple[Any, ...]]:
    """A condition on `m`: the meeting raised one of the topics (none: every meeting)."""
    if topic_ids is None:
        return "", ()
    marks = ",".join("?" * len(topic_ids)) or "NULL"
    return (
        f" AND EXISTS (SELECT 1 FROM board_cells b WHERE b.meeting_id = m.id "
        f"AND b.topic_id IN ({marks}))",
        tuple(topic_ids),
    )


def meeting_count(
    conn: sqlite3.Connection, pair: list[str], topic_ids: tuple[str, ...] | None,
    since: date | None, until: date | None,
) -> int:
    """Meetings of the pair in scope: in the date range and, with topics, raising one."""
    low, high = seq_range(since, until)
    extra, params = _topic_filter(topic_ids)
    found = tuples(
        conn,
        f"""SELECT count(*) FROM meetings m WHERE m.dyad_key = ? AND m.seq > ? AND m.seq < ?
            {extra}""",
        (rows.dyad_key(pair), low, high, *params),
    ).fetchone()
    return int(found[0])


def meeting_batch(
    conn: sqlite3.Connection, pair: list[str], topic_ids: tuple[str, ...] | None,
    since: date | None, until: date | None, after: MeetingRef | None, limit: int = BATCH,
) -> list[MeetingRef]:
    """The next `limit` meetings of the pair in scope after `after`, in MEETING_ORDER."""
    low, high = seq_range(since, until)
    if after is not None:
        low = max(low, seq_of(after))
    extra, params = _topic_filter(topic_ids)
    return meeting_refs(
        conn,
        (
            f"""m.id IN (SELECT m.id FROM meetings m WHERE m.dyad_key = ? AND m.seq > ?
                AND m.seq < ? {extra} ORDER BY m.seq LIMIT ?)""",
            (rows.dyad_key(pair), low, high, *params, limit),
        ),
    )


def topic_batch(
    conn: sqlite3.Connection, pair: list[str], topic_id: str, names: dict[str, str],
    since: date | None, until: date | None, after: MeetingRef | None, limit: int = BATCH,
) -> list[EntryView]:
    """The next `limit` entries of a topic for the pair, oldest first, after `after`."""
    low, high = seq_range(since, until)
    if after is not None:
        low = max(low, seq_of(after))
    ids = [
        r[0]
        for r in tuples(
            conn,
            """SELECT meeting_id FROM board_cells WHERE dyad_key = ? AND topic_id = ?
               AND seq > ? AND seq < ? ORDER BY seq LIMIT ?""",
            (rows.dyad_key(pair), topic_id, low, high, limit),
        )
    ]
    return _views(conn, ids, names, topic_id)


def _views(
    conn: sqlite3.Connection, ids: list[int], names: dict[str, str], topic_id: str | None
) -> list[EntryView]:
    if not ids:
        return []
    scope = ids_scope(ids)
    refs = meeting_refs(conn, scope)
    views = entry_views(conn, {r.id: r for r in refs}, scope, names, topic_id)
    order = {r.id: i for i, r in enumerate(refs)}
    topic_order = {t: i for i, t in enumerate(names)}
    return sorted(
        views.values(),
        key=lambda v: (order[v.meeting.id], topic_order.get(v.topic_id, len(topic_order))),
    )


def entries_of(
    conn: sqlite3.Connection, meetings: list[MeetingRef], names: dict[str, str]
) -> list[EntryView]:
    """Every entry of these meetings, by meeting (in the order given), then topic order."""
    if not meetings:
        return []
    scope = ids_scope([m.id for m in meetings])
    views = entry_views(conn, {m.id: m for m in meetings}, scope, names)
    order = {m.id: i for i, m in enumerate(meetings)}
    topic_order = {t: i for i, t in enumerate(names)}
    return sorted(
        views.values(),
        key=lambda v: (order[v.meeting.id], topic_order.get(v.topic_id, len(topic_order))),
    )


def dated_batch(
    conn: sqlite3.Connection, topic_ids: tuple[str, ...] | None,
    since: date | None, until: date | None, after: date | None, limit: int = BATCH,
) -> list[MeetingRef]:
    """Dated meetings of every pair, by date then id: about `limit` of them, after the day
    `after`, always whole days (a day is never split across two batches)."""
    extra, params = _topic_filter(topic_ids)
    where = ["m.meeting_date IS NOT NULL"]
    args: list[Any] = []
    for cond, value in (("m.meeting_date > ?", after), ("m.meeting_date >= ?", since),
                        ("m.meeting_date <= ?", until)):
        if value is not None:
            where.append(cond)
            args.append(value.isoformat())
    cond = " AND ".join(where) + extra
    head = meeting_refs(
        conn,
        (
            f"""m.id IN (SELECT m.id FROM meetings m WHERE {cond}
                ORDER BY m.meeting_date, m.id LIMIT ?)""",
            (*args, *params, limit),
        ),
    )
    if len(head) < limit:
        return _by_date(head)
    last = max(m.meeting_date for m in head if m.meeting_date is not None)
    rest = meeting_refs(
        conn,
        (
            f"m.meeting_date = ? AND m.id NOT IN ({','.join('?' * len(head))}) {extra}",
            (last.isoformat(), *(m.id for m in head), *params),
        ),
    )
    return _by_date(head + rest)


def _by_date(refs: list[MeetingRef]) -> list[MeetingRef]:
    return sorted(refs, key=lambda m: (m.meeting_date or date.min, m.id))
