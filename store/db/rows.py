"""Rows -> models, in one place. Values written by the store itself are trusted,
so hot paths build models with `model_construct` (no re-validation).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from typing import Any

from store.models import Actor, ArticleRecord, Figure, MeetingRef, Paragraph, StoredQuote, Topic


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def dyad_key(dyad: list[str]) -> str:
    return "|".join(sorted(dyad))


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def actors_json(actors: list[Actor]) -> str:
    return dumps([a.model_dump(mode="json") for a in actors])


def actors_from(text: str) -> list[Actor]:
    return [Actor.model_validate(a) for a in json.loads(text)]


def figures_json(figures: list[Figure]) -> str:
    return dumps([f.model_dump(mode="json") for f in figures])


def figures_from(text: str) -> list[Figure]:
    return [Figure.model_construct(**f) for f in json.loads(text)]


def paragraphs_from(text: str) -> list[Paragraph]:
    return [Paragraph.model_validate(p) for p in json.loads(text)]


def topic_from(row: sqlite3.Row) -> Topic:
    return Topic(
        id=row["id"], name=row["name"], keywords=json.loads(row["keywords"]),
        description=row["description"],
    )


def meeting_ref(row: sqlite3.Row, sources: list[str]) -> MeetingRef:
    return MeetingRef.model_construct(
        id=row["id"], title=row["title"], meeting_date=to_date(row["meeting_date"]),
        location=row["location"], dyad=json.loads(row["dyad"]), sources=sources,
    )


# Columns every quote query selects, aliased so `stored_quote` can read them.
QUOTE_COLUMNS = """q.id, q.article_id, q.meeting_id, q.text, q.eff_speaker AS speaker,
    q.eff_country AS speaker_country, q.eff_topic AS topic, q.paragraph, q.start,
    q."end" AS end_, q.partial, (q.speaker_override IS NOT NULL OR q.topic_overridden) AS edited,
    a.source, m.meeting_date"""
QUOTE_FROM = """quotes q JOIN articles a ON a.id = q.article_id
    JOIN meetings m ON m.id = q.meeting_id"""
# Shown quotes: not dropped by the user, not a repeat of another source's copy.
QUOTE_SHOWN = "q.dropped = 0 AND q.duplicate_of IS NULL"


def stored_quote(row: sqlite3.Row) -> StoredQuote:
    return StoredQuote.model_construct(
        id=row["id"], article_id=row["article_id"], meeting_id=row["meeting_id"],
        text=row["text"], speaker=row["speaker"], speaker_country=row["speaker_country"],
        topic=row["topic"], paragraph=row["paragraph"], start=row["start"], end=row["end_"],
        partial=bool(row["partial"]), edited=bool(row["edited"]), source=row["source"],
        meeting_date=to_date(row["meeting_date"]),
    )


def article_record(row: sqlite3.Row) -> ArticleRecord:
    return ArticleRecord(
        id=row["id"], meeting_id=row["meeting_id"], title=row["title"],
        published=to_date(row["published"]), source=row["source"], url=row["url"],
        sha256=row["sha256"], text=row["text"], original=row["original"],
        added_at=datetime.fromisoformat(row["added_at"]),
        paragraph_spans=paragraphs_from(row["paragraph_spans"]),
    )


def json_list(text: str) -> list[str]:
    return [str(x) for x in json.loads(text)]
