"""The default topics and the user's own (topics.toml in the config dir)."""

from __future__ import annotations

from pathlib import Path

from store.models import Topic

# STUB: owned by the ingest-topics helper (keywords, user TOML loading).
DEFAULT_TOPIC_IDS = [
    "russia-ukraine", "taiwan", "south-china-sea", "territorial", "trade", "technology",
    "fentanyl", "ai", "military", "people-to-people", "climate", "human-rights",
    "middle-east", "korean-peninsula", "cyber", "relations",
]


def default_topics() -> list[Topic]:
    return [Topic(id=t, name=t.replace("-", " ").title()) for t in DEFAULT_TOPIC_IDS]


def load_topics(path: Path | None = None) -> list[Topic]:
    """Defaults merged with the user's topics file, if any."""
    return default_topics()
