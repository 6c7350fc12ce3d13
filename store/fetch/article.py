"""A URL -> a MeetingDraft: fetch (IO), then the pure steps every article goes through.

The page is read by trafilatura (`page.read_page`), passed through the same gate as a
file (`store.gate`), then read by `store.ingest.extract` like any saved article. The
draft keeps the URL it came from and when it was fetched; what the page's metadata says
(site name, publication date) fills in what ingest did not find in the text.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from store.fetch.http import Fetched, fetch
from store.fetch.page import read_page
from store.gate import draft_refusal, refusal
from store.ingest import IngestError, extract
from store.models import MeetingDraft, Topic

if TYPE_CHECKING:
    import httpx  # imported by store.fetch.http when a fetch happens


def draft_from_fetched(
    got: Fetched, *, meeting_date: date | None = None, dyad: list[str] | None = None,
    topics: list[Topic] | None = None,
) -> MeetingDraft:
    """What ingest makes of a fetched page; IngestError (one line) when it is no article."""
    page = read_page(got.body, got.charset, got.final_url)
    text = page.article()
    why = refusal(text.encode("utf-8"), got.final_url)
    if why is not None:
        raise IngestError(why)
    draft = extract(text, meeting_date=meeting_date, dyad=dyad, topics=topics)
    why = draft_refusal(draft.text)
    if why is not None:
        raise IngestError(why)
    draft.url = got.url
    draft.fetched_at = got.fetched_at
    if draft.source is None and page.site:
        draft.source = page.site
    if draft.published is None and page.published:
        draft.published = page.published
    return draft


def fetch_article(
    url: str, *, meeting_date: date | None = None, dyad: list[str] | None = None,
    topics: list[Topic] | None = None, client: httpx.Client | None = None,
) -> MeetingDraft:
    """Fetch one page and read it; FetchError or IngestError, each one line."""
    got = fetch(url, client=client)
    return draft_from_fetched(got, meeting_date=meeting_date, dyad=dyad, topics=topics)
