"""Stage 3: paragraphs, sentences and sections.

Paragraphs are separated by blank lines. Inside a block, lines are joined when
they are a hard-wrapped paragraph and kept apart when the copy put one
paragraph per line. Sections come from explicit header lines (short upper-case
or title lines, Markdown headings, numbered takeaways), or from two or more
blank lines (factboxes whose headers were lost in copy-paste), else the text
is one plain flow. Header lines are not paragraphs: they label the paragraphs
below them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest.boilerplate import is_junk_line
from store.ingest.sentences import split_sentences
from store.ingest.types import Para

_ITEM = re.compile(r"^[ \t]*(?:(?P<num>\d{1,2})[.)]|[-*\u2022\u25aa\u25cf])[ \t]+", re.MULTILINE)
_END_PUNCT = re.compile(r"[.!?,;\"')\]]\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s*$")
_DATELINE_LIKE = re.compile(r"^[A-Z][A-Z .,'-]+(?:\([^)]{1,30}\))?\s*-")
_LETTER = re.compile(r"[^\W\d_]")
_SMALL_WORDS = frozenset("a an and the of in on at to for with from by or vs as its".split())


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str


def _heading_text(line: str) -> str | None:
    """The heading a line is, or None: 'TAIWAN, SOUTH CHINA SEA', '1. Military talks resume'."""
    s = line.strip()
    if not s or len(s) > 90 or s[-1] in ".!?\"'" or is_junk_line(s):
        return None
    if s.count('"') % 2:
        return None  # a quotation left open: a paragraph cut short, not a heading
    item = _ITEM.match(s)
    core = s[item.end():].strip() if item else s
    if not core or not _LETTER.search(core):
        return None
    if core.count(" ") > 11 or _DATELINE_LIKE.match(s) and not s.isupper():
        return None
    # str.isupper: every cased character is upper case (and there is one).
    upper = core.isupper() and len(core) >= 2
    if upper and not core.endswith((".", "?", "!", '"')):
        return core.rstrip(":").strip()
    if _END_PUNCT.search(core) or core.endswith(":"):
        return None
    if not (core[0].isupper() or core[0].isdigit()):
        return None
    return core


def _is_title_like(line: str) -> bool:
    """Title Case words: 'Taiwan and the South China Sea'."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", line)]
    if not words or len(line) > 70:
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and sum(w[0].isupper() for w in big) >= max(1, (2 * len(big) + 2) // 3)


# A run of headline-like lines inside the body is a block of links to other stories
# ("Leaders jockey to be the new envoy", "Summit signals a change of course", ...): no
# paragraph of the story ends without a stop, and a section heading comes alone.
_LINK_RUN = 3  # lines in a row
_LINK_WORDS = (4, 20)
_LINK_END = re.compile(r"[.!?,;:\"')\]\u201d\u2019]\s*$")


def _headline_like(line: str) -> bool:
    n = len(line.split())
    return (_LINK_WORDS[0] <= n <= _LINK_WORDS[1] and line[:1].isupper()
            and _LINK_END.search(line) is None and not line.isupper()
            and _ITEM.match(line) is None)  # a list's items are the story's points


def _drop_link_runs(groups: list[list[_Line]]) -> list[list[_Line]]:
    """The groups of a block less each run of _LINK_RUN or more headline-like lines."""
    out: list[list[_Line]] = []
    run: list[list[_Line]] = []
    for g in [*groups, []]:
        if len(g) == 1 and _headline_like(g[0].text):
            run.append(g)
            continue
        if len(run) < _LINK_RUN:
            out.extend(run)
        run = []
        if g:
            out.append(g)
    return out


def _split_block(lines: list[_Line]) -> list[list[_Line]]:
    """Group a blank-line block's lines into paragraphs (wrapped lines join)."""
    if len(lines) == 1:
        return [lines]
    body = lines[:-1]
    ends = sum(1 for ln in body if _SENTENCE_END.search(ln.text))
    long_lines = any(len(ln.text) > 100 for ln in body)
    items = sum(1 for ln in lines if _ITEM.match(ln.text))
    one_per_line = long_lines or ends * 10 >= len(body) * 6 or items >= 2
    if one_per_line:
        groups: list[list[_Line]] = []
        for ln in lines:
            # A wrapped continuation of a long line still joins its paragraph.
            if groups and not _SENTENCE_END.search(groups[-1][-1].text) and not _ITEM.match(
                ln.text
            ) and ln.text[:1].islower():
                groups[-1].append(ln)
            else:
                groups.append([ln])
        return groups
    return [lines]


def _heading_of_group(group: list[_Line], standalone: bool) -> str | None:
    if len(group) != 1:
        return None
    text = group[0].text
    h = _heading_text(text)
    if h is None:
        return None
    s = text.strip()
    if standalone or s.isupper() or _ITEM.match(s) or _is_title_like(s):
        return h
    return None


def _blocks(text: str, start: int, end: int) -> list[tuple[int, list[_Line]]]:
    """Blank-line separated blocks: (blank lines before, non-junk lines), in one pass."""
    blocks: list[tuple[int, list[_Line]]] = []
    current: list[_Line] = []
    blank = 0  # blank lines since the last line of text
    seen = 0  # widest blank run since the last kept block (furniture lines do not count)
    gap = 0
    pos = start
    for raw in text[start:end].split("\n"):
        stripped = raw.strip()
        if not stripped:
            if current:
                blocks.append((gap, current))
                current, seen = [], 0
            blank += 1
        elif is_junk_line(stripped):
            seen, blank = max(seen, blank), 0
        else:
            if not current:
                gap = max(seen, blank) if blocks else 0
            lead = len(raw) - len(raw.lstrip())
            current.append(_Line(pos + lead, pos + len(raw.rstrip()), stripped))
            blank = 0
        pos += len(raw) + 1
    if current:
        blocks.append((gap, current))
    return blocks


class _Seen:
    """Paragraphs already kept, to drop a page's second copy of one (a lede and its quote
    printed twice, the copy maybe cut short or opened by a dateline). Earlier paragraphs
    are filed under their first words, so each new one is compared with few others."""

    _KEY = 40

    def __init__(self) -> None:
        self.by_start: dict[str, list[str]] = {}

    def repeats(self, text: str, start: int, end: int) -> bool:
        words = " ".join(text[start:min(end, start + 4000)].split())
        dl = _DATELINE_LIKE.match(words)
        core = words[dl.end():].lstrip() if dl else words
        if len(core) < self._KEY:
            return False  # short lines ("He said.") may fairly repeat
        key = core[:self._KEY]
        earlier = self.by_start.setdefault(key, [])
        if any(e.startswith(core) for e in earlier):
            return True
        if len(earlier) < 8:  # a bound, so that a thousand look-alike paragraphs stay linear
            earlier.append(core)
        return False


def split_paragraphs(text: str, start: int, end: int) -> list[Para]:
    """Split text[start:end] into paragraphs with their sentences and sections."""
    blocks = _blocks(text, start, end)

    # Two blank lines mark sections only if the copy does not put them everywhere.
    gaps = [g for g, _ in blocks[1:]]
    wide_gaps_mark_sections = bool(gaps) and sum(1 for g in gaps if g >= 2) * 10 < len(gaps) * 8

    paras: list[Para] = []
    seen = _Seen()
    section = 0
    heading: str | None = None
    started = False  # has the current section any paragraph yet?
    for gap, lines in blocks:
        if wide_gaps_mark_sections and gap >= 2 and paras:
            if started:
                section += 1
            heading = None
            started = False
        groups = _drop_link_runs(_split_block(lines))
        for gi, group in enumerate(groups):
            standalone = len(groups) == 1 or (gi == 0 and len(groups) > 1 and len(lines) > 1)
            h = _heading_of_group(group, standalone and len(groups) == 1)
            if h is None and gi == 0 and len(groups) > 1:
                h = _heading_of_group(group, False)
            if h is None and gi == 0 and len(groups) == 1 and len(lines) > 1:
                # "TAIWAN\nThe two sides ..." : a header line glued to its paragraph.
                first = lines[0]
                fh = _heading_of_group([first], False)
                # Not a header but a wrapped line: the next line opens in lower case, or the
                # line is nearly as long as the wrapped lines after it, or the body starts
                # mid-line (after a dateline) so this is the rest of the first paragraph.
                wrapped = (
                    lines[1].text[:1].islower()
                    or (not first.text.isupper() and not _ITEM.match(first.text)
                        and len(first.text) * 10 > max(len(ln.text) for ln in lines[1:]) * 6)
                    or (first.start == start and start > 0 and text[start - 1] != "\n")
                )
                if fh is not None and not wrapped:
                    if started:
                        section += 1
                    heading, started = fh, False
                    group = lines[1:]
            if h is not None:
                if started:
                    section += 1
                heading, started = h, False
                continue
            s, e = group[0].start, group[-1].end
            if seen.repeats(text, s, e):
                continue
            item = _ITEM.match(text, s, e)
            if item and item["num"] and started:
                # A numbered takeaway without a header line opens its own section.
                section += 1
                heading = None
            paras.append(Para(index=len(paras), start=s, end=e, section=section, heading=heading,
                              sentences=split_sentences(text, s, e)))
            started = True
    return paras
