"""Fetch one URL with httpx: the only module of bilat that talks to the network.

Limits a user can rely on: http and https only, a 20 s timeout, at most 5 redirects,
a 5 MB cap read as a stream (a page that lies about its length is still cut off),
an honest User-Agent. Every failure is a `FetchError` with one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from store import __version__
from store.fetch.urls import url_refusal

if TYPE_CHECKING:
    # httpx is imported when a fetch happens, not with this module: its package
    # __init__ loads its command-line tool, which pulls in rich, and `store` must stay
    # importable without any UI library (tests/test_headless_core.py).
    import httpx

TIMEOUT = 20.0
MAX_REDIRECTS = 5
MAX_BYTES = 5 * 1024 * 1024
USER_AGENT = f"bilat/{__version__} (bilateral meeting tracker; fetches pages a user asked for)"
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
    "application/rdf+xml", "application/feed+json", "text/html", "text/plain",
)


class FetchError(Exception):
    """A URL that could not be fetched; the message is one line for the user."""


@dataclass(frozen=True)
class Fetched:
    """What came back: the body as bytes, its declared type and charset, where and when."""

    url: str
    final_url: str
    content_type: str
    charset: str | None
    body: bytes
    fetched_at: datetime


def fetch(
    url: str, *, accept: tuple[str, ...] = PAGE_TYPES, timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES, client: httpx.Client | None = None,
) -> Fetched:
    """GET `url` within the limits; FetchError (one line) for anything else."""
    why = url_refusal(url)
    if why is not None:
        raise FetchError(why)
    import httpx

    own = client is None
    http = client or make_client(timeout)
    try:
        return _get(http, url.strip(), accept, max_bytes)
    except httpx.TooManyRedirects:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects (a redirect loop?)") from None
    except httpx.TimeoutException:
        raise FetchError(f"no answer within {timeout:g} s (timed out)") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect: {_reason(exc)}") from None
    except httpx.UnsupportedProtocol:
        raise FetchError("a redirect led to a URL that is not http or https") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"fetch failed: {_reason(exc)}") from None
    finally:
        if own:
            http.close()


def make_client(timeout: float = TIMEOUT) -> httpx.Client:
    """One client for a run of fetches (connections are reused between them)."""
    import httpx

    return httpx.Client(
        follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout,
        headers={"User-Agent": USER_AGENT},
    )


def _get(http: httpx.Client, url: str, accept: tuple[str, ...], max_bytes: int) -> Fetched:
    with http.stream("GET", url) as resp:
        if resp.status_code >= 400:
            answer = f"{resp.status_code} {resp.reason_phrase}".rstrip()
            raise FetchError(f"the server answered {answer}")
        final = str(resp.url)
        why = url_refusal(final)
        if why is not None:
            raise FetchError(f"redirected to {final}: {why}")
        mime, charset = parse_content_type(resp.headers.get("content-type", ""))
        if mime not in accept:
            raise FetchError(f"not a web page: the server sent {mime or 'no content type'}")
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"too big: {int(declared):,} bytes (the limit is {max_bytes:,})")
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"too big: more than {max_bytes:,} bytes")
            chunks.append(chunk)
    return Fetched(url=url, final_url=final, content_type=mime, charset=charset,
                   body=b"".join(chunks), fetched_at=datetime.now(UTC))


def parse_content_type(value: str) -> tuple[str, str | None]:
    """'text/html; charset=ISO-8859-1' -> ('text/html', 'iso-8859-1')."""
    mime, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().casefold() == "charset" and val.strip():
            charset = val.strip().strip("\"'").casefold()
    return mime.strip().casefold(), charset


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[-1] if text else type(exc).__name__
