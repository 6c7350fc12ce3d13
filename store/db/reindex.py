"""Re-run ingest on every stored article; extracted values are replaced, the user's edits kept.

Per article, in one transaction: the article's text fields and topic entries
are rewritten; its quotes are matched old -> new by (start, end, text), then by
text alone (nearest start), then by (start, end). A matched quote keeps its id
and its edits and takes the new extracted values; an unmatched old quote is
deleted unless the user edited it (speaker/side/topic fix or drop), in which case it
stays exactly as it was, so no manual edit is ever lost. Status overrides and
notes live in their own table and are not touched at all; so do a meeting's edits
(`meeting_edits`), which `refresh_from_articles` applies again to the participants.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from store.db import rows, stances
from store.db.connection import transaction
from store.db.textkey import text_key
from store.db.writes import (
    Extractor,
    ensure_topics,
    insert_entries,
    refresh_cells,
    refresh_duplicates,
    refresh_from_articles,
    upsert_actors,
)
from store.models import MeetingDraft, Quote, Topic


def match_quotes(old: list[sqlite3.Row], new: list[Quote]) -> dict[int, int]:
    """Map index in `new` -> old quote id, each old quote used at most once."""
    used: set[int] = set()
    out: dict[int, int] = {}
    by_span_text = {(r["start"], r["end"], r["text"]): r["id"] for r in old}
    for i, q in enumerate(new):
        qid = by_span_text.get((q.start, q.end, q.text))
        if qid is not None and qid not in used:
            out[i] = qid
            used.add(qid)
    for i, q in enumerate(new):
        if i in out:
            continue
        same_text = [r for r in old if r["text"] == q.text and r["id"] not in used]
        if same_text:
            best = min(same_text, key=lambda r: abs(r["start"] - q.start))
            out[i] = best["id"]
            used.add(best["id"])
    for i, q in enumerate(new):
        if i in out:
            continue
        for r in old:
            if r["id"] not in used and (r["start"], r["end"]) == (q.start, q.end):
                out[i] = r["id"]
                used.add(r["id"])
                break
    return out


def _apply(conn: sqlite3.Connection, article: sqlite3.Row, draft: MeetingDraft) -> None:
    article_id, meeting_id = article["id"], article["meeting_id"]
    conn.execute(
        """UPDATE articles SET title = ?, published = ?, source = ?, url = ?,
               paragraph_spans = ?, participants = ?, date_source = ?, place_source = ?,
               dyad_source = ?, text_key = ? WHERE id = ?""",
        (draft.title, rows.iso(draft.published), draft.source, draft.url,
         rows.dumps([p.model_dump(mode="json") for p in draft.paragraph_spans]),
         rows.actors_json(draft.participants), draft.date_source, draft.place_source,
         draft.dyad_source, text_key(draft.text), article_id),
    )
    conn.execute("UPDATE article_texts SET text = ? WHERE article_id = ?", (draft.text, article_id))
    ensure_topics(conn, draft.topics)
    upsert_actors(conn, draft.participants)
    conn.execute("DELETE FROM topic_entries WHERE article_id = ?", (article_id,))
    insert_entries(conn, meeting_id, article_id, draft.topics)

    old = conn.execute(
        """SELECT id, text, start, "end", speaker_override, topic_overridden, dropped,
               country_overridden FROM quotes WHERE article_id = ?""", (article_id,),
    ).fetchall()
    matched = match_quotes(old, draft.quotes)
    kept = set(matched.values())
    for r in old:
        edited = (r["speaker_override"] is not None or r["topic_overridden"] or r["dropped"]
                  or r["country_overridden"])
        if r["id"] not in kept and not edited:
            conn.execute("DELETE FROM quotes WHERE id = ?", (r["id"],))
    for i, q in enumerate(draft.quotes):
        values = (q.text, q.speaker, q.speaker_country, q.topic, q.paragraph, q.start, q.end,
                  int(q.partial))
        if i in matched:
            conn.execute(
                """UPDATE quotes SET text = ?, speaker = ?, speaker_country = ?, topic = ?,
                       paragraph = ?, start = ?, "end" = ?, partial = ? WHERE id = ?""",
                (*values, matched[i]),
            )
        else:
            conn.execute(
                """INSERT INTO quotes (text, speaker, speaker_country, topic, paragraph, start,
                       "end", partial, article_id, meeting_id)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (*values, article_id, meeting_id),
            )
    stances.reapply(conn, meeting_id, article_id, draft)
    refresh_from_articles(conn, meeting_id)
    refresh_duplicates(conn, meeting_id)
    refresh_cells(conn, meeting_id)


def reindex(
    conn: sqlite3.Connection,
    extract: Extractor,
    topics: list[Topic],
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Re-extract every article; returns how many were re-read.

    The meeting's date and dyad are passed to the extractor as the user's
    overrides so that an article stays with its meeting. An article the
    extractor now rejects keeps its old values.
    """
    # Imported here, not at the top: the store opens and answers queries without
    # loading ingest, which only reindex needs.
    from store.ingest import IngestError

    articles = conn.execute(
        """SELECT a.id, a.meeting_id, t.original, a.meeting_date AS a_date,
               m.meeting_date, m.dyad FROM articles a JOIN meetings m ON m.id = a.meeting_id
               JOIN article_texts t ON t.article_id = a.id
           ORDER BY a.id"""
    ).fetchall()
    done = 0
    for n, art in enumerate(articles, start=1):
        when = rows.to_date(art["a_date"] or art["meeting_date"])
        dyad = rows.json_list(art["dyad"])
        try:
            draft = extract(art["original"], meeting_date=when, dyad=dyad or None, topics=topics)
        except IngestError:
            draft = None
        if draft is not None:
            with transaction(conn):
                _apply(conn, art, draft)
            done += 1
        if progress is not None:
            progress(n, len(articles))
    return done
