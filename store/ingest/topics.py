"""Stage 6: which topics each paragraph is about."""

from __future__ import annotations

from store.ingest.types import Para
from store.models import Topic


def score_paragraphs(norm: str, paras: list[Para], topics: list[Topic]) -> dict[int, list[str]]:
    """paragraph index -> topic ids it carries (best first; may be several)."""
    # STUB: owned by the ingest-topics helper.
    return {}
