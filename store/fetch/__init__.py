"""Articles and feeds from the web: fetching (the one module with network IO, `http`) kept
apart from the pure readers of what came back (`page`, `feeds`, `urls`)."""

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
