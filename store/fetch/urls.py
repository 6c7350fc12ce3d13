"""Which inputs are URLs, and which URLs bilat will fetch at all. Pure."""

from __future__ import annotations

from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https")


def is_url(raw: str) -> bool:
    """Looks like a URL (scheme://… or a scheme bilat names in its refusal), not a path.

    `file:` and `ftp:` count as URLs so that they get the clear refusal rather than
    "no such file"; a Windows drive letter ("C:\\…") does not.
    """
    head, sep, _ = raw.partition(":")
    return bool(sep) and len(head) > 1 and head.isalpha() and (
        raw[len(head):].startswith("://") or head.casefold() in {"file", "ftp", "http", "https"}
    )


def url_refusal(url: str) -> str | None:
    """Why bilat will not fetch this URL (one line), or None."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.casefold()
    if scheme not in ALLOWED_SCHEMES:
        return f"only http and https URLs can be fetched, not {scheme or 'this'}:"
    if not parts.hostname:
        return "the URL names no host"
    return None
