"""Pulling feeds and taking in their items: what `bilat feed pull` and the Inbox share.

A pull fetches each feed and remembers its items (FeedBook.record_seen), so the next
pull finds only what is new. Taking an item in fetches its page and reads it; it is
stored only when it reads as a meeting between two countries, and settled either way
(added, or skipped with the reason) so that it is never fetched again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from store.db import DuplicateArticle, Store, StoreError
from store.db.feeds import FeedBook, FeedInfo, InboxItem, SeenItem
from store.fetch.article import fetch_article
from store.fetch.feeds import Feed, FeedError, parse_feed
from store.fetch.http import FEED_TYPES, FetchError, fetch
from store.ingest import IngestError
from store.models import AddResult, MeetingDraft, Topic


def read_feed(url: str) -> Feed:
    """Fetch and parse one feed; FetchError or FeedError (one line)."""
    return parse_feed(fetch(url, accept=FEED_TYPES).body)


@dataclass(frozen=True)
class Pulled:
    """One feed's pull: its new items, or why it could not be read."""

    feed: FeedInfo
    new: list[InboxItem]
    error: str | None = None


def pull_feed(book: FeedBook, feed: FeedInfo) -> Pulled:
    """Fetch one feed and remember its items; the ones never seen before come back."""
    try:
        parsed = read_feed(feed.url)
    except (FetchError, FeedError) as exc:
        return Pulled(feed, [], str(exc))
    new = book.record_seen(feed.id, (
        SeenItem(key=i.key, url=i.link, title=i.title, published=i.published)
        for i in parsed.items))
    return Pulled(feed, new)


def meeting_problem(draft: MeetingDraft) -> str | None:
    """Why a draft does not read as a meeting between two countries, or None."""
    if len(draft.dyad) != 2:
        return "not a meeting between two countries (no pair of countries found)"
    if draft.meeting_date is None:
        return "not a meeting between two countries (no meeting date found)"
    return None


@dataclass(frozen=True)
class Taken:
    """What became of one item: added (with the store's answer) or skipped (why)."""

    item: InboxItem
    added: AddResult | None
    reason: str | None = None
    draft: MeetingDraft | None = None


def read_item(
    book: FeedBook, item: InboxItem, *, topics: list[Topic] | None = None,
    meeting_date: date | None = None, dyad: list[str] | None = None,
) -> MeetingDraft | str:
    """The item's draft, or the reason it cannot be one (the item is then left as it is)."""
    held = book.stored_url(item.url)
    if held is not None:
        return f"already stored (meeting #{held})"
    try:
        return fetch_article(item.url, topics=topics, meeting_date=meeting_date, dyad=dyad)
    except (FetchError, IngestError) as exc:
        return str(exc)


def take_item(
    store: Store, book: FeedBook, item: InboxItem, *, topics: list[Topic] | None = None,
) -> Taken:
    """Store the item if it reads as a meeting; settle it as added or skipped."""
    draft = read_item(book, item, topics=topics)
    reason = draft if isinstance(draft, str) else meeting_problem(draft)
    if reason is None and not isinstance(draft, str):
        try:
            res = store.add_draft(draft)
        except DuplicateArticle as exc:
            reason = str(exc)
        else:
            book.settle(item.id, "added", article_id=res.article_id)
            return Taken(item, res, draft=draft)
    assert reason is not None
    book.settle(item.id, "skipped", reason=reason)
    return Taken(item, None, reason, draft if not isinstance(draft, str) else None)


def settle_stored(book: FeedBook) -> int:
    """Items now in the store by their URL (accepted through review) are marked added."""
    done = 0
    for item in book.items("new"):
        if book.stored_url(item.url) is not None:
            book.settle(item.id, "added")
            done += 1
    return done


__all__ = ["Pulled", "StoreError", "Taken", "meeting_problem", "pull_feed", "read_feed",
           "read_item", "settle_stored", "take_item"]
