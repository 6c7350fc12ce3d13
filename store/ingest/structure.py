"""Stage 3: paragraphs, sentences and sections."""

from __future__ import annotations

import re

from store.ingest.types import Para, Sentence


def split_paragraphs(text: str, start: int, end: int) -> list[Para]:
    """Split text[start:end] into paragraphs with their sentences and sections."""
    # STUB: owned by the ingest-text helper.
    paras: list[Para] = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text[start:end]):
        s, e = start + m.start(), start + m.end()
        paras.append(Para(index=len(paras), start=s, end=e, sentences=(Sentence(s, e),)))
    return paras
