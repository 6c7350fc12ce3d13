"""Drafts built directly from the models, so store tests do not depend on extractor heuristics."""

from __future__ import annotations

import hashlib
from datetime import date

from store.models import Actor, Figure, MeetingDraft, Quote, Status, TopicEntry

US_CN = ["China", "United States"]
HART = Actor(name="Daniel Hart", role="Secretary of State", country="United States",
             aliases=["Hart"])
TANG = Actor(name="Tang Lei", role="foreign minister", country="China", aliases=["Tang"])
ZHAO = Actor(name="Zhao Ming", role="president", country="China", aliases=["Zhao"])
KENT = Actor(name="Laura Kent", role="Treasury Secretary", country="United States",
             aliases=["Kent"])


def make_draft(
    text: str,
    *,
    when: date,
    topics: dict[str, Status] | None = None,
    quotes: list[tuple[str, str | None, str | None, str | None]] | None = None,
    participants: list[Actor] | None = None,
    source: str = "Wire",
    title: str | None = None,
    dyad: list[str] | None = None,
    figures: dict[str, list[Figure]] | None = None,
    evidence: dict[str, str] | None = None,
) -> MeetingDraft:
    """A draft whose quotes are real spans of `text` (text, speaker, country, topic)."""
    found: list[Quote] = []
    for q_text, speaker, country, topic in quotes or []:
        start = text.index(q_text)
        found.append(Quote(text=q_text, speaker=speaker, speaker_country=country, topic=topic,
                           start=start, end=start + len(q_text)))
    entries = [
        TopicEntry(id=tid, name=tid.replace("-", " ").title(), status=st,
                   evidence=(evidence or {}).get(tid, f"{tid} was discussed."),
                   figures=(figures or {}).get(tid, []))
        for tid, st in (topics or {}).items()
    ]
    return MeetingDraft(
        title=title or text.split("\n", 1)[0], published=when, meeting_date=when,
        location="Beijing", source=source, dyad=US_CN if dyad is None else dyad,
        participants=participants if participants is not None else [HART, TANG],
        topics=entries, quotes=found, text=text, original=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
