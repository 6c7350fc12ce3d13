"""The key two copies of one article share once page furniture is gone."""

from __future__ import annotations

import hashlib


def text_key(text: str | None) -> int | None:
    """The plain text's sha256 (each line stripped, blank lines dropped), its first 8 bytes
    as a signed integer; None for no text. (An integer keeps the index small; a clash of
    64 bits between two different articles is not a risk worth 56 more bytes a row.)

    Ingest has already dropped menus, credits and markup and writes one paragraph a line,
    so two saves of one story from different pages share this key while their files'
    sha256 differ. (Line by line rather than a regex over every space: this runs on every
    `add`, and is ten times cheaper so.)
    """
    if not text:
        return None
    lines = [s for s in (ln.strip() for ln in text.splitlines()) if s]
    if not lines:
        return None
    digest = hashlib.sha256("\n".join(lines).encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big", signed=True)
