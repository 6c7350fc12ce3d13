"""Reads: set-based queries (a handful per call, never one per meeting) mapped to view models."""

from __future__ import annotations

import json
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


def topics(conn: sqlite3.Connection) -> list[Topic]:
    """Every topic, defaults first in taxonomy order, then the user's in the order added."""
    return [rows.topic_from(r) for r in conn.execute("SELECT * FROM topics ORDER BY rowid")]


def dyads(conn: sqlite3.Connection) -> list[list[str]]:
    found = conn.execute(
        """SELECT dyad, count(*) AS n FROM meetings WHERE dyad_key != ''
           GROUP BY dyad_key ORDER BY n DESC, dyad_key"""
    ).fetchall()
    return [rows.json_list(r["dyad"]) for r in found]


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


def raised_cells(
    conn: sqlite3.Connection, scope: Scope, topic_id: str | None = None
) -> dict[tuple[int, str], Status]:
    """(meeting id, topic id) -> status shown, read from each meeting's `cells`."""
    where, params = scope
    status = rows.STATUS
    cells: dict[tuple[int, str], Status] = {}
    for mid, text in tuples(conn, f"SELECT m.id, m.cells FROM meetings m WHERE {where}", params):
        if text == "{}":
            continue
        for tid, st in json.loads(text).items():
            if topic_id is None or tid == topic_id:
                cells[(mid, tid)] = status[st]
    return cells


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


def _names(conn: sqlite3.Connection) -> dict[str, str]:
    return {r["id"]: r["name"] for r in conn.execute("SELECT id, name FROM topics ORDER BY rowid")}


def topic_history(
    conn: sqlite3.Connection,
    topic_id: str,
    dyad: list[str] | None,
    all_refs: list[MeetingRef] | None = None,
    last: int | None = None,
) -> list[EntryView]:
    """The topic at every meeting of the dyad that raised it, oldest first.

    `all_refs` (the dyad's meetings, when the caller holds them) saves a query;
    `last` keeps only the most recent N entries, so a screen that shows a few
    columns does not build thousands of views.
    """
    names = _names(conn)
    if topic_id not in names:
        raise StoreError(f"no topic {topic_id!r} in the store")
    pair = resolve_dyad(conn, dyad)
    if all_refs is not None:
        by_id = {r.id: r for r in all_refs}
        views = entry_views(conn, by_id, dyad_scope(pair), names, topic_id)
        return [views[(r.id, topic_id)] for r in all_refs if (r.id, topic_id) in views]
    where, params = dyad_scope(pair)
    # Only the meetings that raised the topic: a tenth of a long history, typically.
    refs = meeting_refs(
        conn,
        (
            f"""{where} AND m.id IN (
            SELECT meeting_id FROM topic_entries WHERE topic_id = ?
            UNION SELECT meeting_id FROM entry_overrides
                  WHERE topic_id = ? AND status IS NOT NULL)""",
            params + (topic_id, topic_id),
        ),
        last=max(last, 0) if last is not None else None,
    )
    scope = dyad_scope(pair) if last is None else ids_scope([r.id for r in refs])
    by_id = {r.id: r for r in refs}
    views = entry_views(conn, by_id, scope, names, topic_id)
    return [views[(r.id, topic_id)] for r in refs if (r.id, topic_id) in views]


def topic_changes(conn: sqlite3.Connection, topic_id: str, dyad: list[str] | None) -> list[Change]:
    pair = resolve_dyad(conn, dyad)
    refs = meeting_refs(conn, dyad_scope(pair))
    history = topic_history(conn, topic_id, pair, all_refs=refs)
    return changes_mod.topic_changes(history, refs)


def meeting_changes(
    conn: sqlite3.Connection,
    meeting_id: int | None,
    dyad: list[str] | None,
    refs: list[MeetingRef] | None = None,
    cells: dict[tuple[int, str], Status] | None = None,
) -> list[Change]:
    """What changed at a meeting (default: the dyad's latest) against the one before."""
    if meeting_id is not None:
        pair = _ref(conn, meeting_id).dyad
    else:
        pair = resolve_dyad(conn, dyad)
    if refs is None:
        refs = meeting_refs(conn, dyad_scope(pair))
    if not refs:
        return []
    position = {r.id: i for i, r in enumerate(refs)}
    idx = position[meeting_id] if meeting_id is not None else len(refs) - 1
    current = refs[idx]
    previous = refs[idx - 1] if idx > 0 else None
    if cells is None:
        cells = raised_cells(conn, dyad_scope(pair))
    # The last meeting before this one at which each topic was raised.
    last: dict[str, int] = {}
    for mid, tid in cells:
        i = position.get(mid, -1)
        if 0 <= i < idx and i > last.get(tid, -1):
            last[tid] = i
    wanted = {current.id} | {refs[i].id for i in last.values()}
    names = _names(conn)
    views = entry_views(
        conn, {r.id: r for r in refs if r.id in wanted}, ids_scope(sorted(wanted)), names
    )
    now = [v for (mid, _), v in views.items() if mid == current.id]
    before = {
        tid: views[(refs[i].id, tid)] for tid, i in last.items() if (refs[i].id, tid) in views
    }
    return changes_mod.meeting_changes(current, previous, now, before)


def board(conn: sqlite3.Connection, dyad: list[str] | None) -> Board:
    pair = resolve_dyad(conn, dyad)
    refs = meeting_refs(conn, dyad_scope(pair))
    if not refs:
        return Board(dyad=pair, meetings=[], rows=[])
    cells = raised_cells(conn, dyad_scope(pair))
    per_topic: dict[str, dict[int, Status]] = defaultdict(dict)
    for (mid, tid), status in cells.items():
        per_topic[tid][mid] = status
    position = {r.id: i for i, r in enumerate(refs)}
    out: list[TopicRow] = []
    for topic in topics(conn):
        raised = per_topic.get(topic.id)
        if not raised:
            continue
        ordered = sorted(raised, key=position.__getitem__)
        cur = raised[ordered[-1]]
        trend = 0
        if len(ordered) > 1:
            delta = cur.score - raised[ordered[-2]].score
            trend = (delta > 0) - (delta < 0)
        out.append(
            rows.build(
                TopicRow,
                {
                    "topic": topic,
                    "cells": {mid: raised[mid] for mid in ordered},
                    "current": cur,
                    "trend": trend,
                    "last_discussed": refs[position[ordered[-1]]].meeting_date,
                },
            )
        )
    latest = meeting_changes(conn, refs[-1].id, pair, refs=refs, cells=cells) if refs else []
    return rows.build(
        Board, {"dyad": pair, "meetings": refs, "rows": out, "latest_changes": latest}
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
    names = _names(conn)
    views = entry_views(conn, {ref.id: ref}, ids_scope([meeting_id]), names)
    order = {t: i for i, t in enumerate(names)}
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
    which SQL LIKE does not do); read from the speaker index, not the quotes."""
    needle = part.casefold()
    return [
        name
        for (name,) in tuples(
            conn, "SELECT DISTINCT eff_speaker FROM quotes WHERE eff_speaker IS NOT NULL"
        )
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
    if query is not None:
        # The full-text index narrows first; matches are then sorted by date.
        source = """quotes_fts f JOIN quotes q ON q.id = f.rowid
            JOIN articles a ON a.id = q.article_id JOIN meetings m ON m.id = q.meeting_id"""
        where.append("quotes_fts MATCH ?")
        params.append(query)
    else:
        # CROSS JOIN keeps meetings as the outer loop, walked newest first on the date
        # index, so a common filter stops after `limit` rows instead of sorting them all.
        source = """meetings m CROSS JOIN quotes q ON q.meeting_id = m.id
            JOIN articles a ON a.id = q.article_id"""
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
    sql = (
        f"SELECT {rows.QUOTE_COLUMNS} FROM {source} WHERE {' AND '.join(where)} "
        f"ORDER BY m.meeting_date DESC, m.id DESC, q.article_id, q.start LIMIT ?"
    )
    return [rows.stored_quote(r) for r in tuples(conn, sql, params)]


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
