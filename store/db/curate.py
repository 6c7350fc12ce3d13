"""A user's corrections after saving: a meeting's fields and participants, a quote, its
sources (remove, merge, split), confirming what ingest guessed. Each public function is
one transaction with its journal entry.

Edits are kept apart from extracted values: `meeting_edits` holds what the user set, the
articles keep what ingest read, and the meeting row shows the edit when there is one.
Re-extraction (`reindex`) rewrites articles only, so edits survive it.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from store.db import journal, rows, stances
from store.db.connection import transaction
from store.db.errors import StoreError
from store.db.writes import (
    refresh_cells,
    refresh_duplicates,
    refresh_from_articles,
    upsert_actors,
)
from store.models import Actor, MeetingEdits, SourceInfo, StoredQuote

UNSET: Any = object()  # "leave as it is", where None means "no value"


def _meeting_state(conn: sqlite3.Connection, meeting_id: int) -> dict[str, Any]:
    return {"meeting": journal.meeting_row(conn, meeting_id),
            "edits": journal.edits_row(conn, meeting_id)}


def _ensure_edits(conn: sqlite3.Connection, meeting_id: int) -> None:
    conn.execute(
        "INSERT INTO meeting_edits (meeting_id) VALUES (?) ON CONFLICT(meeting_id) DO NOTHING",
        (meeting_id,),
    )


def edit_meeting(
    conn: sqlite3.Connection, meeting_id: int, *, title: str | None = None,
    meeting_date: date | None = None, location: str | None = None, dyad: list[str] | None = None,
) -> list[str]:
    """Set the given fields (None: leave as it is); returns what changed, as words."""
    changed: list[str] = []
    with transaction(conn):
        before = _meeting_state(conn, meeting_id)
        _ensure_edits(conn, meeting_id)
        if title is not None:
            title = title.strip()
            if not title:
                raise StoreError("a meeting's title cannot be empty")
            conn.execute("UPDATE meeting_edits SET title = ? WHERE meeting_id = ?",
                         (title, meeting_id))
            conn.execute("UPDATE meetings SET title = ? WHERE id = ?", (title, meeting_id))
            changed.append(f"title “{title}”")
        if meeting_date is not None:
            conn.execute("UPDATE meeting_edits SET meeting_date = ? WHERE meeting_id = ?",
                         (meeting_date.isoformat(), meeting_id))
            conn.execute("UPDATE meetings SET meeting_date = ? WHERE id = ?",
                         (meeting_date.isoformat(), meeting_id))
            changed.append(f"date {meeting_date.isoformat()}")
        if location is not None:
            place = location.strip() or None
            conn.execute("UPDATE meeting_edits SET location = ? WHERE meeting_id = ?",
                         (place, meeting_id))
            conn.execute("UPDATE meetings SET location = ? WHERE id = ?", (place, meeting_id))
            changed.append(f"place {place or '(none)'}")
        if dyad is not None:
            pair = sorted(c.strip() for c in dyad if c.strip())
            if len(pair) != 2 or pair[0] == pair[1]:
                raise StoreError(f"a pair is two different countries, not {dyad!r}")
            conn.execute("UPDATE meeting_edits SET dyad = ? WHERE meeting_id = ?",
                         (rows.dumps(pair), meeting_id))
            conn.execute("UPDATE meetings SET dyad = ?, dyad_key = ? WHERE id = ?",
                         (rows.dumps(pair), rows.dyad_key(pair), meeting_id))
            changed.append(f"pair {' – '.join(pair)}")
        if not changed:
            raise StoreError("nothing to change: give a date, place, pair or title")
        # An edit is the user's look at the meeting: what ingest guessed is now settled.
        conn.execute("UPDATE meetings SET review = '[]' WHERE id = ?", (meeting_id,))
        journal.record(conn, "edit", f"edit meeting {meeting_id}: {', '.join(changed)}",
                       meeting_id, before, _meeting_state(conn, meeting_id))
    return changed


def edit_participants(
    conn: sqlite3.Connection, meeting_id: int, *, add: list[Actor] | None = None,
    remove: list[str] | None = None,
) -> list[Actor]:
    """Add and remove participants by name; returns the meeting's list afterwards."""
    add, remove = add or [], remove or []
    if not add and not remove:
        raise StoreError("nothing to change: give --add NAME or --rm NAME")
    with transaction(conn):
        before = _meeting_state(conn, meeting_id)
        held = rows.actors_from(before["meeting"]["participants"])
        names = {a.name.casefold(): a.name for a in held}
        for name in remove:
            if name.strip().casefold() not in names:
                who = ", ".join(a.name for a in held) or "nobody"
                raise StoreError(f"no participant {name!r} at meeting {meeting_id} ({who})")
        _ensure_edits(conn, meeting_id)
        row = conn.execute(
            "SELECT participants_added, participants_removed FROM meeting_edits "
            "WHERE meeting_id = ?", (meeting_id,),
        ).fetchone()
        added = rows.actors_from(row["participants_added"])
        removed = rows.json_list(row["participants_removed"])
        gone = {n.strip().casefold() for n in remove}
        added = [a for a in added if a.name.casefold() not in gone]
        removed += [names[n] for n in gone if names[n] not in removed]
        new = {a.name.casefold() for a in add}
        removed = [n for n in removed if n.casefold() not in new]
        added += [a for a in add if a.name.casefold() not in {b.name.casefold() for b in added}]
        conn.execute(
            "UPDATE meeting_edits SET participants_added = ?, participants_removed = ? "
            "WHERE meeting_id = ?", (rows.actors_json(added), rows.dumps(removed), meeting_id),
        )
        upsert_actors(conn, add)
        refresh_from_articles(conn, meeting_id)
        conn.execute("UPDATE meetings SET review = '[]' WHERE id = ?", (meeting_id,))
        words = [f"+{a.name}" for a in add] + [f"-{n}" for n in remove]
        journal.record(conn, "participants",
                       f"participants of meeting {meeting_id}: {' '.join(words)}", meeting_id,
                       before, _meeting_state(conn, meeting_id))
        after = journal.meeting_row(conn, meeting_id)
    return rows.actors_from(after["participants"])


def confirm(conn: sqlite3.Connection, meeting_id: int) -> list[str]:
    """Settle what ingest guessed; returns the reasons that were cleared ([]: nothing to do)."""
    with transaction(conn):
        before = _meeting_state(conn, meeting_id)
        reasons = rows.json_list(before["meeting"]["review"])
        if not reasons:
            return []
        conn.execute("UPDATE meetings SET review = '[]' WHERE id = ?", (meeting_id,))
        journal.record(conn, "confirm",
                       f"confirm meeting {meeting_id} ({', '.join(reasons)})", meeting_id,
                       before, _meeting_state(conn, meeting_id))
    return reasons


def speaker_country(conn: sqlite3.Connection, meeting_id: int, speaker: str) -> str | None:
    """The side a speaker is on: a participant's or a known actor's country, by name or alias."""
    key = speaker.strip().casefold()
    row = conn.execute("SELECT participants FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    known = rows.actors_from(row["participants"]) if row else []
    for r in conn.execute("SELECT name, country, aliases FROM actors WHERE country IS NOT NULL"):
        known.append(Actor(name=r["name"], country=r["country"],
                           aliases=rows.json_list(r["aliases"])))
    for a in known:
        if a.country and key in {a.name.casefold(), *(x.casefold() for x in a.aliases)}:
            return a.country
    return None


def edit_quote(
    conn: sqlite3.Connection, quote_id: int, *, speaker: str | None = None,
    side: str | None = None, topic: str | None = UNSET, drop: bool | None = None,
) -> list[str]:
    """Fix a quote's speaker (its side follows unless given), side, topic, or drop it."""
    with transaction(conn):
        before = journal.quote_edit_row(conn, quote_id)
        meeting_id = int(before["meeting_id"])
        changed: list[str] = []
        if speaker is not None:
            speaker = speaker.strip()
            if not speaker:
                raise StoreError("a speaker's name cannot be empty")
            country = side.strip() if side else speaker_country(conn, meeting_id, speaker)
            conn.execute(
                "UPDATE quotes SET speaker_override = ?, speaker_country_override = ?, "
                "country_overridden = ? WHERE id = ?",
                (speaker, country, int(bool(side)), quote_id),
            )
            changed.append(f"speaker {speaker} ({country or 'side unknown'})")
        elif side is not None:
            conn.execute(
                "UPDATE quotes SET speaker_country_override = ?, country_overridden = 1 "
                "WHERE id = ?", (side.strip() or None, quote_id),
            )
            changed.append(f"side {side.strip() or '(none)'}")
        if topic is not UNSET:
            if topic is not None and conn.execute(
                    "SELECT 1 FROM topics WHERE id = ?", (topic,)).fetchone() is None:
                raise StoreError(f"no topic {topic!r} in the store")
            conn.execute(
                "UPDATE quotes SET topic_override = ?, topic_overridden = 1 WHERE id = ?",
                (topic, quote_id),
            )
            changed.append(f"topic {topic or '(none)'}")
        if drop is not None:
            conn.execute("UPDATE quotes SET dropped = ? WHERE id = ?", (int(drop), quote_id))
            changed.append("dropped" if drop else "restored")
        if not changed:
            raise StoreError("nothing to change: give --speaker, --side, --topic or --drop")
        refresh_duplicates(conn, meeting_id)
        journal.record(conn, "quote", f"quote {quote_id}: {', '.join(changed)}", meeting_id,
                       {"quote": before}, {"quote": journal.quote_edit_row(conn, quote_id)})
    return changed


# --- sources --------------------------------------------------------------------------


def sources(conn: sqlite3.Connection, meeting_id: int) -> list[SourceInfo]:
    if conn.execute("SELECT 1 FROM meetings WHERE id = ?", (meeting_id,)).fetchone() is None:
        raise StoreError(f"no meeting {meeting_id} in the store")
    found = conn.execute(
        """SELECT a.*, (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS n
           FROM articles a WHERE a.meeting_id = ? ORDER BY a.id""", (meeting_id,),
    ).fetchall()
    return [
        SourceInfo(
            id=r["id"], meeting_id=r["meeting_id"], title=r["title"], source=r["source"],
            url=r["url"], published=rows.to_date(r["published"]),
            meeting_date=rows.to_date(r["meeting_date"]), added_at=r["added_at"], quotes=r["n"],
            date_source=r["date_source"], place_source=r["place_source"],
            dyad_source=r["dyad_source"],
        )
        for r in found
    ]


def _article(conn: sqlite3.Connection, article_id: int) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise StoreError(f"no source {article_id} in the store (see `bilat sources MEETING`)")
    return row


def remove_source(conn: sqlite3.Connection, article_id: int) -> int | None:
    """Remove one article; its meeting goes too when it was the last. Returns the meeting id
    left, or None when the meeting went with it."""
    with transaction(conn):
        art = _article(conn, article_id)
        meeting_id = int(art["meeting_id"])
        snap = journal.snapshot(conn, meeting_id)
        conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
        stances.delete_article(conn, article_id)
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        left = conn.execute("SELECT count(*) FROM articles WHERE meeting_id = ?",
                            (meeting_id,)).fetchone()[0]
        kept: int | None = meeting_id
        if left == 0:
            journal.delete_meetings(conn, [meeting_id])
            kept = None
        else:
            refresh_from_articles(conn, meeting_id)
            refresh_duplicates(conn, meeting_id)
            refresh_cells(conn, meeting_id)
        journal.record(
            conn, "rm-source",
            f"remove source {article_id} ({art['source'] or 'unknown outlet'}) of meeting "
            f"{meeting_id}" + ("" if kept else "; the meeting went with it"), meeting_id,
            {"meetings": [snap]}, {"meeting_ids": [kept] if kept else []},
        )
    return kept


def merge(conn: sqlite3.Connection, keep_id: int, other_id: int) -> None:
    """`other_id`'s articles, quotes and statuses join `keep_id`; `other_id` is gone.

    The kept meeting's title, date, place, pair and edits stay; the user's statuses of
    the other meeting fill topics the kept one has none for.
    """
    if keep_id == other_id:
        raise StoreError("a meeting cannot be merged into itself")
    with transaction(conn):
        journal.meeting_row(conn, keep_id)
        journal.meeting_row(conn, other_id)
        snaps = [journal.snapshot(conn, keep_id), journal.snapshot(conn, other_id)]
        for table in ("articles", "topic_entries"):
            conn.execute(f"UPDATE {table} SET meeting_id = ? WHERE meeting_id = ?",
                         (keep_id, other_id))
        conn.execute("UPDATE quotes SET meeting_id = ?, duplicate_of = NULL WHERE meeting_id = ?",
                     (keep_id, other_id))
        stances.move_meeting(conn, other_id, keep_id)
        conn.execute(
            """INSERT INTO entry_overrides (meeting_id, topic_id, status, note)
               SELECT ?, topic_id, status, note FROM entry_overrides WHERE meeting_id = ?
               ON CONFLICT(meeting_id, topic_id) DO NOTHING""", (keep_id, other_id),
        )
        conn.execute("DELETE FROM meetings WHERE id = ?", (other_id,))
        refresh_from_articles(conn, keep_id)
        refresh_duplicates(conn, keep_id)
        refresh_cells(conn, keep_id)
        journal.record(conn, "merge", f"merge meeting {other_id} into meeting {keep_id}",
                       keep_id, {"meetings": snaps}, {"meeting_ids": [keep_id]})


def split_source(conn: sqlite3.Connection, meeting_id: int, article_id: int) -> int:
    """Make one article of a meeting its own meeting; returns the new meeting's id."""
    with transaction(conn):
        meeting = journal.meeting_row(conn, meeting_id)
        art = _article(conn, article_id)
        if art["meeting_id"] != meeting_id:
            raise StoreError(f"source {article_id} is not in meeting {meeting_id} "
                             f"(it is in meeting {art['meeting_id']})")
        count = conn.execute("SELECT count(*) FROM articles WHERE meeting_id = ?",
                             (meeting_id,)).fetchone()[0]
        if count < 2:
            raise StoreError(f"meeting {meeting_id} has one source; there is nothing to split")
        snap = journal.snapshot(conn, meeting_id)
        cur = conn.execute(
            """INSERT INTO meetings (title, dyad, dyad_key, meeting_date, location, participants,
                   review) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (art["title"], meeting["dyad"], meeting["dyad_key"],
             art["meeting_date"] or meeting["meeting_date"],
             art["location"] or meeting["location"], art["participants"], art["review"]),
        )
        new_id = int(cur.lastrowid or 0)
        conn.execute("UPDATE articles SET meeting_id = ? WHERE id = ?", (new_id, article_id))
        conn.execute("UPDATE topic_entries SET meeting_id = ? WHERE article_id = ?",
                     (new_id, article_id))
        conn.execute("UPDATE quotes SET meeting_id = ?, duplicate_of = NULL WHERE article_id = ?",
                     (new_id, article_id))
        stances.move_article(conn, meeting_id, article_id, new_id)
        # The user's judgement on a topic applies to every source that raised it.
        conn.execute(
            """INSERT INTO entry_overrides (meeting_id, topic_id, status, note)
               SELECT ?, o.topic_id, o.status, o.note FROM entry_overrides o
               WHERE o.meeting_id = ? AND EXISTS (SELECT 1 FROM topic_entries e
                   WHERE e.meeting_id = ? AND e.topic_id = o.topic_id)""",
            (new_id, meeting_id, new_id),
        )
        conn.execute("UPDATE quotes SET duplicate_of = NULL WHERE meeting_id = ?", (meeting_id,))
        for mid in (meeting_id, new_id):
            refresh_from_articles(conn, mid)
            refresh_duplicates(conn, mid)
            refresh_cells(conn, mid)
        journal.record(conn, "split",
                       f"split source {article_id} off meeting {meeting_id} as meeting {new_id}",
                       meeting_id, {"meetings": [snap]}, {"meeting_ids": [meeting_id, new_id]})
    return new_id


# --- reads ------------------------------------------------------------------------------


def meeting_edits(conn: sqlite3.Connection, meeting_id: int) -> MeetingEdits | None:
    row = conn.execute("SELECT * FROM meeting_edits WHERE meeting_id = ?",
                       (meeting_id,)).fetchone()
    if row is None:
        return None
    return MeetingEdits(
        title=row["title"], meeting_date=rows.to_date(row["meeting_date"]),
        location=row["location"], dyad=rows.json_list(row["dyad"]) if row["dyad"] else None,
        participants_added=rows.actors_from(row["participants_added"]),
        participants_removed=rows.json_list(row["participants_removed"]),
    )


def stored_quote(conn: sqlite3.Connection, quote_id: int) -> StoredQuote:
    """One quote as views show it (the user's fixes applied), dropped or not."""
    row = conn.execute(
        f"SELECT {rows.QUOTE_COLUMNS} FROM {rows.QUOTE_FROM} WHERE q.id = ?", (quote_id,)
    ).fetchone()
    if row is None:
        raise StoreError(f"no quote {quote_id} in the store")
    return rows.stored_quote(tuple(row))


def needing_review(conn: sqlite3.Connection) -> list[int]:
    """Ids of meetings with guesses no user has edited or confirmed, oldest first."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM meetings WHERE review != '[]' "
        "ORDER BY meeting_date IS NULL, meeting_date, id")]
