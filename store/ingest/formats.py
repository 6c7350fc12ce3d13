"""Stage 1b: plain text, Markdown or a saved HTML page -> plain article text."""

from __future__ import annotations

import re

from store.ingest.decode import normalize_newlines
from store.ingest.html_page import html_to_plain
from store.ingest.markdown import looks_like_markdown, markdown_to_plain
from store.ingest.types import PlainDocument

_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)?<(?:!doctype\s+html|html|head|body|\?xml)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(
    r"</?(?:p|div|br|span|a|article|section|h[1-6]|li|ul|meta|script)\b[^<>]{0,500}>",
    re.IGNORECASE,
)

_BLOCK_TAG = re.compile(r"</?(?:p|div|br|article|section|h[1-6]|li|ul)\b", re.IGNORECASE)


def detect_format(text: str) -> str:
    """'html', 'markdown' or 'text'."""
    head = text[:20_000]
    if _HTML_START.match(head):
        return "html"
    # A fragment of markup (copied <p>...</p>) rather than prose mentioning a tag.
    tags = _HTML_TAGS.findall(head)
    # Only block tags make a page: text that quotes a few <script> or <a> tags is prose.
    blocks = [t for t in tags if _BLOCK_TAG.match(t)]
    if len(blocks) >= 2 and len(tags) >= 4 and (
            sum(len(t) for t in tags) * 20 > min(len(head), 20_000) // 10):
        return "html"
    if looks_like_markdown(text):
        return "markdown"
    return "text"


def to_plain(original: str) -> PlainDocument:
    """Reduce the input to plain text with blank lines between paragraphs."""
    text = normalize_newlines(original)
    kind = detect_format(text)
    if kind == "html":
        doc = html_to_plain(text)
        if doc.text.strip():
            return doc
        # Markup with no readable article in it: fall back to the raw text.
    elif kind == "markdown":
        return markdown_to_plain(text)
    return PlainDocument(text=text, format="text")
