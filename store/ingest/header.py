"""Stage 2: title, byline date, dateline, source; credits dropped."""

from __future__ import annotations

from store.ingest.types import Header, PlainDocument


def parse_header(text: str, doc: PlainDocument) -> Header:
    """Read the head and tail of the (normalized) text."""
    # STUB: owned by the ingest-text helper.
    first = text.strip().split("\n", 1)[0]
    return Header(title=doc.title or first, published=doc.published, source=doc.source,
                  body_start=0, body_end=len(text))
