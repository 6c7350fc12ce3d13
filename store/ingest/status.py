"""Stage 7: one TopicEntry per topic raised, with status, evidence and summary."""

from __future__ import annotations

from store.ingest.types import Para
from store.models import Figure, Topic, TopicEntry


def build_entries(
    norm: str,
    paras: list[Para],
    para_topics: dict[int, list[str]],
    figures: list[Figure],
    topics: list[Topic],
) -> list[TopicEntry]:
    """Status from cue phrases in the topic's sentences; evidence is that sentence."""
    # STUB: owned by the ingest-topics helper.
    return []
