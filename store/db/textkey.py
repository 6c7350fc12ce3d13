"""The key two copies of one article share once page furniture is gone."""

from __future__ import annotations

import hashlib
import re

_SPACE = re.compile(r"\s+")


def text_key(text: str | None) -> str | None:
    """sha256 of the plain text (ingest has already dropped menus, credits and markup),
    casefolded with whitespace collapsed; None for no text.

    The file's own sha256 tells apart two saves of one story from different pages; this
    does not, so the second one is refused as a duplicate.
    """
    if not text or not text.strip():
        return None
    norm = _SPACE.sub(" ", text).strip().casefold()
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()
