"""Reads: set-based queries (a handful per call, never one per meeting) mapped to view models."""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections import defaultdict
from datetime import date
from typing import Any

from store import changes as changes_mod
from store.db import rows
from store.db.errors import StoreError
from store.db.merge import entry_rank, merge_figures
from store.models import (
    Board,
    Change,
    EntryView,
    MeetingDetail,
    MeetingRef,
    Status,
    StoredQuote,
    Topic,
    TopicRow,
)

# Oldest first; undated meetings after dated ones, then in the order they were added.
MEETING_ORDER = "m.meeting_date IS NULL, m.meeting_date, m.id"
MEETING_ORDER_DESC = "m.meeting_date IS NULL DESC, m.meeting_date DESC, m.id DESC"

Scope = tuple[str, tuple[Any, ...]]  # a condition on `m` (meetings) and its parameters


def order_key(ref: MeetingRef) -> tuple[bool, date, int]:
    """MEETING_ORDER in Python, for merging refs read by separate queries."""
    return (ref.meeting_date is None, ref.meeting_date or date.min, ref.id)


def topics(conn: sqlite3.Connection) -> list[Topic]:
    """Every topic, defaults first in taxonomy order, then the user's in the order added."""
    return [rows.topic_from(r) for r in conn.execute("SELECT * FROM topics ORDER BY rowid")]


def dyads(conn: sqlite3.Connection) -> list[list[str]]:
    """Pairs with meetings, most meetings first (read from the counts triggers keep)."""
    found = tuples(
        conn,
        """SELECT dyad FROM dyad_counts WHERE dyad_key != '' AND meetings > 0
           ORDER BY meetings DESC, dyad_key""",
    ).fetchall()
    return [rows.json_list(r[0]) for r in found]


def pair_count(conn: sqlite3.Connection, pair: list[str]) -> int:
    """How many meetings the pair has ([]: those whose countries are unknown)."""
    found = tuples(
        conn, "SELECT meetings FROM dyad_counts WHERE dyad_key = ?", (rows.dyad_key(pair),)
    ).fetchone()
    return int(found[0]) if found else 0


def resolve_dyad(conn: sqlite3.Connection, dyad: list[str] | None) -> list[str]:
    """The dyad asked for, or the one with most meetings.

    [] when no meeting has a dyad; `dyad_scope([])` then selects the meetings
    whose countries ingest could not tell, so they still show somewhere.
    """
    if dyad:
        return sorted(dyad)
    known = dyads(conn)
    return known[0] if known else []


def tuples(
    conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] | list[Any] = ()
) -> sqlite3.Cursor:
    """Execute with plain-tuple rows: the hot queries unpack positions, not names."""
    cur = conn.cursor()
    cur.row_factory = None
    return cur.execute(sql, params)


def meeting_refs(
    conn: sqlite3.Connection, scope: Scope, last: int | None = None
) -> list[MeetingRef]:
    """Meetings in scope, oldest first; `last`: only the newest N (picked in SQL)."""
    where, params = scope
    if last is None:
        sql = (
            f"SELECT {rows.MEETING_COLUMNS} FROM meetings m WHERE {where} ORDER BY {MEETING_ORDER}"
        )
        return [rows.meeting_ref(r) for r in tuples(conn, sql, params)]
    sql = (
        f"SELECT {rows.MEETING_COLUMNS} FROM meetings m WHERE {where} "
        f"ORDER BY {MEETING_ORDER_DESC} LIMIT ?"
    )
    return [rows.meeting_ref(r) for r in tuples(conn, sql, (*params, last))][::-1]


def dyad_scope(dyad: list[str]) -> Scope:
    return "m.dyad_key = ?", (rows.dyad_key(dyad),)


def ids_scope(ids: list[int]) -> Scope:
    marks = ",".join("?" * len(ids)) or "NULL"
    return f"m.id IN ({marks})", tuple(ids)


def meetings(
    conn: sqlite3.Connection, dyad: list[str] | None, since: date | None = None
) -> list[MeetingRef]:
    where, params = dyad_scope(dyad) if dyad else ("1", ())
    if since is not None:
        where, params = f"{where} AND m.meeting_date >= ?", (*params, since.isoformat())
    return meeting_refs(conn, (where, params))


def _ref(conn: sqlite3.Connection, meeting_id: int) -> MeetingRef:
    found = meeting_refs(conn, ids_scope([meeting_id]))
    if not found:
        raise StoreError(f"no meeting {meeting_id!r} in the store")
    return found[0]


# --- cells and entries -------------------------------------------------------------


def entry_views(
    conn: sqlite3.Connection,
    refs: dict[int, MeetingRef],
    scope: Scope,
    names: dict[str, str],
    topic_id: str | None = None,
) -> dict[tuple[int, str], EntryView]:
    """Full EntryViews (override applied, figures merged, quotes attached) for a scope."""
    where, params = scope
    tsql, tparams = ("AND e.topic_id = ?", (topic_id,)) if topic_id else ("", ())
    grouped: dict[tuple[int, str], list[tuple[Any, ...]]] = defaultdict(list)
    for r in tuples(
        conn,
        f"""SELECT e.meeting_id, e.topic_id, e.article_id, e.status, e.evidence, e.summary,
                   e.figures, a.published FROM meetings m
                   JOIN topic_entries e ON e.meeting_id = m.id
                   JOIN articles a ON a.id = e.article_id
                   WHERE {where} {tsql}""",
        params + tparams,
    ):
        grouped[(r[0], r[1])].append(r)
    overrides = {
        (mid, tid): (st, note)
        for mid, tid, st, note in tuples(
            conn,
            f"""SELECT o.meeting_id, o.topic_id, o.status, o.note FROM entry_overrides o
                JOIN meetings m ON m.id = o.meeting_id WHERE {where} {tsql.replace("e.", "o.")}""",
            params + tparams,
        )
    }
    qsql, qparams = ("AND q.eff_topic = ?", (topic_id,)) if topic_id else ("", ())
    quotes: dict[tuple[int, str], list[StoredQuote]] = defaultdict(list)
    for r in tuples(
        conn,
        f"""SELECT {rows.QUOTE_COLUMNS} FROM {rows.QUOTE_FROM}
            WHERE {where} AND {rows.QUOTE_SHOWN} AND q.eff_topic IS NOT NULL {qsql}
            ORDER BY q.meeting_id, q.article_id, q.start""",
        params + qparams,
    ):
        quote = rows.stored_quote(r)
        quotes[(quote.meeting_id, quote.topic or "")].append(quote)

    status = rows.STATUS
    views: dict[tuple[int, str], EntryView] = {}
    keys = set(grouped) | {k for k, o in overrides.items() if o[0] is not None}
    for key in keys:
        meeting_id, tid = key
        ref = refs.get(meeting_id)
        if ref is None:
            continue
        ranked = grouped.get(key, [])
        if len(ranked) > 1:
            ranked = sorted(
                ranked,
                reverse=True,
                key=lambda r: entry_rank(r[4], rows.to_date(r[7]), r[2]),
            )
            figures = merge_figures(rows.figures_from(r[6]) for r in ranked)
        else:
            figures = rows.figures_from(ranked[0][6]) if ranked else []
        over_status, note = overrides.get(key, (None, None))
        shown = status[over_status] if over_status else None
        extracted = status[ranked[0][3]] if ranked else shown
        assert extracted is not None  # a key comes from an entry or a status override
        views[key] = rows.build(
            EntryView,
            {
                "meeting": ref,
                "topic_id": tid,
                "topic_name": names.get(tid, tid),
                "status": shown or extracted,
                "extracted_status": extracted,
                "overridden": shown is not None,
                "note": note,
                "evidence": ranked[0][4] if ranked else "",
                "summary": ranked[0][5] if ranked else "",
                "figures": figures,
                "quotes": quotes.get(key, []),
            },
        )
    return views


def names(conn: sqlite3.Connection) -> dict[str, str]:
    """Topic id -> display name, in display order."""
    return {r["id"]: r["name"] for r in conn.execute("SELECT id, name FROM topics ORDER BY rowid")}


def pair_refs(
    conn: sqlite3.Connection, pair: list[str], start: int, stop: int
) -> list[tuple[MeetingRef, str]]:
    """The pair's meetings at positions [start, stop) of MEETING_ORDER, with their cells.

    Positions are walked on the (dyad_key, seq) index alone, from whichever end
    is nearer, so the newest page costs the same at any size.
    """
    key = rows.dyad_key(pair)
    total = pair_count(conn, pair)
    start, stop = max(0, start), min(stop, total)
    if stop <= start:
        return []
    if total - stop < start:
        ids = """SELECT id FROM meetings WHERE dyad_key = ? ORDER BY seq DESC LIMIT ? OFFSET ?"""
        params: tuple[Any, ...] = (key, stop - start, total - stop)
    else:
        ids = """SELECT id FROM meetings WHERE dyad_key = ? ORDER BY seq LIMIT ? OFFSET ?"""
        params = (key, stop - start, start)
    sql = (
        f"SELECT {rows.MEETING_COLUMNS}, m.cells FROM meetings m WHERE m.id IN ({ids}) "
        "ORDER BY m.seq"
    )
    return [(rows.meeting_ref(r[:-1]), r[-1]) for r in tuples(conn, sql, params)]


def _raised_ids(
    conn: sqlite3.Connection,
    pair: list[str],
    topic_id: str,
    last: int | None,
    before: int | None = None,
) -> list[int]:
    """Ids of the pair's meetings that raised the topic, newest first (the newest `last`,
    older than meeting `before` when given), read on the board_cells index."""
    where = "dyad_key = ? AND topic_id = ?"
    params: list[Any] = [rows.dyad_key(pair), topic_id]
    if before is not None:
        where += " AND seq < (SELECT seq FROM meetings WHERE id = ?)"
        params.append(before)
    sql = f"SELECT meeting_id FROM board_cells WHERE {where} ORDER BY seq DESC"
    if last is not None:
        sql += " LIMIT ?"
        params.append(max(last, 0))
    return [r[0] for r in tuples(conn, sql, params)]


def topic_history(
    conn: sqlite3.Connection,
    topic_id: str,
    dyad: list[str] | None,
    all_refs: list[MeetingRef] | None = None,
    last: int | None = None,
    before: int | None = None,
) -> list[EntryView]:
    """The topic at every meeting of the dyad that raised it, oldest first.

    `all_refs` (the dyad's meetings, when the caller holds them) saves a query;
    `last` keeps only the most recent N entries and `before` (a meeting id) only
    those older than that meeting, so a screen pages back through a long history
    reading one page at a time, each an index range (board_cells).
    """
    topic_names = names(conn)
    if topic_id not in topic_names:
        raise StoreError(f"no topic {topic_id!r} in the store")
    pair = resolve_dyad(conn, dyad)
    if all_refs is not None and before is None and last is None:
        by_id = {r.id: r for r in all_refs}
        views = entry_views(conn, by_id, dyad_scope(pair), topic_names, topic_id)
        return [views[(r.id, topic_id)] for r in all_refs if (r.id, topic_id) in views]
    if last is None and before is None:
        where, params = dyad_scope(pair)
        scope: Scope = (
            f"{where} AND m.id IN (SELECT meeting_id FROM board_cells "
            "WHERE dyad_key = ? AND topic_id = ?)",
            (*params, rows.dyad_key(pair), topic_id),
        )
        refs = meeting_refs(conn, scope)
        scope = dyad_scope(pair)
    else:
        ids = _raised_ids(conn, pair, topic_id, last, before)
        scope = ids_scope(ids)
        refs = meeting_refs(conn, scope)
    views = entry_views(conn, {r.id: r for r in refs}, scope, topic_names, topic_id)
    return [views[(r.id, topic_id)] for r in refs if (r.id, topic_id) in views]


def neighbours_after(conn: sqlite3.Connection, ids: list[int]) -> list[MeetingRef]:
    """For each meeting, the next meeting of its pair (where "not raised since" shows)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    nxt = f"""SELECT (SELECT n.id FROM meetings n WHERE n.dyad_key = m.dyad_key
                      AND n.seq > m.seq ORDER BY n.seq LIMIT 1)
              FROM meetings m WHERE m.id IN ({marks})"""
    found = sorted({r[0] for r in tuples(conn, nxt, ids) if r[0] is not None})
    return meeting_refs(conn, ids_scope(found))


def topic_changes(conn: sqlite3.Connection, topic_id: str, dyad: list[str] | None) -> list[Change]:
    pair = resolve_dyad(conn, dyad)
    refs = meeting_refs(conn, dyad_scope(pair))
    history = topic_history(conn, topic_id, pair, all_refs=refs)
    return changes_mod.topic_changes(history, refs)


def _newest(conn: sqlite3.Connection, pair: list[str]) -> MeetingRef | None:
    found = meeting_refs(
        conn,
        (
            "m.id = (SELECT id FROM meetings WHERE dyad_key = ? ORDER BY seq DESC LIMIT 1)",
            (rows.dyad_key(pair),),
        ),
    )
    return found[0] if found else None


def meeting_changes(
    conn: sqlite3.Connection, meeting_id: int | None, dyad: list[str] | None
) -> list[Change]:
    """What changed at a meeting (default: the dyad's latest) against the one before.

    Reads the meeting, the one before it, and per topic the last earlier meeting
    that raised it: one index probe each (meetings and board_cells by pair and
    seq), never the pair's history.
    """
    if meeting_id is not None:
        current: MeetingRef | None = _ref(conn, meeting_id)
    else:
        current = _newest(conn, resolve_dyad(conn, dyad))
    if current is None:
        return []
    key = rows.dyad_key(current.dyad)
    seq = tuples(conn, "SELECT seq FROM meetings WHERE id = ?", (current.id,)).fetchone()[0]
    before = meeting_refs(
        conn,
        (
            """m.id = (SELECT id FROM meetings WHERE dyad_key = ? AND seq < ?
                       ORDER BY seq DESC LIMIT 1)""",
            (key, seq),
        ),
    )
    previous = before[0] if before else None
    # The last meeting before this one at which each topic was raised.
    last = {
        tid: mid
        for tid, mid in tuples(
            conn,
            """SELECT t.topic_id, (SELECT b.meeting_id FROM board_cells b
                   WHERE b.dyad_key = t.dyad_key AND b.topic_id = t.topic_id AND b.seq < ?
                   ORDER BY b.seq DESC LIMIT 1)
               FROM topic_counts t WHERE t.dyad_key = ? AND t.raised > 0""",
            (seq, key),
        )
        if mid is not None
    }
    wanted = sorted({current.id, *last.values()})
    refs = {r.id: r for r in meeting_refs(conn, ids_scope(wanted))}
    views = entry_views(conn, refs, ids_scope(wanted), names(conn))
    now = [v for (mid, _), v in views.items() if mid == current.id]
    earlier = {tid: views[(mid, tid)] for tid, mid in last.items() if (mid, tid) in views}
    return changes_mod.meeting_changes(current, previous, now, earlier)


BOARD_WINDOW = 240  # columns read at once: a wide terminal shows ~30; the rest is scroll


def board(
    conn: sqlite3.Connection,
    dyad: list[str] | None,
    window: int | None = BOARD_WINDOW,
    before: int | None = None,
) -> Board:
    """The board of a pair: every topic's current status, trend, last raised date and
    count (index probes), and the cells of a window of `window` meetings (None: all)
    ending at position `before` (default: the newest), for the grid's visible columns.
    """
    pair = resolve_dyad(conn, dyad)
    total = pair_count(conn, pair)
    if not total:
        return Board(dyad=pair, meetings=[], rows=[])
    stop = total if before is None else max(0, min(before, total))
    start = 0 if window is None else max(0, stop - window)
    page = pair_refs(conn, pair, start, stop)
    key = rows.dyad_key(pair)
    status = rows.STATUS
    raised = dict(
        tuples(
            conn,
            "SELECT topic_id, raised FROM topic_counts WHERE dyad_key = ? AND raised > 0",
            (key,),
        ).fetchall()
    )
    window_cells: dict[str, dict[int, Status]] = defaultdict(dict)
    for ref, text in page:
        if text != "{}":
            for tid, st in json.loads(text).items():
                window_cells[tid][ref.id] = status[st]
    out: list[TopicRow] = []
    for topic in topics(conn):
        if not raised.get(topic.id):
            continue
        latest = tuples(
            conn,
            """SELECT status, meeting_date FROM board_cells
               WHERE dyad_key = ? AND topic_id = ? ORDER BY seq DESC LIMIT 2""",
            (key, topic.id),
        ).fetchall()
        if not latest:
            continue
        cur = status[latest[0][0]]
        trend = 0
        if len(latest) > 1:
            delta = cur.score - status[latest[1][0]].score
            trend = (delta > 0) - (delta < 0)
        out.append(
            rows.build(
                TopicRow,
                {
                    "topic": topic,
                    "cells": window_cells.get(topic.id, {}),
                    "current": cur,
                    "trend": trend,
                    "last_discussed": rows.to_date(latest[0][1]),
                    "raised": int(raised[topic.id]),
                },
            )
        )
    latest_changes = meeting_changes(conn, None, pair)
    return rows.build(
        Board,
        {
            "dyad": pair,
            "meetings": [ref for ref, _ in page],
            "rows": out,
            "latest_changes": latest_changes,
            "meeting_count": total,
            "first_column": start,
        },
    )


def meeting_detail(conn: sqlite3.Connection, meeting_id: int) -> MeetingDetail:
    ref = _ref(conn, meeting_id)
    row = conn.execute("SELECT participants FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    articles = [
        rows.article_record(r)
        for r in conn.execute(
            """SELECT a.*, t.original, t.text FROM articles a
               JOIN article_texts t ON t.article_id = a.id WHERE a.meeting_id = ? ORDER BY a.id""",
            (meeting_id,),
        )
    ]
    topic_names = names(conn)
    views = entry_views(conn, {ref.id: ref}, ids_scope([meeting_id]), topic_names)
    order = {t: i for i, t in enumerate(topic_names)}
    entries = sorted(views.values(), key=lambda v: order.get(v.topic_id, len(order)))
    quotes = [
        rows.stored_quote(r)
        for r in tuples(
            conn,
            f"""SELECT {rows.QUOTE_COLUMNS} FROM {rows.QUOTE_FROM}
                WHERE q.meeting_id = ? AND {rows.QUOTE_SHOWN} ORDER BY q.article_id, q.start""",
            (meeting_id,),
        )
    ]
    published = min((a.published for a in articles if a.published), default=None)
    return MeetingDetail(
        meeting=ref,
        published=published,
        participants=rows.actors_from(row["participants"]),
        articles=articles,
        entries=entries,
        quotes=quotes,
    )


# --- search ---------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def fts_query(words: str) -> str | None:
    """User words -> a safe FTS5 query: every word a quoted string, all required.

    Quoting makes `AND`, `OR`, `NOT`, `NEAR`, `*`, `-`, `^`, `:` and `"` plain
    text, so no input can change the query's meaning or raise a syntax error.
    """
    tokens = _WORD.findall(words)
    if not tokens:
        return None
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def speakers_like(conn: sqlite3.Connection, part: str) -> list[str]:
    """Stored speaker names containing `part`, case-insensitively (Unicode casefold,
    which SQL LIKE does not do); read from the speakers table triggers keep, not the quotes."""
    needle = part.casefold()
    return [
        name
        for (name,) in tuples(conn, "SELECT name FROM speakers WHERE quotes > 0")
        if needle in name.casefold()
    ]


def search_quotes(
    conn: sqlite3.Connection,
    words: str | None,
    *,
    speaker: str | None,
    topic: str | None,
    side: str | None,
    meeting_id: int | None,
    limit: int,
) -> list[StoredQuote]:
    """Shown quotes matching every filter given, newest meeting first."""
    where = [rows.QUOTE_SHOWN]
    params: list[Any] = []
    query = fts_query(words) if words else None
    if query is None and words and words.strip():
        return []  # words given but none searchable (only punctuation): nothing holds them
    narrow = False
    walk = """meetings m CROSS JOIN quotes q ON q.meeting_id = m.id
            JOIN articles a ON a.id = q.article_id"""
    if query is not None and _common(conn, query, limit):
        # Many matches: sorting them all by date costs more than walking the meetings
        # newest first (as without words) and stopping at the limit; the matches are
        # read once, into a set each quote is looked up in.
        source = walk
        # "+": a filter on each quote walked, not a list to drive the quotes index with.
        where.append("+q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(query)
    elif query is not None:
        # Few matches: the full-text index narrows first; they are then sorted by date
        # on narrow rows (ids and sort keys), and only the quotes kept are read whole.
        source = """quotes_fts f JOIN quotes q ON q.id = f.rowid
            JOIN meetings m ON m.id = q.meeting_id"""
        narrow = True
        where.append("quotes_fts MATCH ?")
        params.append(query)
    else:
        # CROSS JOIN keeps meetings as the outer loop, walked newest first on the date
        # index, so a common filter stops after `limit` rows instead of sorting them all.
        source = walk
    if speaker:
        names = speakers_like(conn, speaker)
        if not names:
            return []
        where.append(f"q.eff_speaker IN ({','.join('?' * len(names))})")
        params.extend(names)
    if topic:
        where.append("q.eff_topic = ?")
        params.append(topic)
    if side:
        where.append("q.eff_country = ? COLLATE NOCASE")
        params.append(side)
    if meeting_id is not None:
        where.append("q.meeting_id = ?")
        params.append(meeting_id)
    params.append(max(0, limit))
    # Undated meetings sort last: NULL is the smallest value in SQLite.
    order = "ORDER BY m.meeting_date DESC, m.id DESC, q.article_id, q.start"
    cond = " AND ".join(where)
    if narrow:
        sql = (
            f"SELECT {rows.QUOTE_COLUMNS} FROM {rows.QUOTE_FROM} WHERE q.id IN ("
            f"SELECT q.id FROM {source} WHERE {cond} {order} LIMIT ?) {order}"
        )
    else:
        sql = f"SELECT {rows.QUOTE_COLUMNS} FROM {source} WHERE {cond} {order} LIMIT ?"
    return [rows.stored_quote(r) for r in tuples(conn, sql, params)]


# A quote walked (newest first, looked up in the set of matches) costs about this share
# of a match sorted by date (measured at 10,000 meetings: 0.4 vs 3.3 us of CPU).
WALK_COST = 0.12


def _common(conn: sqlite3.Connection, query: str, limit: int) -> bool:
    """Whether walking the meetings beats sorting the matches, which is when the matches
    are many (the walk stops sooner): matches**2 > WALK_COST * limit * quotes.

    Counts at most that many matches, so the test costs little whatever the word.
    """
    total = tuples(conn, "SELECT max(rowid) FROM quotes").fetchone()[0] or 0
    threshold = int(math.sqrt(WALK_COST * max(limit, 1) * total))
    found = tuples(
        conn,
        "SELECT count(*) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)",
        (query, threshold + 1),
    ).fetchone()
    return int(found[0]) > threshold


def search_articles(conn: sqlite3.Connection, words: str, limit: int) -> list[tuple[int, int, str]]:
    """(article id, meeting id, title) of articles whose text has every word, best first."""
    query = fts_query(words)
    if query is None:
        return []
    found = conn.execute(
        """SELECT a.id, a.meeting_id, a.title FROM articles_fts f JOIN articles a ON a.id = f.rowid
           WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?""",
        (query, max(0, limit)),
    ).fetchall()
    return [(r["id"], r["meeting_id"], r["title"]) for r in found]


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Stored rows: meetings, articles, quotes (every source's copy), extracted entries."""
    out: dict[str, int] = {}
    for name, table in (
        ("meetings", "meetings"),
        ("articles", "articles"),
        ("quotes", "quotes"),
        ("entries", "topic_entries"),
        ("topics", "topics"),
    ):
        out[name] = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    return out
