"""Stage 2b: the meeting date, from weekday or date references in the body."""

from __future__ import annotations

from datetime import date

from store.ingest.types import Para


def resolve_meeting_date(text: str, paras: list[Para], published: date | None) -> date | None:
    """The day the meeting took place, resolved against the publication date."""
    # STUB: owned by the ingest-text helper.
    return published
