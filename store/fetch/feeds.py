"""An RSS or Atom feed's bytes -> its items, read with feedparser. Pure: no network.

feedparser is given bytes, never a URL, so it never fetches anything itself: all
fetching goes through `store.fetch.http` and its limits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from store.fetch.urls import url_refusal


class FeedError(ValueError):
    """Bytes that are not a feed; the message is one line."""


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed. `key` identifies it across pulls (its id, else its link)."""

    key: str
    link: str
    title: str
    published: datetime | None
    summary: str


@dataclass(frozen=True)
class Feed:
    title: str | None
    items: list[FeedItem]


def parse_feed(body: bytes) -> Feed:
    """The feed's title and items; FeedError when the bytes are not RSS or Atom."""
    import feedparser  # here, not at the top: only `feed` commands pay for it

    parsed: Any = feedparser.parse(body)
    if not parsed.get("version"):
        if parsed.get("bozo"):
            raise FeedError(f"not a feed: {_why(parsed.get('bozo_exception'))}")
        raise FeedError("not a feed: no RSS or Atom in it")
    if parsed.get("bozo") and not parsed.entries:
        # feedparser's loose parser rescues items from slightly broken feeds (common on
        # the web, and worth keeping); broken XML with nothing rescued is not a feed.
        raise FeedError(f"not a feed: {_why(parsed.get('bozo_exception'))}")
    items: list[FeedItem] = []
    for entry in parsed.entries:
        link = str(entry.get("link") or "").strip()
        key = str(entry.get("id") or link).strip()
        if not key or url_refusal(link) is not None:
            # No web link (feedparser may offer an id like "urn:…" as one): no article
            # that bilat could fetch.
            continue
        items.append(FeedItem(
            key=key, link=link, title=" ".join(str(entry.get("title") or "").split()),
            published=_when(entry.get("published_parsed") or entry.get("updated_parsed")),
            summary=" ".join(str(entry.get("summary") or "").split()),
        ))
    title = parsed.feed.get("title")
    return Feed(title=" ".join(str(title).split()) if title else None, items=items)


def _when(value: Any) -> datetime | None:
    try:
        return datetime(*tuple(value)[:6]).replace(tzinfo=UTC) if value else None
    except (TypeError, ValueError):
        return None


def _why(exc: object) -> str:
    text = str(exc).strip().splitlines() if exc else []
    return text[0] if text else "it is not well-formed XML"
