"""Articles and feeds from the web: fetching (the one module with network IO, `http`) kept
apart from the pure readers of what came back (`page`, `feeds`, `urls`)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from store.fetch.article import draft_from_fetched, fetch_article
    from store.fetch.feeds import FeedError, FeedItem, parse_feed
    from store.fetch.http import Fetched, FetchError, fetch
    from store.fetch.page import PageText, read_page
    from store.fetch.urls import is_url, url_refusal

__all__ = [
    "FeedError", "FeedItem", "FetchError", "Fetched", "PageText", "draft_from_fetched", "fetch",
    "fetch_article", "is_url",
    "parse_feed", "read_page", "url_refusal",
]

# `article` brings in the whole ingest pipeline; a command that only checks a URL
# (`urls`) must not pay for it, so the package's names are loaded on first use (PEP 562).
_LAZY = {
    "draft_from_fetched": "article", "fetch_article": "article",
    "FeedError": "feeds", "FeedItem": "feeds", "parse_feed": "feeds",
    "Fetched": "http", "FetchError": "http", "fetch": "http",
    "PageText": "page", "read_page": "page",
    "is_url": "urls", "url_refusal": "urls",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"store.fetch.{_LAZY[name]}"), name)
    globals()[name] = value
    return value
