"""Stage 8: money, counts, percentages and durations with the noun they count."""

from __future__ import annotations

from store.ingest.types import Para
from store.models import Figure


def find_figures(text: str, paras: list[Para]) -> list[Figure]:
    """Every figure cited in the body, with its paragraph and offsets."""
    # STUB: owned by the ingest-text helper.
    return []
