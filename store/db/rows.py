"""Rows -> models, in one place. Values written by the store itself are trusted,
so hot paths build models with `model_construct` (no re-validation).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from functools import lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel

from store.models import (
    Actor,
    ArticleRecord,
    Figure,
    MeetingRef,
    Paragraph,
    Status,
    StoredQuote,
    Topic,
)

M = TypeVar("M", bound=BaseModel)

STATUS = {s.value: s for s in Status}  # a dict lookup is ~10x cheaper than Status(value)


_FIELDS: dict[type[BaseModel], frozenset[str]] = {}


def build(cls: type[M], values: dict[str, Any]) -> M:
    """A model from trusted values, every field given, without validation.

    Board and history build tens of thousands of models at 10,000 meetings;
    this is what `model_construct` does, minus its per-field default handling,
    at a fraction of the cost. Only for values the store wrote itself.
    """
    fields = _FIELDS.get(cls)
    if fields is None:
        fields = _FIELDS[cls] = frozenset(cls.model_fields)
    if values.keys() != fields:
        # A field added to the model since: let pydantic fill its default.
        return cls.model_construct(**values)
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", set(fields))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


@lru_cache(maxsize=1024)
def _json_tuple(text: str) -> tuple[str, ...]:
    # Dyads and source lists repeat across thousands of meetings: parse each once.
    return tuple(json.loads(text))


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def dyad_key(dyad: list[str]) -> str:
    return "|".join(sorted(dyad))


# One encoder for every write: json.dumps with non-default options builds a new encoder
# per call, which was a third of the Python time of `add` (about 20 calls an article).
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def dumps(value: Any) -> str:
    return _ENCODE(value)


def actors_json(actors: list[Actor]) -> str:
    return dumps([a.model_dump(mode="json") for a in actors])


def actors_from(text: str) -> list[Actor]:
    return [Actor.model_validate(a) for a in json.loads(text)]


def figures_json(figures: list[Figure]) -> str:
    return dumps([f.model_dump(mode="json") for f in figures])


def figures_from(text: str) -> list[Figure]:
    # Written by figures_json (every field): the fast path of `build` applies.
    return [build(Figure, f) for f in json.loads(text)] if text != "[]" else []


def paragraphs_from(text: str) -> list[Paragraph]:
    return [Paragraph.model_validate(p) for p in json.loads(text)]


def topic_from(row: sqlite3.Row) -> Topic:
    return Topic(
        id=row["id"], name=row["name"], keywords=json.loads(row["keywords"]),
        description=row["description"],
    )


# Columns `meeting_ref` reads, in order.
MEETING_COLUMNS = "m.id, m.title, m.meeting_date, m.location, m.dyad, m.sources, m.review"


def meeting_ref(row: tuple[Any, ...]) -> MeetingRef:
    mid, title, when, location, dyad, sources, review = row
    return build(MeetingRef, {
        "id": mid, "title": title, "meeting_date": date.fromisoformat(when) if when else None,
        "location": location, "dyad": list(_json_tuple(dyad)),
        "sources": list(_json_tuple(sources)),
        "review": list(_json_tuple(review)) if review != "[]" else [],
    })


# Columns every quote query selects, aliased so `stored_quote` can read them.
QUOTE_COLUMNS = """q.id, q.article_id, q.meeting_id, q.text, q.eff_speaker AS speaker,
    q.eff_country AS speaker_country, q.eff_topic AS topic, q.paragraph, q.start,
    q."end" AS end_, q.partial, (q.speaker_override IS NOT NULL OR q.topic_overridden) AS edited,
    a.source, m.meeting_date"""
QUOTE_FROM = """quotes q JOIN articles a ON a.id = q.article_id
    JOIN meetings m ON m.id = q.meeting_id"""
# Shown quotes: not dropped by the user, not a repeat of another source's copy.
QUOTE_SHOWN = "q.dropped = 0 AND q.duplicate_of IS NULL"


def stored_quote(row: tuple[Any, ...]) -> StoredQuote:
    """A StoredQuote from a row selected with QUOTE_COLUMNS (plain tuple)."""
    (qid, article_id, meeting_id, text, speaker, country, topic, paragraph, start, end,
     partial, edited, source, when) = row
    return build(StoredQuote, {
        "text": text, "speaker": speaker, "speaker_country": country, "topic": topic,
        "paragraph": paragraph, "start": start, "end": end, "partial": bool(partial),
        "id": qid, "meeting_id": meeting_id, "article_id": article_id, "source": source,
        "meeting_date": date.fromisoformat(when) if when else None, "edited": bool(edited),
    })


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
