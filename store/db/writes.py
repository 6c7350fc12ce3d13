"""Every change to the store; each public function is one transaction."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from store.db import journal, rows, stances
from store.db.connection import transaction
from store.db.errors import DuplicateArticle, StoreError
from store.db.merge import (
    QuoteKey,
    entry_rank,
    find_duplicates,
    participants_overlap,
    union_actors,
)
from store.db.textkey import text_key
from store.models import Actor, AddResult, MeetingDraft, Quote, Status, Topic, TopicEntry

Extractor = Callable[..., MeetingDraft]


# --- helpers used inside a transaction -----------------------------------------


def ensure_topics(conn: sqlite3.Connection, entries: list[TopicEntry]) -> None:
    """Topics an extractor knows but the store does not yet (a user topic) get a row."""
    for e in entries:
        conn.execute(
            "INSERT INTO topics (id, name) VALUES (?, ?) ON CONFLICT(id) DO NOTHING",
            (e.id, e.name or e.id),
        )


def upsert_actors(conn: sqlite3.Connection, actors: list[Actor]) -> None:
    """Learn people and bodies: new names are added, known ones gain aliases and blanks filled."""
    for a in actors:
        row = conn.execute(
            "SELECT role, country, aliases FROM actors WHERE name = ?", (a.name,)
        ).fetchone()
        if row is None:
            conn.execute(
                "INSERT INTO actors (name, role, country, aliases, kind) VALUES (?, ?, ?, ?, ?)",
                (a.name, a.role, a.country, rows.dumps(a.aliases), a.kind),
            )
            continue
        aliases = json.loads(row["aliases"])
        merged = aliases + [x for x in a.aliases if x not in aliases]
        role, country = row["role"] or a.role, row["country"] or a.country
        if (role, country, merged) == (row["role"], row["country"], aliases):
            continue  # nothing new: an UPDATE would still dirty a page of every commit
        conn.execute(
            "UPDATE actors SET role = ?, country = ?, aliases = ? WHERE name = ?",
            (role, country, rows.dumps(merged), a.name),
        )


def insert_entries(
    conn: sqlite3.Connection, meeting_id: int, article_id: int, entries: list[TopicEntry]
) -> None:
    conn.executemany(
        """INSERT INTO topic_entries (meeting_id, topic_id, article_id, status, evidence, summary,
               paragraphs, figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(article_id, topic_id) DO NOTHING""",
        [
            (meeting_id, e.id, article_id, e.status.value, e.evidence, e.summary,
             rows.dumps(e.paragraphs), rows.figures_json(e.figures))
            for e in entries
        ],
    )


def insert_quotes(
    conn: sqlite3.Connection, meeting_id: int, article_id: int, quotes: list[Quote]
) -> None:
    conn.executemany(
        """INSERT INTO quotes (article_id, meeting_id, text, speaker, speaker_country, topic,
               paragraph, start, "end", partial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (article_id, meeting_id, q.text, q.speaker, q.speaker_country, q.topic,
             q.paragraph, q.start, q.end, int(q.partial))
            for q in quotes
        ],
    )


def refresh_duplicates(conn: sqlite3.Connection, meeting_id: int) -> int:
    """Recompute which of a meeting's quotes repeat another; returns how many are shown."""
    found = conn.execute(
        "SELECT id, text, eff_speaker, duplicate_of FROM quotes "
        "WHERE meeting_id = ? AND dropped = 0",
        (meeting_id,),
    ).fetchall()
    dup = find_duplicates([QuoteKey(r["id"], r["text"], r["eff_speaker"]) for r in found])
    changed = [(dup.get(r["id"]), r["id"]) for r in found if dup.get(r["id"]) != r["duplicate_of"]]
    if changed:
        conn.executemany("UPDATE quotes SET duplicate_of = ? WHERE id = ?", changed)
    # A dropped quote never hides another, and is never marked as a repeat.
    conn.execute(
        "UPDATE quotes SET duplicate_of = NULL WHERE meeting_id = ? AND dropped = 1 "
        "AND duplicate_of IS NOT NULL", (meeting_id,),
    )
    return len(found) - len(dup)


def refresh_from_articles(conn: sqlite3.Connection, meeting_id: int) -> None:
    """A meeting's participants and sources: the union over its articles, first seen first."""
    found = conn.execute(
        "SELECT participants, source FROM articles WHERE meeting_id = ? ORDER BY id", (meeting_id,)
    ).fetchall()
    actors = union_actors(*(rows.actors_from(r["participants"]) for r in found))
    edits = conn.execute(
        "SELECT participants_added, participants_removed FROM meeting_edits WHERE meeting_id = ?",
        (meeting_id,),
    ).fetchone()
    if edits is not None:
        actors = apply_participant_edits(
            actors, rows.actors_from(edits["participants_added"]),
            rows.json_list(edits["participants_removed"]),
        )
    sources: list[str] = []
    for r in found:
        if r["source"] is not None and r["source"] not in sources:
            sources.append(r["source"])
    conn.execute(
        "UPDATE meetings SET participants = ?, sources = ? WHERE id = ?",
        (rows.actors_json(actors), rows.dumps(sources), meeting_id),
    )


def apply_participant_edits(
    actors: list[Actor], added: list[Actor], removed: list[str]
) -> list[Actor]:
    """The articles' participants with the user's removals and additions applied."""
    gone = {n.casefold() for n in removed}
    kept = [a for a in actors if a.name.casefold() not in gone]
    return union_actors(kept, [a for a in added if a.name.casefold() not in gone])


def refresh_cells(conn: sqlite3.Connection, meeting_id: int) -> None:
    """Recompute the meeting's `cells`: topic id -> the status views show.

    The board reads these one row per meeting instead of one row per entry
    (ten times fewer rows at 10,000 meetings). Same rule as the views: the
    user's override, else the winning article's entry (`merge.entry_rank`).
    """
    best: dict[str, tuple[tuple[bool, str, int], str]] = {}
    for r in conn.execute(
        """SELECT e.topic_id, e.status, e.evidence, e.article_id, a.published
           FROM topic_entries e JOIN articles a ON a.id = e.article_id WHERE e.meeting_id = ?""",
        (meeting_id,),
    ):
        rank = entry_rank(r["evidence"], rows.to_date(r["published"]), r["article_id"])
        if r["topic_id"] not in best or rank > best[r["topic_id"]][0]:
            best[r["topic_id"]] = (rank, r["status"])
    cells = {tid: status for tid, (_, status) in best.items()}
    for r in conn.execute(
        "SELECT topic_id, status FROM entry_overrides WHERE meeting_id = ? AND status IS NOT NULL",
        (meeting_id,),
    ):
        cells[r["topic_id"]] = r["status"]
    conn.execute("UPDATE meetings SET cells = ? WHERE id = ?", (rows.dumps(cells), meeting_id))


def find_meeting(conn: sqlite3.Connection, draft: MeetingDraft) -> int | None:
    """The stored meeting this article reports, if any: same dyad, date within a day,
    a participant in common. The nearest date wins; then the earliest meeting."""
    if draft.meeting_date is None or len(draft.dyad) != 2 or not draft.participants:
        return None
    day = timedelta(days=1)
    candidates = conn.execute(
        """SELECT id, meeting_date, participants FROM meetings
           WHERE dyad_key = ? AND meeting_date BETWEEN ? AND ? ORDER BY id""",
        (rows.dyad_key(draft.dyad), (draft.meeting_date - day).isoformat(),
         (draft.meeting_date + day).isoformat()),
    ).fetchall()
    best: tuple[int, int] | None = None
    for r in candidates:
        if not participants_overlap(draft.participants, rows.actors_from(r["participants"])):
            continue
        gap = abs((rows.to_date(r["meeting_date"]) or draft.meeting_date) - draft.meeting_date).days
        if best is None or gap < best[0]:
            best = (gap, r["id"])
    return best[1] if best else None


def _duplicate_message(conn: sqlite3.Connection, sha256: str, key: int | None) -> str | None:
    # One statement, two index probes: the common case (nothing found) costs one query.
    row = conn.execute(
        """SELECT m.id, m.title, m.meeting_date, a.sha256 = ? AS same_file FROM articles a
           JOIN meetings m ON m.id = a.meeting_id WHERE a.sha256 = ? OR a.text_key = ?
           ORDER BY same_file DESC LIMIT 1""", (sha256, sha256, key),
    ).fetchone()
    if row is None:
        return None
    same = "" if row["same_file"] else " (the same text from another page)"
    when = f" of {row['meeting_date']}" if row["meeting_date"] else ""
    return f"already stored{same}: this article is in meeting {row['id']} “{row['title']}”{when}"


# --- public writes ------------------------------------------------------------------


def add_draft(conn: sqlite3.Connection, draft: MeetingDraft, *, new_meeting: bool) -> AddResult:
    """Store one article as one transaction; joins its meeting when one matches."""
    if not draft.original and not draft.text:
        raise StoreError("article has no text; nothing stored")
    sha = draft.sha256 or hashlib.sha256(
        (draft.original or draft.text).encode("utf-8", "surrogatepass")
    ).hexdigest()
    dyad = sorted(draft.dyad)
    key = text_key(draft.text)
    review = rows.dumps(list(dict.fromkeys(draft.review_reasons)))
    with transaction(conn):
        message = _duplicate_message(conn, sha, key)
        if message:
            raise DuplicateArticle(message)
        ensure_topics(conn, draft.topics)
        upsert_actors(conn, draft.participants)
        meeting_id = None if new_meeting else find_meeting(conn, draft)
        joined = meeting_id is not None
        shown_before = 0
        before: dict[str, object] = {}
        if meeting_id is None:
            cur = conn.execute(
                """INSERT INTO meetings
                       (title, dyad, dyad_key, meeting_date, location, participants, sources,
                        review)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (draft.title, rows.dumps(dyad), rows.dyad_key(dyad), rows.iso(draft.meeting_date),
                 draft.location, rows.actors_json(draft.participants),
                 rows.dumps([draft.source] if draft.source else []), review),
            )
            meeting_id = int(cur.lastrowid or 0)
        else:
            # Undo of a join puts the meeting row back as it was (location, sources, ...).
            before = {"meeting": journal.meeting_row(conn, meeting_id)}
            shown_before = conn.execute(
                f"SELECT count(*) FROM quotes q WHERE q.meeting_id = ? AND {rows.QUOTE_SHOWN}",
                (meeting_id,),
            ).fetchone()[0]
            conn.execute(
                "UPDATE meetings SET location = COALESCE(location, ?) WHERE id = ?",
                (draft.location, meeting_id),
            )
        cur = conn.execute(
            """INSERT INTO articles (meeting_id, title, published, meeting_date, location, source,
                   url, sha256, paragraph_spans, participants, added_at, date_source,
                   place_source, dyad_source, review, text_key, fetched_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (meeting_id, draft.title, rows.iso(draft.published), rows.iso(draft.meeting_date),
             draft.location, draft.source, draft.url, sha,
             rows.dumps([p.model_dump(mode="json") for p in draft.paragraph_spans]),
             rows.actors_json(draft.participants), datetime.now(UTC).isoformat(),
             draft.date_source, draft.place_source, draft.dyad_source, review, key,
             draft.fetched_at and draft.fetched_at.isoformat()),
        )
        article_id = int(cur.lastrowid or 0)
        conn.execute(
            "INSERT INTO article_texts (article_id, original, text) VALUES (?, ?, ?)",
            (article_id, draft.original, draft.text),
        )
        insert_entries(conn, meeting_id, article_id, draft.topics)
        insert_quotes(conn, meeting_id, article_id, draft.quotes)
        stances.insert_positions(conn, meeting_id, article_id, draft.positions)
        stances.insert_commitments(conn, meeting_id, article_id, draft.commitments)
        refresh_cells(conn, meeting_id)
        added, merged = len(draft.quotes), 0
        if joined:
            refresh_from_articles(conn, meeting_id)
            shown_after = refresh_duplicates(conn, meeting_id)
            added = max(0, shown_after - shown_before)
            merged = len(draft.quotes) - added
        how = f"joined meeting {meeting_id}" if joined else f"new meeting {meeting_id}"
        journal.record(
            conn, "add", f"add “{draft.title}” ({how})", meeting_id, before,
            {"article_id": article_id, "meeting_id": meeting_id, "new_meeting": not joined},
        )
    return AddResult(
        meeting_id=meeting_id, article_id=article_id, joined_existing=joined,
        quotes_added=added, quotes_merged=merged,
    )


def _require(conn: sqlite3.Connection, table: str, key: object, what: str) -> None:
    if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (key,)).fetchone() is None:
        raise StoreError(f"no {what} {key!r} in the store")


def set_status(
    conn: sqlite3.Connection, meeting_id: int, topic_id: str, status: Status | None,
    note: str | None,
) -> None:
    """The user's status and note for meeting x topic; both None removes the override."""
    with transaction(conn):
        _require(conn, "meetings", meeting_id, "meeting")
        _require(conn, "topics", topic_id, "topic")
        before = journal.override_row(conn, meeting_id, topic_id)
        if status is None and note is None:
            conn.execute(
                "DELETE FROM entry_overrides WHERE meeting_id = ? AND topic_id = ?",
                (meeting_id, topic_id),
            )
        else:
            conn.execute(
                """INSERT INTO entry_overrides (meeting_id, topic_id, status, note)
                   VALUES (?, ?, ?, ?) ON CONFLICT(meeting_id, topic_id) DO UPDATE
                   SET status = excluded.status, note = excluded.note""",
                (meeting_id, topic_id, status.value if status else None, note),
            )
        refresh_cells(conn, meeting_id)
        what = status.value if status else "auto"
        journal.record(
            conn, "set-status", f"meeting {meeting_id}, {topic_id}: {what}"
            + (f" (note: {note})" if note else ""), meeting_id,
            {"topic_id": topic_id, "override": before},
            {"topic_id": topic_id, "override": journal.override_row(conn, meeting_id, topic_id)},
        )


def _quote_meeting(conn: sqlite3.Connection, quote_id: int) -> int:
    row = conn.execute("SELECT meeting_id FROM quotes WHERE id = ?", (quote_id,)).fetchone()
    if row is None:
        raise StoreError(f"no quote {quote_id} in the store")
    return int(row["meeting_id"])


def journal_quote(
    conn: sqlite3.Connection, quote_id: int, before: dict[str, object], what: str
) -> None:
    """Record a quote edit: the user's columns before and after."""
    after = journal.quote_edit_row(conn, quote_id)
    journal.record(conn, "quote", f"quote {quote_id}: {what}", int(after["meeting_id"]),
                   {"quote": before}, {"quote": after})


def set_quote_speaker(
    conn: sqlite3.Connection, quote_id: int, speaker: str, country: str | None
) -> None:
    with transaction(conn):
        meeting_id = _quote_meeting(conn, quote_id)
        before = journal.quote_edit_row(conn, quote_id)
        conn.execute(
            "UPDATE quotes SET speaker_override = ?, speaker_country_override = ? WHERE id = ?",
            (speaker, country, quote_id),
        )
        refresh_duplicates(conn, meeting_id)
        journal_quote(conn, quote_id, before, f"speaker {speaker}")


def set_quote_topic(conn: sqlite3.Connection, quote_id: int, topic_id: str | None) -> None:
    with transaction(conn):
        _quote_meeting(conn, quote_id)
        if topic_id is not None:
            _require(conn, "topics", topic_id, "topic")
        before = journal.quote_edit_row(conn, quote_id)
        conn.execute(
            "UPDATE quotes SET topic_override = ?, topic_overridden = 1 WHERE id = ?",
            (topic_id, quote_id),
        )
        journal_quote(conn, quote_id, before, f"topic {topic_id or 'none'}")


def set_dropped(conn: sqlite3.Connection, quote_id: int, dropped: bool) -> None:
    with transaction(conn):
        meeting_id = _quote_meeting(conn, quote_id)
        before = journal.quote_edit_row(conn, quote_id)
        conn.execute("UPDATE quotes SET dropped = ? WHERE id = ?", (int(dropped), quote_id))
        refresh_duplicates(conn, meeting_id)
        journal_quote(conn, quote_id, before, "dropped" if dropped else "restored")


def remove_meeting(conn: sqlite3.Connection, meeting_id: int) -> None:
    with transaction(conn):
        _require(conn, "meetings", meeting_id, "meeting")
        snap = journal.snapshot(conn, meeting_id)
        journal.delete_meetings(conn, [meeting_id])
        title = snap["meetings"][0]["title"]
        journal.record(conn, "rm", f"remove meeting {meeting_id} “{title}”", meeting_id,
                       {"meetings": [snap]}, {"meeting_ids": []})


def split_meeting(conn: sqlite3.Connection, meeting_id: int) -> list[int]:
    """One meeting per article again; the first article keeps the meeting (and its id)."""
    with transaction(conn):
        meeting = conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        if meeting is None:
            raise StoreError(f"no meeting {meeting_id!r} in the store")
        snap = journal.snapshot(conn, meeting_id)
        articles = conn.execute(
            "SELECT * FROM articles WHERE meeting_id = ? ORDER BY id", (meeting_id,)
        ).fetchall()
        overrides = conn.execute(
            "SELECT topic_id, status, note FROM entry_overrides WHERE meeting_id = ?", (meeting_id,)
        ).fetchall()
        ids = [meeting_id]
        for art in articles[1:]:
            cur = conn.execute(
                """INSERT INTO meetings
                       (title, dyad, dyad_key, meeting_date, location, participants)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                (art["title"], meeting["dyad"], meeting["dyad_key"],
                 art["meeting_date"] or meeting["meeting_date"],
                 art["location"] or meeting["location"], art["participants"]),
            )
            new_id = int(cur.lastrowid or 0)
            ids.append(new_id)
            conn.execute("UPDATE articles SET meeting_id = ? WHERE id = ?", (new_id, art["id"]))
            conn.execute(
                "UPDATE topic_entries SET meeting_id = ? WHERE article_id = ?", (new_id, art["id"])
            )
            conn.execute(
                "UPDATE quotes SET meeting_id = ?, duplicate_of = NULL WHERE article_id = ?",
                (new_id, art["id"]),
            )
            stances.move_article(conn, meeting_id, art["id"], new_id)
            # The user's judgement on a topic applies to every source that raised it.
            for o in overrides:
                raised = conn.execute(
                    "SELECT 1 FROM topic_entries WHERE meeting_id = ? AND topic_id = ?",
                    (new_id, o["topic_id"]),
                ).fetchone()
                if raised:
                    conn.execute(
                        "INSERT INTO entry_overrides (meeting_id, topic_id, status, note) "
                        "VALUES (?, ?, ?, ?)", (new_id, o["topic_id"], o["status"], o["note"]),
                    )
        conn.execute("UPDATE quotes SET duplicate_of = NULL WHERE meeting_id = ?", (meeting_id,))
        for mid in ids:
            refresh_from_articles(conn, mid)
            refresh_duplicates(conn, mid)
            refresh_cells(conn, mid)
        journal.record(conn, "split", f"split meeting {meeting_id} into {len(ids)}", meeting_id,
                       {"meetings": [snap]}, {"meeting_ids": ids})
    return ids


def add_topic(conn: sqlite3.Connection, topic: Topic) -> None:
    """Add a user topic, or update name, keywords and description of a known id."""
    with transaction(conn):
        conn.execute(
            """INSERT INTO topics (id, name, keywords, description) VALUES (?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET name = excluded.name, keywords = excluded.keywords,
               description = excluded.description""",
            (topic.id, topic.name, rows.dumps(topic.keywords), topic.description),
        )


def seed_topics(conn: sqlite3.Connection, topics: list[Topic]) -> None:
    """Defaults at creation; ids already present (user edits) are left as they are."""
    with transaction(conn):
        conn.executemany(
            """INSERT INTO topics (id, name, keywords, description) VALUES (?, ?, ?, ?)
               ON CONFLICT(id) DO NOTHING""",
            [(t.id, t.name, rows.dumps(t.keywords), t.description) for t in topics],
        )
