"""A saved web page -> the article's plain text and what its markup says.

Uses only the standard library's `html.parser`. The page is parsed into a
small element tree; furniture (scripts, navigation, share bars, cookie
banners, "Read more" boxes, ads) is dropped; the article container is the
<article>/<main> element or else the element holding the most paragraph text;
its block elements become paragraphs separated by blank lines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from store.ingest.boilerplate import is_junk_line
from store.ingest.datetext import iso_date
from store.ingest.types import PlainDocument

# Elements whose whole content is never article text.
_DROP = frozenset(
    "script style noscript template svg canvas nav aside form button select option textarea "
    "iframe object embed video audio map figure figcaption menu dialog input label picture "
    "source track head".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCK = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote pre dd dt td th tr div section article main header "
    "footer ul ol dl table address hr br center".split()
)
# Blocks that are emitted as their own paragraph.
_PARA = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre dd dt address".split())
_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())

# class/id words of furniture blocks. Matched on word boundaries of the attribute.
_JUNK_ATTR = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|share|sharing|social|sharebar|cookie|cookies|"
    r"consent|gdpr|banner|promo|advert|advertisement|ads?|ad-slot|sponsor(?:ed)?|related|"
    r"recommend(?:ed|ations)?|read-?more|see-?also|more-?stories|newsletter|subscribe|"
    r"signup|sidebar|comments?|footer|masthead|popup|modal|outbrain|taboola|trending|"
    r"most-?read|toolbar|byline-share|skip-?link|visually-?hidden|sr-only)(?:$|[\s_-])",
    re.IGNORECASE,
)
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_TITLE_SUFFIX = re.compile(r"\s+[|\-\u2013\u2014:\u00b7]\s+[^|\-\u2013\u2014:\u00b7]{2,40}$")


@dataclass(slots=True)
class _El:
    tag: str
    attrs: dict[str, str]
    parent: _El | None
    children: list[_El | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """Forgiving tree builder: unclosed tags are closed by their ancestors' end tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _El("#root", {}, None)
        self.cur = self.root
        self.metas: list[dict[str, str]] = []
        self.links: list[dict[str, str]] = []
        self.title = ""
        self.ld_json: list[str] = []
        self._in_title = False
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self.metas.append(a)
            return
        if tag == "link":
            self.links.append(a)
            return
        if tag == "title":
            self._in_title = True
        if tag == "script" and "ld+json" in a.get("type", ""):
            self._in_ld = True
        if tag == "p" and self.cur.tag == "p":  # <p> implicitly closes an open <p>
            self._close("p")
        el = _El(tag, a, self.cur)
        self.cur.children.append(el)
        if tag not in _VOID:
            self.cur = el

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.cur.tag == tag:
            self.cur = self.cur.parent or self.root

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "script":
            self._in_ld = False
        self._close(tag)

    def _close(self, tag: str) -> None:
        el: _El | None = self.cur
        while el is not None and el.tag != tag:
            el = el.parent
        if el is not None and el.parent is not None:
            self.cur = el.parent

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._in_ld:
            self.ld_json.append(data)
        self.cur.children.append(data)


def _is_junk(el: _El) -> bool:
    if el.tag in _DROP:
        return True
    if "hidden" in el.attrs:
        return True
    if el.attrs.get("aria-hidden") == "true":
        return True
    role = el.attrs.get("role", "")
    if role in ("navigation", "banner", "contentinfo", "complementary", "dialog", "alert"):
        return True
    attr = el.attrs.get("class", "") + " " + el.attrs.get("id", "")
    if attr.strip() and _JUNK_ATTR.search(attr):
        # Never drop a block that is plainly the article itself, nor a layout wrapper
        # ("page has-sidebar") around it: furniture is small and holds no headline.
        if el.tag in ("article", "main", "body", "html"):
            return False
        return not (_contains(el, "h1") or _contains(el, "article") or _contains(el, "main")
                    or _p_text(el) > 1200)
    if el.tag == "footer":
        return True
    if el.tag == "header":
        # A page header is furniture; an article header holds the <h1> and byline.
        return not _contains(el, "h1")
    return False


def _contains(el: _El, tag: str) -> bool:
    stack: list[_El | str] = list(el.children)
    while stack:
        c = stack.pop()
        if isinstance(c, _El):
            if c.tag == tag:
                return True
            stack.extend(c.children)
    return False


def _prune(el: _El) -> None:
    """Drop furniture subtrees in place (iteratively: pages nest deeply)."""
    stack = [el]
    while stack:
        e = stack.pop()
        kept: list[_El | str] = []
        for c in e.children:
            if isinstance(c, _El):
                if _is_junk(c):
                    continue
                stack.append(c)
            kept.append(c)
        e.children = kept


def _iter(el: _El) -> list[_El]:
    out: list[_El] = []
    stack = [el]
    while stack:
        e = stack.pop()
        out.append(e)
        stack.extend(c for c in reversed(e.children) if isinstance(c, _El))
    return out


def _text_len(el: _El) -> int:
    n = 0
    stack: list[_El | str] = [el]
    while stack:
        c = stack.pop()
        if isinstance(c, str):
            n += len(c.strip())
        else:
            stack.extend(c.children)
    return n


def _container(root: _El) -> _El:
    """The element that holds the article: <article>, <main>, or the densest block."""
    elements = _iter(root)
    tests: list[Callable[[_El], bool]] = [
        lambda e: e.attrs.get("itemprop", "") == "articleBody",
        lambda e: e.tag == "article",
        lambda e: e.tag == "main" or e.attrs.get("role") == "main",
    ]
    for attr_test in tests:
        found = [e for e in elements if attr_test(e)]
        if found:
            best = max(found, key=_p_text)
            if _p_text(best) > 0 or _text_len(best) > 200:
                return best
    # Densest block: the parent with the most text in direct <p> children.
    scores: dict[int, tuple[int, _El]] = {}
    for e in elements:
        if e.tag == "p" and e.parent is not None:
            key = id(e.parent)
            prev = scores.get(key, (0, e.parent))[0]
            scores[key] = (prev + _text_len(e), e.parent)
    if scores:
        return max(scores.values(), key=lambda s: s[0])[1]
    body = [e for e in elements if e.tag == "body"]
    return body[0] if body else root


def _p_text(el: _El) -> int:
    return sum(_text_len(e) for e in _iter(el) if e.tag == "p")


def _blocks(container: _El) -> list[tuple[str, str]]:
    """(tag, text) of each paragraph-like block in document order."""
    out: list[tuple[str, str]] = []
    buf: list[str] = []
    buf_tag = ["div"]

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(buf)).strip()
        buf.clear()
        if text:
            out.append((buf_tag[0], text))

    # Iterative walk with explicit enter/leave events.
    stack: list[tuple[_El | str, bool]] = [(container, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, str):
            buf.append(node)
            continue
        if leaving:
            if node.tag in _BLOCK:
                flush()
            continue
        if node.tag == "br":
            # Two <br> in a row separate paragraphs; one is just a line wrap.
            if buf and buf[-1] == "\x00br":
                buf.pop()
                flush()
            else:
                buf.append("\x00br")
            continue
        if node.tag in _BLOCK:
            flush()
            buf_tag[0] = node.tag if node.tag in _PARA else "div"
        stack.append((node, True))
        stack.extend((c, False) for c in reversed(node.children))
    flush()
    cleaned = [(t, s.replace("\x00br", " ").strip()) for t, s in out]
    return [(t, s) for t, s in cleaned if s]


def _meta(metas: list[dict[str, str]], *names: str) -> str | None:
    for name in names:
        for m in metas:
            if name in (m.get("property", "").lower(), m.get("name", "").lower(),
                        m.get("itemprop", "").lower()):
                value = m.get("content", "").strip()
                if value:
                    return value
    return None


def _ld_published(chunks: list[str]) -> str | None:
    for chunk in chunks:
        try:
            data = json.loads(chunk)
        except (ValueError, RecursionError):
            m = re.search(r'"datePublished"\s*:\s*"([^"]{8,40})"', chunk)
            if m:
                return m[1]
            continue
        stack = [data]
        while stack:
            d = stack.pop()
            if isinstance(d, dict):
                v = d.get("datePublished")
                if isinstance(v, str):
                    return v
                stack.extend(d.values())
            elif isinstance(d, list):
                stack.extend(d)
    return None


def clean_title(title: str) -> str:
    """'Blinken meets Xi | Reuters' -> 'Blinken meets Xi' (site suffixes dropped)."""
    title = _SPACE.sub(" ", title).strip()
    for _ in range(2):
        stripped = _TITLE_SUFFIX.sub("", title)
        if len(stripped) < 12:
            break
        title = stripped
    return title


def html_to_plain(page: str) -> PlainDocument:
    """Pull the article out of a saved page: text, title, url, date and site name."""
    builder = _TreeBuilder()
    try:
        builder.feed(page)
        builder.close()
    except (AssertionError, ValueError):  # malformed markup the parser gives up on
        pass
    root = builder.root
    time_dates = [e.attrs.get("datetime") for e in _iter(root) if e.tag == "time"]
    _prune(root)
    container = _container(root)
    blocks = _blocks(container)
    h1_at = next((i for i, (tag, _) in enumerate(blocks) if tag == "h1"), None)
    if h1_at is not None and all(len(t) < 100 for _, t in blocks[:h1_at]):
        blocks = blocks[h1_at:]  # kickers and breadcrumbs above the headline
    h1 = next((t for tag, t in blocks if tag == "h1"), None)
    if h1 is None:
        h1s = [e for e in _iter(root) if e.tag == "h1"]
        if h1s:
            h1 = _SPACE.sub(" ", "".join(_all_text(h1s[0]))).strip() or None
    og_title = _meta(builder.metas, "og:title", "twitter:title")
    title = h1 or clean_title(og_title or builder.title) or None

    lines: list[str] = []
    if title and not any(t == title for _, t in blocks[:3]):
        lines.append(title)
    for tag, text in blocks:
        if is_junk_line(text):
            continue
        if tag in _HEADINGS and lines:
            # A section heading: an extra blank line marks the section boundary too.
            lines.append("")
        lines.append(text)
    published = iso_date(
        _meta(builder.metas, "article:published_time", "datepublished", "pubdate",
              "publishdate", "date", "dc.date", "dc.date.issued", "sailthru.date")
        or _ld_published(builder.ld_json)
        or next((d for d in time_dates if d), None),
        anywhere=True,
    )
    url = next((ln.get("href") for ln in builder.links
                if "canonical" in ln.get("rel", "").lower().split() and ln.get("href")), None)
    url = url or _meta(builder.metas, "og:url")
    source = _meta(builder.metas, "og:site_name", "application-name")
    return PlainDocument(text="\n\n".join(lines), format="html", title=title, url=url,
                         published=published, source=source)


def _all_text(el: _El) -> list[str]:
    out: list[str] = []
    stack: list[_El | str] = [el]
    while stack:
        c = stack.pop()
        if isinstance(c, str):
            out.append(c)
        else:
            stack.extend(reversed(c.children))
    return out
