"""Reads for exports: a store's history in batches, one query per table per batch.

An export walks the whole store, so it must not hold it: each function here
returns one batch, resumed from where the last one ended (a keyset on
`meetings.seq`, or on the meeting date), never an OFFSET and never one query per
meeting. Date ranges become ranges of `seq` (its text starts with the date), so
they are index ranges too.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from store.db import rows
from store.db.merge import entry_rank, merge_figures
from store.db.queries import meeting_refs, tuples
from store.models import MeetingRef

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


# --- raw rows: what the exports write, as plain tuples ------------------------------------
#
# An export of 10,000 meetings reads about 250,000 rows (entries, quotes, positions,
# commitments); a pydantic model per row, then formatting it, was most of its time. These
# readers give the rows as tuples, one query per table per batch, the values already as
# the formats print them. Each shape mirrors a model field for field (named beside it);
# tests/store_db/test_export_rows.py validates what they return against those models.

# id, title, meeting_date (ISO text or None), location, dyad, sources (outlets), seq
#                                                                                 (MeetingRef)
Meeting = tuple[int, str, str | None, str | None, tuple[str, ...], tuple[str, ...], str]
# id, text, speaker, speaker_country, source (the outlet)                          (StoredQuote)
Quote = tuple[int, str, str | None, str | None, str | None]
# meeting, topic_id, status, extracted_status, overridden, note, evidence,
# figures (each "text noun", as shown), quotes                                      (EntryView)
Entry = tuple[Meeting, str, str, str, bool, str | None, str, list[str], list[Quote]]
# side, speaker, topic, kind, text                                              (StoredPosition)
Position = tuple[str | None, str | None, str | None, str, str]
# id, topic, text, parties, due, note, manual_state, then its Tracking: state, evidence,
# evidence_date (ISO), due_date (ISO)                                          (StoredCommitment)
Commitment = tuple[
    int, str | None, str, tuple[str, ...], str | None, str | None, str | None,
    str | None, str | None, str | None, str | None,
]

_MEETING_RAW = "m.id, m.title, m.meeting_date, m.location, m.dyad, m.sources, m.seq"
# The same read through a board cell: its stored copy of `seq` (meetings.seq is a virtual
# column, computed per row by printf: a third of this read's time on 50,000 cells).
_MEETING_BY_CELL = _MEETING_RAW.replace("m.seq", "b.seq")


def _meeting(row: tuple[Any, ...]) -> Meeting:
    mid, title, when, location, dyad, sources, seq = row
    return (mid, title, when, location, rows._json_tuple(dyad), rows._json_tuple(sources), seq)


def meeting_rows(
    conn: sqlite3.Connection, pair: list[str], topic_ids: tuple[str, ...] | None,
    since: date | None, until: date | None, after_seq: str | None, limit: int = BATCH,
) -> list[Meeting]:
    """`meeting_batch` as raw rows: the pair's next meetings in scope after `after_seq`."""
    low, high = seq_range(since, until)
    if after_seq is not None:
        low = max(low, after_seq)
    extra, params = _topic_filter(topic_ids)
    found = tuples(
        conn,
        f"""SELECT {_MEETING_RAW} FROM meetings m WHERE m.dyad_key = ? AND m.seq > ?
            AND m.seq < ? {extra} ORDER BY m.seq LIMIT ?""",
        (rows.dyad_key(pair), low, high, *params, limit),
    )
    return [_meeting(r) for r in found]


def dated_rows(
    conn: sqlite3.Connection, topic_ids: tuple[str, ...] | None,
    since: date | None, until: date | None, after: str | None, limit: int = BATCH,
) -> list[Meeting]:
    """`dated_batch` as raw rows: dated meetings of every pair after the day `after` (ISO),
    by date then id, whole days."""
    extra, params = _topic_filter(topic_ids)
    where = ["m.meeting_date IS NOT NULL"]
    args: list[Any] = []
    for cond, value in (("m.meeting_date > ?", after),
                        ("m.meeting_date >= ?", since.isoformat() if since else None),
                        ("m.meeting_date <= ?", until.isoformat() if until else None)):
        if value is not None:
            where.append(cond)
            args.append(value)
    cond = " AND ".join(where) + extra
    head = [_meeting(r) for r in tuples(
        conn,
        f"""SELECT {_MEETING_RAW} FROM meetings m WHERE {cond}
            ORDER BY m.meeting_date, m.id LIMIT ?""",
        (*args, *params, limit),
    )]
    if len(head) < limit:
        return head
    last = head[-1][2]
    rest = [_meeting(r) for r in tuples(
        conn,
        f"""SELECT {_MEETING_RAW} FROM meetings m WHERE m.meeting_date = ? AND m.id > ? {extra}
            ORDER BY m.id""",
        (last, head[-1][0], *params),
    )]
    return head + rest


def _ids(meetings: list[Meeting]) -> tuple[str, list[int]]:
    ids = [m[0] for m in meetings]
    return ",".join("?" * len(ids)) or "NULL", ids


def _figure_texts(figures: str) -> list[str]:
    if figures == "[]":
        return []
    return [f"{f['text']} {f.get('noun', '')}".strip() for f in json.loads(figures)]


def entry_rows(
    conn: sqlite3.Connection, meetings: list[Meeting], topic_ids: list[str],
    topic_id: str | None = None,
) -> list[Entry]:
    """Every entry of these meetings (`topic_id`: that topic's only), by meeting in the order
    given, then in the order of `topic_ids` (entries on other topics are left out): three
    queries (entries, overrides, quotes), as `queries.entry_views` reads them."""
    if not meetings:
        return []
    marks, ids = _ids(meetings)
    tsql, tparams = ("AND e.topic_id = ?", [topic_id]) if topic_id else ("", [])
    found: dict[tuple[int, str], list[tuple[Any, ...]]] = {}
    for r in tuples(
        conn,
        f"""SELECT e.meeting_id, e.topic_id, e.status, e.evidence, e.figures, e.article_id
            FROM topic_entries e WHERE e.meeting_id IN ({marks}) {tsql}""",
        [*ids, *tparams],
    ):
        found.setdefault((r[0], r[1]), []).append(r)
    overrides = {
        (r[0], r[1]): (r[2], r[3])
        for r in tuples(
            conn,
            f"""SELECT o.meeting_id, o.topic_id, o.status, o.note FROM entry_overrides o
                WHERE o.meeting_id IN ({marks}) {tsql.replace("e.", "o.")}""",
            [*ids, *tparams],
        )
    }
    qsql = "AND q.eff_topic = ?" if topic_id else "AND q.eff_topic IS NOT NULL"
    quotes: dict[tuple[int, str], list[Quote]] = {}
    for mid, tid, qid, text, speaker, country, source in tuples(
        conn,
        f"""SELECT q.meeting_id, q.eff_topic, q.id, q.text, q.eff_speaker, q.eff_country,
                   a.source FROM quotes q JOIN articles a ON a.id = q.article_id
            WHERE q.meeting_id IN ({marks}) AND {rows.QUOTE_SHOWN} {qsql}
            ORDER BY q.meeting_id, q.article_id, q.start""",
        [*ids, *tparams],
    ):
        quotes.setdefault((mid, tid), []).append((qid, text, speaker, country, source))
    out: list[Entry] = []
    wanted = [topic_id] if topic_id else topic_ids
    for m in meetings:
        for tid in wanted:
            key = (m[0], tid)
            ranked = found.get(key)
            over_status, note = overrides.get(key, (None, None))
            if ranked is None and over_status is None:
                continue
            if ranked is None:
                extracted, evidence, figures = over_status, "", []
            else:
                if len(ranked) > 1:  # several articles: the rule of `merge.entry_rank`
                    published = _published(conn, [r[5] for r in ranked])
                    ranked = sorted(ranked, reverse=True, key=lambda r: entry_rank(
                        r[3], rows.to_date(published[r[5]]), r[5]))
                    figures = [f"{f.text} {f.noun}".strip() for f in
                               merge_figures(rows.figures_from(r[4]) for r in ranked)]
                else:
                    figures = _figure_texts(ranked[0][4])
                extracted, evidence = ranked[0][2], ranked[0][3]
            out.append((m, tid, over_status or extracted, extracted, over_status is not None,
                        note, evidence, figures, quotes.get(key, [])))
    return out


def _published(conn: sqlite3.Connection, article_ids: list[int]) -> dict[int, str | None]:
    """Publication dates of a few articles (only a meeting told by several needs them)."""
    marks = ",".join("?" * len(article_ids))
    return dict(tuples(conn, f"SELECT id, published FROM articles WHERE id IN ({marks})",
                       article_ids).fetchall())


def topic_raised(
    conn: sqlite3.Connection, pair: list[str], topic_id: str, since: date | None,
    until: date | None,
) -> bool:
    """Whether the pair raised the topic in the date range: one index probe."""
    low, high = seq_range(since, until)
    return tuples(
        conn,
        """SELECT 1 FROM board_cells WHERE dyad_key = ? AND topic_id = ? AND seq > ?
           AND seq < ? LIMIT 1""",
        (rows.dyad_key(pair), topic_id, low, high),
    ).fetchone() is not None


# A topic's mark at a meeting (the HTML page's lanes): the meeting, the status shown.
Mark = tuple[Meeting, str]


def topic_marks(
    conn: sqlite3.Connection, pair: list[str], topic_id: str, since: date | None,
    until: date | None, after_seq: str | None, limit: int = BATCH,
) -> list[Mark]:
    """The topic's next meetings for the pair after `after_seq` with the status shown
    (the user's override, else the winning entry's: `board_cells`), oldest first."""
    low, high = seq_range(since, until)
    if after_seq is not None:
        low = max(low, after_seq)
    return [(_meeting(r[:-1]), r[-1]) for r in tuples(
        conn,
        f"""SELECT {_MEETING_BY_CELL}, b.status FROM board_cells b
            JOIN meetings m ON m.id = b.meeting_id
            WHERE b.dyad_key = ? AND b.topic_id = ? AND b.seq > ? AND b.seq < ?
            ORDER BY b.seq LIMIT ?""",
        (rows.dyad_key(pair), topic_id, low, high, limit),
    )]


def topic_rows(
    conn: sqlite3.Connection, pair: list[str], topic_id: str, since: date | None,
    until: date | None, after_seq: str | None, limit: int = BATCH,
) -> list[Entry]:
    """`topic_batch` as raw rows: the topic's next entries for the pair after `after_seq`."""
    low, high = seq_range(since, until)
    if after_seq is not None:
        low = max(low, after_seq)
    meetings = [_meeting(r) for r in tuples(
        conn,
        f"""SELECT {_MEETING_BY_CELL} FROM board_cells b JOIN meetings m ON m.id = b.meeting_id
            WHERE b.dyad_key = ? AND b.topic_id = ? AND b.seq > ? AND b.seq < ?
            ORDER BY b.seq LIMIT ?""",
        (rows.dyad_key(pair), topic_id, low, high, limit),
    )]
    return entry_rows(conn, meetings, [topic_id], topic_id)


def position_rows(conn: sqlite3.Connection, meetings: list[Meeting]) -> dict[int, list[Position]]:
    """The positions of a batch of meetings, by meeting id, in article then text order."""
    marks, ids = _ids(meetings)
    out: dict[int, list[Position]] = {}
    for r in tuples(
        conn,
        f"""SELECT p.meeting_id, p.side, p.speaker, p.topic, p.kind, p.text FROM positions p
            WHERE p.meeting_id IN ({marks}) ORDER BY p.meeting_id, p.article_id, p.start""",
        ids,
    ):
        out.setdefault(r[0], []).append(r[1:])
    return out


def commitment_rows(
    conn: sqlite3.Connection, meetings: list[Meeting]
) -> dict[int, list[Commitment]]:
    """The commitments of a batch of meetings with their stored tracking (None in its four
    places when the pair's tracking is not stored: see `stances.refresh`), by meeting id."""
    marks, ids = _ids(meetings)
    out: dict[int, list[Commitment]] = {}
    for r in tuples(
        conn,
        f"""SELECT c.meeting_id, c.id, c.topic, c.text, c.parties, c.due, c.note,
                   c.manual_state, t.state, t.evidence, t.evidence_date, t.due_date
            FROM commitments c LEFT JOIN commitment_tracking t ON t.commitment_id = c.id
            WHERE c.meeting_id IN ({marks}) ORDER BY c.meeting_id, c.article_id, c.start""",
        ids,
    ):
        out.setdefault(r[0], []).append(
            (r[1], r[2], r[3], rows._json_tuple(r[4]), *r[5:]))
    return out


def source_links(
    conn: sqlite3.Connection, meetings: list[Meeting]
) -> dict[int, list[tuple[str | None, str | None]]]:
    """Each meeting's articles as (outlet, url), oldest first (the HTML page's links)."""
    marks, ids = _ids(meetings)
    links: dict[int, list[tuple[str | None, str | None]]] = {}
    # By meeting, then id: the order of the (meeting_id) index. "ORDER BY id" alone made
    # SQLite walk the whole table in id order for a batch of 1,000 (quadratic).
    for mid, source, url in tuples(
        conn, f"SELECT meeting_id, source, url FROM articles WHERE meeting_id IN ({marks}) "
        "ORDER BY meeting_id, id", ids,
    ):
        links.setdefault(mid, []).append((source, url))
    return links
