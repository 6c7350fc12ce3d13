"""Stage 1c: unify quote marks and dashes without moving any offset."""

from __future__ import annotations


def normalize(text: str) -> str:
    """Same-length copy of `text` with curly quotes straightened, dashes unified."""
    # STUB: owned by the ingest-text helper.
    return text
