"""A fetched web page -> the article's plain text and metadata. Pure: bytes in, text out.

trafilatura finds the main text (navigation, share buttons, cookie banners and
related-story boxes are left behind) and the metadata: title, date (read by htmldate
from the page's meta tags), site name and author. The result is written out as a plain
article (title, byline, date line, paragraphs) for `store.ingest.extract` to read like
any saved article. When trafilatura finds nothing, the page goes to ingest as it is,
and our own reader (`store.ingest.html_page`) pulls the article out.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date

# <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…">,
# looked for in the head only (the HTML standard's prescan reads the first 1024 bytes;
# we allow more for pages with long inline scripts before it).
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_PRESCAN = 8192
# The WHATWG Encoding Standard, which browsers follow: pages labelled Latin-1 or ASCII are
# read as windows-1252, whose curly quotes (0x93, 0x94) such pages often hold.
_AS_WINDOWS_1252 = {"latin-1", "iso8859-1", "ascii"}


@dataclass(frozen=True)
class PageText:
    """What was read from one page. `text` is None when trafilatura found no article."""

    html: str
    text: str | None
    title: str | None = None
    published: date | None = None
    site: str | None = None
    author: str | None = None

    def article(self) -> str:
        """The text ingest reads: the plain article when there is one, else the page."""
        if self.text is None:
            return self.html
        head = [self.title or ""]
        if self.author:
            head.append(f"By {self.author}")
        if self.published:
            head.append(f"{self.published:%B} {self.published.day}, {self.published.year}")
        return "\n\n".join([*(h for h in head if h), self.text])


def page_charset(body: bytes, declared: str | None) -> str:
    """The charset to decode with: the one the server declared, else the page's own
    <meta charset>, else UTF-8 (the web's default). Unknown names fall through."""
    for name in (declared, _meta_charset(body)):
        if name:
            try:
                codec = codecs.lookup(name).name
            except LookupError:
                continue
            return "cp1252" if codec in _AS_WINDOWS_1252 else codec
    return "utf-8"


def _meta_charset(body: bytes) -> str | None:
    m = _META_CHARSET.search(body[:_PRESCAN])
    return m.group(1).decode("ascii") if m else None


def decode_page(body: bytes, declared: str | None) -> str:
    """The page as text. Bytes that do not fit the charset become U+FFFD rather than
    failing the whole page: browsers do the same, and one bad byte is no reason to refuse."""
    charset = page_charset(body, declared)
    text = body.decode(charset, errors="replace")
    return text.removeprefix("\ufeff")


def read_page(body: bytes, declared_charset: str | None = None, url: str | None = None) -> PageText:
    """The main text and metadata of a page (HTML or plain text)."""
    html = decode_page(body, declared_charset)
    if not html.lstrip().startswith("<"):
        return PageText(html=html, text=None)  # plain text: ingest reads it as it is
    # Imported here: ~0.1 s that every other `bilat` command need not pay at start.
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, deduplicate=True,
        # The page's metadata only: htmldate's extensive search otherwise takes a
        # footer's "© 2026" for the publication date (January 1, 2026), and ingest
        # then resolves "on Friday" against it. No date is better than a wrong one.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return PageText(html=html, text=None)
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    raw = str(meta.get("text") or "").strip()
    if not raw:
        return PageText(html=html, text=None)
    # trafilatura puts one paragraph on each line; ingest wants a blank line between them.
    paragraphs = [line.strip() for line in raw.splitlines() if line.strip()]
    return PageText(
        html=html, text="\n\n".join(paragraphs), title=_clean(meta.get("title")),
        published=_date(meta.get("date")), site=_clean(meta.get("sitename")),
        author=_clean(meta.get("author")),
    )


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
