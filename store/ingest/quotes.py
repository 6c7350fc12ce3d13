"""Stage 5: every quoted span, full or partial, with its speaker."""

from __future__ import annotations

from store.ingest.types import ActorTable, Para
from store.models import Quote


def find_quotes(text: str, norm: str, paras: list[Para], table: ActorTable) -> list[Quote]:
    """Quotes with offsets into `text` (norm is its same-length normalized copy)."""
    # STUB: owned by the ingest-people helper.
    return []
