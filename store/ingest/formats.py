"""Stage 1b: plain text, Markdown or a saved HTML page -> plain article text."""

from __future__ import annotations

from store.ingest.types import PlainDocument


def to_plain(original: str) -> PlainDocument:
    """Reduce the input to plain text with blank lines between paragraphs."""
    # STUB: owned by the ingest-text helper (HTML via html.parser, Markdown headings).
    return PlainDocument(text=original.replace("\r\n", "\n").replace("\r", "\n"), format="text")
