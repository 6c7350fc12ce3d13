"""The whole store as one `StoreDump`, and back: ids, extracted values and edits all kept."""

from __future__ import annotations

import codecs
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from store.db import journal, rows
from store.db.connection import transaction
from store.db.errors import StoreError
from store.db.queries import tuples
from store.db.schema import CURRENT_VERSION
from store.db.textkey import text_key
from store.db.writes import refresh_cells
from store.models import (
    Actor,
    StoreDump,
    Topic,
)

BATCH = 1000
ARTICLE_BATCH = 100  # articles carry their whole text and original: fewer at a time

# A batch of the dump's rows: models (topics, actors) or plain dicts (see `_actor`).
Batches = Iterator[list[Any]]


@dataclass(frozen=True)
class DumpScope:
    """Which meetings (and what of them) a dump holds: topic ids (None = all) and an
    inclusive date range; undated meetings only without a range (`export.Scope`)."""

    topics: tuple[str, ...] | None = None
    since: date | None = None
    until: date | None = None

    @property
    def whole(self) -> bool:
        return self.topics is None and self.since is None and self.until is None


def dump(conn: sqlite3.Connection) -> StoreDump:
    """Everything, in a stable order (by id), so two equal stores dump equal."""
    return StoreDump(
        schema_version=CURRENT_VERSION,
        **{name: [row for batch in batches() for row in batch]
           for name, batches in sections(conn).items()},
    )


def sections(conn: sqlite3.Connection, scope: DumpScope | None = None
             ) -> dict[str, Callable[[], Batches]]:
    """The dump's lists (StoreDump's fields, in its order), each read a batch (one query
    per table) at a time, so a dump of any size is written holding one batch.

    With a scope, the dump is cut as `export.select.narrow_dump` cuts it, in SQL: kept
    meetings with all their articles; entries, overrides, quotes, positions and
    commitments of kept meetings on topics in scope; topics and actors whole.
    """
    cut = _Cut(scope or DumpScope())
    return {
        "topics": lambda: iter([[rows.topic_from(r) for r in conn.execute(
            "SELECT * FROM topics ORDER BY rowid")]]),
        "actors": lambda: iter([[
            Actor(name=r["name"], role=r["role"], country=r["country"],
                  aliases=json.loads(r["aliases"]), kind=r["kind"])
            for r in conn.execute("SELECT * FROM actors ORDER BY name")]]),
        "meetings": lambda: _meetings(conn, cut),
        "articles": lambda: _articles(conn, cut),
        "entries": lambda: _entries(conn, cut),
        "overrides": lambda: _overrides(conn, cut),
        "quotes": lambda: _quotes(conn, cut),
        "positions": lambda: _keyed(conn, cut, "positions", _POSITION_COLUMNS),
        "commitments": lambda: _keyed(conn, cut, "commitments", _COMMITMENT_COLUMNS),
    }


class _Cut:
    """A scope as SQL conditions on `m` (the meeting) and on a row's topic."""

    def __init__(self, scope: DumpScope) -> None:
        self.whole = scope.whole
        conds: list[str] = []
        params: list[Any] = []
        if scope.since is not None or scope.until is not None:
            conds.append("m.meeting_date IS NOT NULL")
        if scope.since is not None:
            conds.append("m.meeting_date >= ?")
            params.append(scope.since.isoformat())
        if scope.until is not None:
            conds.append("m.meeting_date <= ?")
            params.append(scope.until.isoformat())
        self.topic_params: tuple[Any, ...] = tuple(scope.topics or ())
        self.topics = scope.topics is not None
        marks = ",".join("?" * len(self.topic_params)) or "NULL"
        self.topic_in = f"IN ({marks})"
        if scope.topics is not None:
            # A topic filter keeps the meetings that raised one of the topics.
            conds.append(
                f"""(EXISTS (SELECT 1 FROM topic_entries e WHERE e.meeting_id = m.id
                            AND e.topic_id {self.topic_in})
                     OR EXISTS (SELECT 1 FROM entry_overrides o WHERE o.meeting_id = m.id
                            AND o.status IS NOT NULL AND o.topic_id {self.topic_in}))""")
            params += [*self.topic_params, *self.topic_params]
        self.meeting = " AND ".join(conds) or "1"
        self.meeting_params = tuple(params)

    def topic(self, column: str) -> tuple[str, tuple[Any, ...]]:
        """A condition that the row's topic (`column`) is in scope."""
        if not self.topics:
            return "1", ()
        return f"{column} {self.topic_in}", self.topic_params


# The rows of the dump are plain dicts, not models: keys in the model's field order, values
# of the types pydantic holds (bools as bools, a figure's value as a float, nested shapes as
# dicts in their own field order), so that pydantic_core writes the same bytes for them as
# for the models (`export.json_dump`) and `StoreDump` validates them into the models
# (`dump`). tests/store_db/test_export_rows.py checks both.


def _actor(a: dict[str, Any]) -> dict[str, Any]:
    return {"name": a["name"], "role": a.get("role", ""), "country": a.get("country"),
            "aliases": a.get("aliases", []), "kind": a.get("kind", "person")}


def _actors(text: str) -> list[dict[str, Any]]:
    return [_actor(a) for a in json.loads(text)] if text != "[]" else []


def _paragraph(p: dict[str, Any]) -> dict[str, Any]:
    return {"index": p["index"], "start": p["start"], "end": p["end"],
            "section": p.get("section", 0), "heading": p.get("heading"),
            "topics": p.get("topics", [])}


def _figure(f: dict[str, Any]) -> dict[str, Any]:
    value = f.get("value")
    return {"text": f["text"], "value": float(value) if value is not None else None,
            "unit": f.get("unit", ""), "noun": f.get("noun", ""),
            "paragraph": f.get("paragraph", 0), "start": f.get("start", 0),
            "end": f.get("end", 0), "topic": f.get("topic")}


# Each list is read by a keyset on its own table (`x.id > ?`), a batch at a time: that table
# is the outer loop of every join (CROSS JOIN fixes the order in SQLite). Left to the
# planner, with the statistics of a grown store, the quotes were once read by walking
# every meeting for each batch (quadratic: 17.6 s at 100,000 meetings, 0.18 s at 10,000).


def _meetings(conn: sqlite3.Connection, cut: _Cut) -> Batches:
    after = 0
    while True:
        found = tuples(
            conn,
            f"""SELECT m.id, m.title, m.meeting_date, m.location, m.dyad, m.participants,
                       m.review FROM meetings m WHERE m.id > ? AND {cut.meeting}
                ORDER BY m.id LIMIT ?""", (after, *cut.meeting_params, BATCH)).fetchall()
        if not found:
            return
        ids = [r[0] for r in found]
        edits = _edits(conn, ids)
        yield [
            {"id": mid, "title": title, "meeting_date": when, "location": location,
             "dyad": json.loads(dyad), "participants": _actors(participants),
             "review": json.loads(review), "edits": edits.get(mid)}
            for mid, title, when, location, dyad, participants, review in found
        ]
        after = ids[-1]


def _edits(conn: sqlite3.Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    """The user's corrections of a batch of meetings (as `curate.meeting_edits`): one query."""
    marks = ",".join("?" * len(ids))
    return {
        r["meeting_id"]: {
            "title": r["title"], "meeting_date": r["meeting_date"], "location": r["location"],
            "dyad": rows.json_list(r["dyad"]) if r["dyad"] else None,
            "participants_added": _actors(r["participants_added"]),
            "participants_removed": rows.json_list(r["participants_removed"]),
        }
        for r in conn.execute(
            f"SELECT * FROM meeting_edits WHERE meeting_id IN ({marks})", ids)
    }


def _articles(conn: sqlite3.Connection, cut: _Cut) -> Batches:
    after = 0
    while True:
        found = tuples(
            conn,
            f"""SELECT a.id, a.meeting_id, a.title, a.published, a.meeting_date, a.location,
                       a.source, a.url, a.sha256, t.text, t.original, a.added_at,
                       a.paragraph_spans, a.participants, a.date_source, a.place_source,
                       a.dyad_source, a.review FROM articles a
                CROSS JOIN article_texts t ON t.article_id = a.id
                CROSS JOIN meetings m ON m.id = a.meeting_id
                WHERE a.id > ? AND {cut.meeting} ORDER BY a.id LIMIT ?""",
            (after, *cut.meeting_params, ARTICLE_BATCH)).fetchall()
        if not found:
            return
        batch = []
        for r in found:
            row = dict(zip(_ARTICLE_KEYS, r, strict=True))
            row["added_at"] = datetime.fromisoformat(r[11])
            row["paragraph_spans"] = [_paragraph(p) for p in json.loads(r[12])]
            row["participants"] = _actors(r[13])
            row["review"] = json.loads(r[17])
            batch.append(row)
        yield batch
        after = found[-1][0]


_ARTICLE_KEYS = ("id", "meeting_id", "title", "published", "meeting_date", "location", "source",
                 "url", "sha256", "text", "original", "added_at", "paragraph_spans",
                 "participants", "date_source", "place_source", "dyad_source", "review")


def _entries(conn: sqlite3.Connection, cut: _Cut) -> Batches:
    """Entries by (article, topic): a keyset on the table's unique (article_id, topic_id)."""
    after: tuple[int, str] = (0, "")
    topic, tparams = cut.topic("e.topic_id")
    while True:
        found = tuples(
            conn,
            f"""SELECT e.meeting_id, e.article_id, e.topic_id, e.status, e.evidence, e.summary,
                       e.paragraphs, e.figures FROM topic_entries e
                CROSS JOIN meetings m ON m.id = e.meeting_id
                WHERE (e.article_id, e.topic_id) > (?, ?) AND {topic} AND {cut.meeting}
                ORDER BY e.article_id, e.topic_id LIMIT ?""",
            (*after, *tparams, *cut.meeting_params, BATCH)).fetchall()
        if not found:
            return
        yield [
            {"meeting_id": mid, "article_id": aid, "topic_id": tid, "status": status,
             "evidence": evidence, "summary": summary, "paragraphs": json.loads(paragraphs),
             "figures": [_figure(f) for f in json.loads(figures)] if figures != "[]" else []}
            for mid, aid, tid, status, evidence, summary, paragraphs, figures in found
        ]
        after = (found[-1][1], found[-1][2])


def _overrides(conn: sqlite3.Connection, cut: _Cut) -> Batches:
    after: tuple[int, str] = (0, "")
    topic, tparams = cut.topic("o.topic_id")
    while True:
        found = tuples(
            conn,
            f"""SELECT o.meeting_id, o.topic_id, o.status, o.note FROM entry_overrides o
                CROSS JOIN meetings m ON m.id = o.meeting_id
                WHERE (o.meeting_id, o.topic_id) > (?, ?) AND {topic} AND {cut.meeting}
                ORDER BY o.meeting_id, o.topic_id LIMIT ?""",
            (*after, *tparams, *cut.meeting_params, BATCH)).fetchall()
        if not found:
            return
        yield [{"meeting_id": mid, "topic_id": tid, "status": status or None, "note": note}
               for mid, tid, status, note in found]
        after = (found[-1][0], found[-1][1])


# A quote's topic as the user sees it (the `eff_topic` column).
_QUOTE_TOPIC = "(CASE WHEN q.topic_overridden THEN q.topic_override ELSE q.topic END)"
_QUOTE_KEYS = ("text", "speaker", "speaker_country", "topic", "paragraph", "start", "end",
               "partial", "id", "meeting_id", "article_id", "speaker_override",
               "speaker_country_override", "topic_override", "topic_overridden",
               "country_overridden", "dropped", "duplicate_of")


def _quotes(conn: sqlite3.Connection, cut: _Cut) -> Batches:
    after = 0
    topic, tparams = cut.topic(_QUOTE_TOPIC)
    kept = f"{topic} AND {cut.meeting}"
    while True:
        found = tuples(
            conn,
            f"""SELECT q.text, q.speaker, q.speaker_country, q.topic, q.paragraph, q.start,
                       q."end", q.partial, q.id, q.meeting_id, q.article_id,
                       q.speaker_override, q.speaker_country_override, q.topic_override,
                       q.topic_overridden, q.country_overridden, q.dropped, q.duplicate_of
                FROM quotes q CROSS JOIN meetings m ON m.id = q.meeting_id
                WHERE q.id > ? AND {kept} ORDER BY q.id LIMIT ?""",
            (after, *tparams, *cut.meeting_params, BATCH)).fetchall()
        if not found:
            return
        originals = {r[17] for r in found if r[17] is not None}
        if originals and not cut.whole:
            # A kept quote may repeat one that was cut; it is then shown on its own.
            marks = ",".join("?" * len(originals))
            originals = {r[0] for r in conn.execute(
                f"""SELECT q.id FROM quotes q JOIN meetings m ON m.id = q.meeting_id
                    WHERE q.id IN ({marks}) AND {kept}""",
                (*originals, *tparams, *cut.meeting_params))}
        batch = []
        for r in found:
            row = dict(zip(_QUOTE_KEYS, r, strict=True))
            for key in ("partial", "topic_overridden", "country_overridden", "dropped"):
                row[key] = bool(row[key])
            if r[17] not in originals:
                row["duplicate_of"] = None
            batch.append(row)
        yield batch
        after = found[-1][8]


_POSITION_COLUMNS = ("side", "speaker", "topic", "kind", "text", "paragraph", "start", "end",
                     "quote", "id", "meeting_id", "article_id")
_COMMITMENT_COLUMNS = ("parties", "topic", "text", "due", "paragraph", "start", "end", "id",
                       "meeting_id", "article_id", "manual_state", "note")


def _keyed(conn: sqlite3.Connection, cut: _Cut, table: str, keys: tuple[str, ...]) -> Batches:
    """Positions or commitments by id, of kept meetings and on topics in scope."""
    after = 0
    topic, tparams = cut.topic("x.topic")
    columns = ", ".join(f'x."{k}"' for k in keys)
    while True:
        found = tuples(
            conn,
            f"""SELECT {columns} FROM {table} x CROSS JOIN meetings m ON m.id = x.meeting_id
                WHERE x.id > ? AND {topic} AND {cut.meeting} ORDER BY x.id LIMIT ?""",
            (after, *tparams, *cut.meeting_params, BATCH)).fetchall()
        if not found:
            return
        batch = [dict(zip(keys, r, strict=True)) for r in found]
        if keys[0] == "parties":
            for row in batch:
                row["parties"] = json.loads(row["parties"])
        yield batch
        after = batch[-1]["id"]


# SQLite's INTEGER is 64-bit signed; ids start at 1 (bilat addresses meetings by `#N`, N >= 1).
MAX_ID = 2**63 - 1


def parse(raw: bytes) -> StoreDump:
    """A dump from the bytes of a JSON file; pydantic's ValidationError when it is not one.

    A UTF-8 BOM (Windows editors write one) is not JSON, but the text after it is."""
    return StoreDump.model_validate_json(raw.removeprefix(codecs.BOM_UTF8))


def check(data: StoreDump) -> None:
    """StoreError naming the first row no store could hold, or that bilat could not show:
    an id out of 1..2^63-1, an article with no text."""
    for what, ids in (("meeting", [m.id for m in data.meetings]),
                      ("article", [a.id for a in data.articles]),
                      ("quote", [q.id for q in data.quotes])):
        for n in ids:
            if not 1 <= n <= MAX_ID:
                shown = str(n) if len(str(n)) <= 30 else f"of {len(str(n))} digits"
                raise StoreError(f"dump: {what} id {shown} is out of range (ids run from 1 to "
                                 f"{MAX_ID}); nothing was imported")
    for a in data.articles:
        if not a.text.strip() or not a.original.strip():
            raise StoreError(f"dump: article id {a.id} has no text; nothing was imported")


def load(conn: sqlite3.Connection, data: StoreDump) -> None:
    """Fill an empty store from a dump, in one transaction (all or nothing)."""
    if data.schema_version > CURRENT_VERSION:
        raise StoreError(
            f"dump is from a newer bilat (schema {data.schema_version}); upgrade bilat to import it"
        )
    check(data)
    try:
        _load(conn, data)
    except sqlite3.IntegrityError as exc:
        # A hand-edited or truncated dump (a quote whose article is missing, ...): the
        # transaction rolled back, so say what is wrong with the dump, not with the store.
        raise StoreError(f"dump is inconsistent ({exc}); nothing was imported") from None
    except OverflowError:
        # Any other number past SQLite's 64 bits (a paragraph, an offset); rolled back too.
        raise StoreError("dump holds a number out of range (more than 64 bits); "
                         "nothing was imported") from None


def _load(conn: sqlite3.Connection, data: StoreDump) -> None:
    with transaction(conn):
        held = conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
        if held:
            raise StoreError(f"store is not empty ({held} meetings); import into a new store")
        _load_topics(conn, data.topics)
        conn.execute("DELETE FROM actors")  # learned from removed meetings; the dump's replace them
        conn.executemany(
            "INSERT INTO actors (name, role, country, aliases, kind) VALUES (?, ?, ?, ?, ?)",
            [(a.name, a.role, a.country, rows.dumps(a.aliases), a.kind) for a in data.actors],
        )
        conn.executemany(
            """INSERT INTO meetings
                   (id, title, dyad, dyad_key, meeting_date, location, participants, review)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [(m.id, m.title, rows.dumps(m.dyad), rows.dyad_key(m.dyad), rows.iso(m.meeting_date),
              m.location, rows.actors_json(m.participants), rows.dumps(m.review))
             for m in data.meetings],
        )
        conn.executemany(
            """INSERT INTO meeting_edits (meeting_id, title, meeting_date, location, dyad,
                   participants_added, participants_removed) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [(m.id, e.title, rows.iso(e.meeting_date), e.location,
              rows.dumps(e.dyad) if e.dyad is not None else None,
              rows.actors_json(e.participants_added), rows.dumps(e.participants_removed))
             for m in data.meetings if (e := m.edits) is not None],
        )
        conn.executemany(
            """INSERT INTO articles (id, meeting_id, title, published, meeting_date, location,
                   source, url, sha256, paragraph_spans, participants, added_at, date_source,
                   place_source, dyad_source, review, text_key)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [(a.id, a.meeting_id, a.title, rows.iso(a.published), rows.iso(a.meeting_date),
              a.location, a.source, a.url, a.sha256,
              rows.dumps([p.model_dump(mode="json") for p in a.paragraph_spans]),
              rows.actors_json(a.participants), a.added_at.isoformat(), a.date_source,
              a.place_source, a.dyad_source, rows.dumps(a.review), text_key(a.text))
             for a in data.articles],
        )
        conn.executemany(
            "INSERT INTO article_texts (article_id, original, text) VALUES (?, ?, ?)",
            [(a.id, a.original, a.text) for a in data.articles],
        )
        conn.executemany(
            """INSERT INTO topic_entries (meeting_id, topic_id, article_id, status, evidence,
                   summary, paragraphs, figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [(e.meeting_id, e.topic_id, e.article_id, e.status.value, e.evidence, e.summary,
              rows.dumps(e.paragraphs), rows.figures_json(e.figures)) for e in data.entries],
        )
        conn.executemany(
            "INSERT INTO entry_overrides (meeting_id, topic_id, status, note) VALUES (?, ?, ?, ?)",
            [(o.meeting_id, o.topic_id, o.status.value if o.status else None, o.note)
             for o in data.overrides],
        )
        conn.execute(
            """UPDATE meetings SET sources = COALESCE((
                SELECT json_group_array(source) FROM (
                    SELECT source, min(id) AS first FROM articles
                    WHERE meeting_id = meetings.id AND source IS NOT NULL
                    GROUP BY source ORDER BY first)), '[]')"""
        )
        for (mid,) in conn.execute("SELECT id FROM meetings").fetchall():
            refresh_cells(conn, mid)
        # duplicate_of points at other quotes: insert without it, then set it.
        conn.executemany(
            """INSERT INTO quotes (id, article_id, meeting_id, text, speaker, speaker_country,
                   topic, paragraph, start, "end", partial, speaker_override,
                   speaker_country_override, topic_override, topic_overridden, dropped,
                   country_overridden)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [(q.id, q.article_id, q.meeting_id, q.text, q.speaker, q.speaker_country, q.topic,
              q.paragraph, q.start, q.end, int(q.partial), q.speaker_override,
              q.speaker_country_override, q.topic_override, int(q.topic_overridden),
              int(q.dropped), int(q.country_overridden)) for q in data.quotes],
        )
        conn.executemany(
            "UPDATE quotes SET duplicate_of = ? WHERE id = ?",
            [(q.duplicate_of, q.id) for q in data.quotes if q.duplicate_of is not None],
        )
        # No foreign key ties them to their article (schema v6): check it here.
        owner = {a.id: a.meeting_id for a in data.articles}
        rows_held = [("position", p.id, p.article_id, p.meeting_id) for p in data.positions]
        rows_held += [("commitment", k.id, k.article_id, k.meeting_id) for k in data.commitments]
        for what, rid, article_id, meeting_id in rows_held:
            if owner.get(article_id) != meeting_id:
                raise StoreError(
                    f"dump is inconsistent ({what} {rid} names article {article_id} of meeting "
                    f"{meeting_id}, which the dump does not hold); nothing was imported")
        conn.executemany(
            """INSERT INTO positions (id, article_id, meeting_id, side, speaker, topic, kind,
                   text, paragraph, start, "end", quote)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [(p.id, p.article_id, p.meeting_id, p.side, p.speaker, p.topic, p.kind, p.text,
              p.paragraph, p.start, p.end, p.quote) for p in data.positions],
        )
        conn.executemany(
            """INSERT INTO commitments (id, article_id, meeting_id, parties, topic, text, due,
                   paragraph, start, "end", manual_state, note)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [(k.id, k.article_id, k.meeting_id, rows.dumps(k.parties), k.topic, k.text, k.due,
              k.paragraph, k.start, k.end, k.manual_state, k.note) for k in data.commitments],
        )
        # Undo of an import removes what it brought (the store was empty before).
        journal.record(
            conn, "import", f"import {len(data.meetings)} meetings, {len(data.articles)} articles",
            None, {"meetings": []}, {"meeting_ids": [m.id for m in data.meetings]},
        )


def _load_topics(conn: sqlite3.Connection, topics: list[Topic]) -> None:
    """The dump's topics in the dump's order; seeded defaults it lacks stay, after them."""
    kept = [
        rows.topic_from(r) for r in conn.execute("SELECT * FROM topics ORDER BY rowid")
    ]
    conn.execute("DELETE FROM entry_overrides")  # empty anyway; topics rows are referenced
    conn.execute("DELETE FROM topics")
    ids = {t.id for t in topics}
    for t in [*topics, *(k for k in kept if k.id not in ids)]:
        conn.execute(
            "INSERT INTO topics (id, name, keywords, description) VALUES (?, ?, ?, ?)",
            (t.id, t.name, rows.dumps(t.keywords), t.description),
        )
