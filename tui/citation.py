"""A quote as a citation to paste elsewhere. Pure: no Textual."""

from __future__ import annotations

from store.models import StoredQuote


def quote_citation(quote: StoredQuote, place: str | None) -> str:
    """`“text” — Speaker (Country), Place, YYYY-MM-DD, Outlet`; missing parts are left out."""
    speaker = quote.speaker or "unknown speaker"
    if quote.speaker_country:
        speaker += f" ({quote.speaker_country})"
    parts = [speaker]
    parts += [p for p in (place, str(quote.meeting_date or "") or None, quote.source) if p]
    return f"“{quote.text.strip()}” — {', '.join(parts)}"
