"""The gate on the way in: is this input an article at all?

`add` (CLI and TUI) asks `refusal()` about a file's bytes before ingest reads them, and
`draft_refusal()` about the draft after. Each answers None (an article, let it in) or one
line saying what the input is instead. Refused: bilat's own exports in all five formats
(Markdown, JSON store dump, CSV, HTML, TimelineJS), any CSV/TSV, JSON, TOML or XML file,
binaries (by their magic bytes or NULs), and text in which no sentence can be found.
Pure functions: no IO, so they can be tested alone.
"""

from __future__ import annotations

import csv
import json
import re
import tomllib
import xml.etree.ElementTree as ET

# Extensions no article is saved with.
_DATA_SUFFIXES = {
    ".csv": "a CSV file", ".tsv": "a TSV file", ".json": "a JSON file",
    ".jsonl": "a JSON Lines file", ".toml": "a TOML file", ".xml": "an XML file",
    ".yaml": "a YAML file", ".yml": "a YAML file", ".db": "a database file",
    ".sqlite": "a database file", ".pdf": "a PDF file", ".zip": "a ZIP archive",
}
_MAGIC = (
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/ODF document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)
# "✖ tension", "◆ dialogue": how bilat's exports label a status; no article writes that.
_STATUS_LABEL = re.compile(r"[✖■◆▲✔]\s*(?:tension|stalled|dialogue|progress|agreement)\b")
_BILAT_CSV_HEADER = "kind,dyad,meeting_id,meeting_date"
# Where a sentence may end: a word, then . ! ? (a closing quote may follow), then a space.
_SENTENCE_END = re.compile(r"\w[\"'”’)]?[.!?][\"'”’)]?(?=\s|$)")
_WORD = re.compile(r"\w+")
MIN_SENTENCE_WORDS = 4


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].casefold() if dot > name.replace("\\", "/").rfind("/") else ""


def _binary(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 has NULs
        return "a binary file"
    return None


def _json_kind(text: str) -> str | None:
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        return None
    try:
        value = json.loads(stripped)
    except ValueError:
        return None
    if isinstance(value, dict):
        if value.get("format") == "bilat-store":
            return "bilat's own JSON export (use `bilat import` for a store dump)"
        if "events" in value and isinstance(value["events"], list):
            return "a TimelineJS file (bilat's own timeline export)"
    return "a JSON file"


def _csv_kind(text: str) -> str | None:
    if text.lstrip("\ufeff").startswith(_BILAT_CSV_HEADER):
        return "bilat's own CSV export"
    lines = [ln for ln in text.splitlines()[:30] if ln.strip()]
    if len(lines) < 2:
        return None
    for delim in (",", "\t", ";"):
        try:
            found = list(csv.reader(lines, delimiter=delim))
        except csv.Error:
            continue
        widths = {len(r) for r in found}
        header = found[0]
        # A table: every row as wide as a header of short names (prose has neither).
        if len(widths) == 1 and len(header) >= 3 and all(0 < len(h) <= 40 for h in header):
            return "a TSV file" if delim == "\t" else "a CSV file"
    return None


def _toml_kind(text: str) -> str | None:
    if "=" not in text:
        return None
    try:
        value = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError):
        return None
    return "a TOML file" if value else None


def _xml_kind(text: str) -> str | None:
    head = text.lstrip()[:4096]
    if not head.startswith("<"):
        return None
    low = head.casefold()
    if "<html" in low or "<!doctype html" in low or "<body" in low:
        return None  # a web page: ingest pulls the article out of it
    if not (low.startswith("<?xml") or re.match(r"<[a-z][\w:.-]*[\s>]", low)):
        return None
    try:
        root = ET.fromstring(text.lstrip().encode("utf-8"))
    except ET.ParseError:
        return "an XML file" if low.startswith("<?xml") else None
    tag = root.tag.rsplit("}", 1)[-1].casefold()
    if tag == "html":
        return None
    if tag in {"rss", "feed", "rdf"}:
        return "a news feed (XML); add its articles, not the feed"
    return "an XML file"


def _bilat_page(text: str) -> str | None:
    labels = len(_STATUS_LABEL.findall(text[:200_000]))
    head = text[:4096]
    if labels and "meetings and issues" in head:
        low = head.casefold()
        if "<html" in low or "<!doctype" in low:
            return "bilat's own HTML export"
        return "bilat's own Markdown export"
    if labels >= 3:
        return "bilat's own export (it lists statuses like “◆ dialogue”)"
    return None


def refusal(data: bytes, name: str = "") -> str | None:
    """Why these bytes are not an article (one line), or None when they may be one."""
    what = _binary(data)
    if what:
        return f"not an article: {what}"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None  # ingest names the encoding problem (or reads UTF-16)
    if text is not None:
        for check in (_json_kind, _bilat_page, _csv_kind, _xml_kind, _toml_kind):
            what = check(text)
            if what:
                return f"not an article: {what}"
    what = _DATA_SUFFIXES.get(_suffix(name))
    if what:
        return f"not an article: {what} (by its name)"
    return None


def has_sentence(text: str) -> bool:
    """Some stretch of four or more words ends in . ! or ? (the first one found answers)."""
    start = 0
    for end in _SENTENCE_END.finditer(text):
        line_start = text.rfind("\n", start, end.start()) + 1
        stretch = text[max(start, line_start):end.end()]
        if len(_WORD.findall(stretch)) >= MIN_SENTENCE_WORDS:
            return True
        start = end.end()
    return False


def draft_refusal(text: str) -> str | None:
    """Why an article's plain text (after ingest) cannot be a news article, or None."""
    if not has_sentence(text):
        return "not an article: no sentence in it"
    return None
