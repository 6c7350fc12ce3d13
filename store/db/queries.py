"""Reads: set-based queries (a handful per call, never one per meeting) mapped to view models."""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from typing import Any

from store import changes as changes_mod
from store.db import rows
from store.db.errors import StoreError
from store.db.merge import entry_rank, merge_figures
from store.models import (
    Board,
    Change,
    EntryView,
    Figure,
    MeetingDetail,
    MeetingRef,
    Status,
    StoredQuote,
    Topic,
    TopicRow,
)

# Oldest first; undated meetings after dated ones, then in the order they were added.
MEETING_ORDER = "m.meeting_date IS NULL, m.meeting_date, m.id"

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
    """The dyad asked for, or the one with most meetings ([] on an empty store)."""
    if dyad:
        return sorted(dyad)
    known = dyads(conn)
    return known[0] if known else []


def meeting_refs(conn: sqlite3.Connection, scope: Scope) -> list[MeetingRef]:
    where, params = scope
    found = conn.execute(
        f"SELECT m.* FROM meetings m WHERE {where} ORDER BY {MEETING_ORDER}", params
    ).fetchall()
    sources: dict[int, list[str]] = defaultdict(list)
    for r in conn.execute(
        f"""SELECT a.meeting_id, a.source FROM articles a JOIN meetings m ON m.id = a.meeting_id
            WHERE {where} AND a.source IS NOT NULL ORDER BY a.id""", params,
    ):
        held = sources[r["meeting_id"]]
        if r["source"] not in held:
            held.append(r["source"])
    return [rows.meeting_ref(r, sources.get(r["id"], [])) for r in found]


def dyad_scope(dyad: list[str]) -> Scope:
    return "m.dyad_key = ?", (rows.dyad_key(dyad),)


def ids_scope(ids: list[int]) -> Scope:
    marks = ",".join("?" * len(ids)) or "NULL"
    return f"m.id IN ({marks})", tuple(ids)


def meetings(conn: sqlite3.Connection, dyad: list[str] | None) -> list[MeetingRef]:
    return meeting_refs(conn, dyad_scope(dyad) if dyad else ("1", ()))


def _ref(conn: sqlite3.Connection, meeting_id: int) -> MeetingRef:
    found = meeting_refs(conn, ids_scope([meeting_id]))
    if not found:
        raise StoreError(f"no meeting {meeting_id!r} in the store")
    return found[0]


# --- cells and entries -------------------------------------------------------------


def raised_cells(
    conn: sqlite3.Connection, scope: Scope, topic_id: str | None = None
) -> dict[tuple[int, str], Status]:
    """(meeting id, topic id) -> status shown (override, else the winning article's)."""
    where, params = scope
    tsql, tparams = ("AND e.topic_id = ?", (topic_id,)) if topic_id else ("", ())
    best: dict[tuple[int, str], tuple[tuple[bool, str, int], str]] = {}
    for r in conn.execute(
        f"""SELECT e.meeting_id, e.topic_id, e.status, e.evidence != '' AS ev, e.article_id,
                   a.published FROM topic_entries e JOIN meetings m ON m.id = e.meeting_id
                   JOIN articles a ON a.id = e.article_id WHERE {where} {tsql}""",
        params + tparams,
    ):
        key = (r["meeting_id"], r["topic_id"])
        rank = (bool(r["ev"]), r["published"] or "", r["article_id"])
        if key not in best or rank > best[key][0]:
            best[key] = (rank, r["status"])
    cells = {k: Status(v[1]) for k, v in best.items()}
    osql = tsql.replace("e.", "o.")
    for r in conn.execute(
        f"""SELECT o.meeting_id, o.topic_id, o.status FROM entry_overrides o
            JOIN meetings m ON m.id = o.meeting_id WHERE {where} AND o.status IS NOT NULL {osql}""",
        params + tparams,
    ):
        cells[(r["meeting_id"], r["topic_id"])] = Status(r["status"])
    return cells


def entry_views(
    conn: sqlite3.Connection, refs: dict[int, MeetingRef], scope: Scope,
    names: dict[str, str], topic_id: str | None = None,
) -> dict[tuple[int, str], EntryView]:
    """Full EntryViews (override applied, figures merged, quotes attached) for a scope."""
    where, params = scope
    tsql, tparams = ("AND e.topic_id = ?", (topic_id,)) if topic_id else ("", ())
    grouped: dict[tuple[int, str], list[sqlite3.Row]] = defaultdict(list)
    for r in conn.execute(
        f"""SELECT e.meeting_id, e.topic_id, e.article_id, e.status, e.evidence, e.summary,
                   e.figures, a.published FROM topic_entries e
                   JOIN meetings m ON m.id = e.meeting_id JOIN articles a ON a.id = e.article_id
                   WHERE {where} {tsql}""",
        params + tparams,
    ):
        grouped[(r["meeting_id"], r["topic_id"])].append(r)
    overrides = {
        (r["meeting_id"], r["topic_id"]): r
        for r in conn.execute(
            f"""SELECT o.meeting_id, o.topic_id, o.status, o.note FROM entry_overrides o
                JOIN meetings m ON m.id = o.meeting_id WHERE {where} {tsql.replace('e.', 'o.')}""",
            params + tparams,
        )
    }
    qsql, qparams = ("AND q.eff_topic = ?", (topic_id,)) if topic_id else ("", ())
    quotes: dict[tuple[int, str], list[StoredQuote]] = defaultdict(list)
    for r in conn.execute(
        f"""SELECT {rows.QUOTE_COLUMNS} FROM {rows.QUOTE_FROM}
            WHERE {where} AND {rows.QUOTE_SHOWN} AND q.eff_topic IS NOT NULL {qsql}
            ORDER BY q.meeting_id, q.article_id, q.start""",
        params + qparams,
    ):
        quotes[(r["meeting_id"], r["topic"])].append(rows.stored_quote(r))

    views: dict[tuple[int, str], EntryView] = {}
    for key in set(grouped) | {k for k, o in overrides.items() if o["status"] is not None}:
        meeting_id, tid = key
        ref = refs.get(meeting_id)
        if ref is None:
            continue
        ranked = sorted(
            grouped.get(key, []),
            key=lambda r: entry_rank(r["evidence"], rows.to_date(r["published"]), r["article_id"]),
            reverse=True,
        )
        override = overrides.get(key)
        over_status = Status(override["status"]) if override and override["status"] else None
        extracted = Status(ranked[0]["status"]) if ranked else over_status
        assert extracted is not None  # a key comes from an entry or a status override
        figures: list[Figure] = merge_figures(rows.figures_from(r["figures"]) for r in ranked)
        views[key] = EntryView.model_construct(
            meeting=ref, topic_id=tid, topic_name=names.get(tid, tid),
            status=over_status or extracted, extracted_status=extracted,
            overridden=over_status is not None, note=override["note"] if override else None,
            evidence=ranked[0]["evidence"] if ranked else "",
            summary=ranked[0]["summary"] if ranked else "",
            figures=figures, quotes=quotes.get(key, []),
        )
    return views


def _names(conn: sqlite3.Connection) -> dict[str, str]:
    return {r["id"]: r["name"] for r in conn.execute("SELECT id, name FROM topics")}


def topic_history(
    conn: sqlite3.Connection, topic_id: str, dyad: list[str] | None
) -> list[EntryView]:
    names = _names(conn)
    if topic_id not in names:
        raise StoreError(f"no topic {topic_id!r} in the store")
    pair = resolve_dyad(conn, dyad)
    if not pair:
        return []
    refs = meetings(conn, pair)
    by_id = {r.id: r for r in refs}
    views = entry_views(conn, by_id, dyad_scope(pair), names, topic_id)
    return [views[(r.id, topic_id)] for r in refs if (r.id, topic_id) in views]


def topic_changes(conn: sqlite3.Connection, topic_id: str, dyad: list[str] | None) -> list[Change]:
    history = topic_history(conn, topic_id, dyad)
    pair = resolve_dyad(conn, dyad)
    return changes_mod.topic_changes(history, meetings(conn, pair) if pair else [])


def meeting_changes(
    conn: sqlite3.Connection, meeting_id: int | None, dyad: list[str] | None,
    refs: list[MeetingRef] | None = None,
    cells: dict[tuple[int, str], Status] | None = None,
) -> list[Change]:
    """What changed at a meeting (default: the dyad's latest) against the one before."""
    if meeting_id is not None:
        pair = _ref(conn, meeting_id).dyad
    else:
        pair = resolve_dyad(conn, dyad)
    if refs is None:
        refs = meetings(conn, pair) if pair else []
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
    for (mid, tid) in cells:
        i = position.get(mid, -1)
        if 0 <= i < idx and i > last.get(tid, -1):
            last[tid] = i
    wanted = {current.id} | {refs[i].id for i in last.values()}
    names = _names(conn)
    views = entry_views(conn, {r.id: r for r in refs if r.id in wanted},
                        ids_scope(sorted(wanted)), names)
    now = [v for (mid, _), v in views.items() if mid == current.id]
    before = {tid: views[(refs[i].id, tid)] for tid, i in last.items()
              if (refs[i].id, tid) in views}
    return changes_mod.meeting_changes(current, previous, now, before)


def board(conn: sqlite3.Connection, dyad: list[str] | None) -> Board:
    pair = resolve_dyad(conn, dyad)
    if not pair:
        return Board(dyad=[], meetings=[], rows=[])
    refs = meetings(conn, pair)
    cells = raised_cells(conn, dyad_scope(pair))
    per_topic: dict[str, dict[int, Status]] = defaultdict(dict)
    for (mid, tid), status in cells.items():
        per_topic[tid][mid] = status
    out: list[TopicRow] = []
    for topic in topics(conn):
        raised = per_topic.get(topic.id)
        if not raised:
            continue
        ordered = [r for r in refs if r.id in raised]
        cur = raised[ordered[-1].id]
        trend = 0
        if len(ordered) > 1:
            delta = cur.score - raised[ordered[-2].id].score
            trend = (delta > 0) - (delta < 0)
        out.append(TopicRow.model_construct(
            topic=topic, cells={r.id: raised[r.id] for r in ordered}, current=cur, trend=trend,
            last_discussed=ordered[-1].meeting_date,
        ))
    latest = meeting_changes(conn, refs[-1].id, pair, refs=refs, cells=cells) if refs else []
    return Board.model_construct(dyad=pair, meetings=refs, rows=out, latest_changes=latest)


def meeting_detail(conn: sqlite3.Connection, meeting_id: int) -> MeetingDetail:
    ref = _ref(conn, meeting_id)
    row = conn.execute("SELECT participants FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    articles = [
        rows.article_record(r)
        for r in conn.execute("SELECT * FROM articles WHERE meeting_id = ? ORDER BY id",
                              (meeting_id,))
    ]
    names = _names(conn)
    views = entry_views(conn, {ref.id: ref}, ids_scope([meeting_id]), names)
    order = {t: i for i, t in enumerate(names)}
    entries = sorted(views.values(), key=lambda v: order.get(v.topic_id, len(order)))
    quotes = [
        rows.stored_quote(r)
        for r in conn.execute(
            f"""SELECT {rows.QUOTE_COLUMNS} FROM {rows.QUOTE_FROM}
                WHERE q.meeting_id = ? AND {rows.QUOTE_SHOWN} ORDER BY q.article_id, q.start""",
            (meeting_id,),
        )
    ]
    published = min((a.published for a in articles if a.published), default=None)
    return MeetingDetail(
        meeting=ref, published=published, participants=rows.actors_from(row["participants"]),
        articles=articles, entries=entries, quotes=quotes,
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


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_quotes(
    conn: sqlite3.Connection, words: str | None, *, speaker: str | None, topic: str | None,
    side: str | None, meeting_id: int | None, limit: int,
) -> list[StoredQuote]:
    """Shown quotes matching every filter given, newest meeting first."""
    where = [rows.QUOTE_SHOWN]
    params: list[Any] = []
    source = rows.QUOTE_FROM
    query = fts_query(words) if words else None
    if query is not None:
        source = f"quotes_fts f JOIN quotes q ON q.id = f.rowid {rows.QUOTE_FROM[len('quotes q'):]}"
        where.append("quotes_fts MATCH ?")
        params.append(query)
    if speaker:
        where.append("q.eff_speaker LIKE ? ESCAPE '\\'")
        params.append(_like(speaker))
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
    sql = (
        f"SELECT {rows.QUOTE_COLUMNS} FROM {source} WHERE {' AND '.join(where)} "
        f"ORDER BY m.meeting_date IS NULL, m.meeting_date DESC, q.meeting_id DESC, "
        f"q.article_id, q.start LIMIT ?"
    )
    return [rows.stored_quote(r) for r in conn.execute(sql, params)]


def search_articles(conn: sqlite3.Connection, words: str, limit: int) -> list[tuple[int, int, str]]:
    """(article id, meeting id, title) of articles whose title or text has every word."""
    query = fts_query(words)
    if query is None:
        return []
    found = conn.execute(
        """SELECT a.id, a.meeting_id, a.title FROM articles_fts f JOIN articles a ON a.id = f.rowid
           WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?""", (query, max(0, limit)),
    ).fetchall()
    return [(r["id"], r["meeting_id"], r["title"]) for r in found]


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Stored rows: meetings, articles, quotes (every source's copy), extracted entries."""
    out: dict[str, int] = {}
    for name, table in (("meetings", "meetings"), ("articles", "articles"),
                        ("quotes", "quotes"), ("entries", "topic_entries"),
                        ("topics", "topics")):
        out[name] = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    return out
