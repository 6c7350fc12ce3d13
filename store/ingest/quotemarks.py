"""Pair quotation marks into spans, one paragraph at a time.

`norm` has every double mark as `"` and every single mark or apostrophe as
`'`; the original `text` still tells a curly opening mark from a closing one,
which helps when an outlet mixes styles. Straight marks are read from their
context (space before: opening; space or punctuation after: closing). Single
marks are quote marks only when they open at a word boundary and close after a
word: "China's", "Americans' jobs", "don't" and "'90s" are apostrophes. A
double quote nested in another belongs to the outer span. One linear pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN_DOUBLE = frozenset("\u201c\u201e\u201f\u301d\u00ab")
_CLOSE_DOUBLE = frozenset("\u201d\u301e\u00bb")
_OPEN_SINGLE = frozenset("\u2018\u201a\u201b\u2039")
_BOUNDARY_BEFORE = frozenset(" \n([{-/:;\"\u2014")
_PUNCT_AFTER = frozenset(".,;:!?)]}-\"'")
_MARK_RE = re.compile(r"[\"']")
# Elisions that start with an apostrophe: '90s, 'em, 'til, 'tis, rock 'n' roll.
_ELISION = re.compile(r"'(?:\d0s|\d\ds?\b|em\b|til\b|tis\b|twas\b|cause\b|n\b|n'|s\b)", re.I)

OPEN, CLOSE, NEUTRAL = 1, 2, 3


@dataclass(frozen=True, slots=True)
class Span:
    """Characters between an opening mark and its closing mark (or the paragraph end)."""

    start: int  # first character after the opening mark
    end: int  # the closing mark's offset, or the paragraph end when unclosed
    double: bool
    closed: bool


def _double_dir(text: str, norm: str, i: int, lo: int, hi: int, width: int = 1) -> int:
    prev = norm[i - 1] if i > lo else " "
    nxt = norm[i + width] if i + width < hi else " "
    ctx_open = (prev in _BOUNDARY_BEFORE or prev.isspace()) and not nxt.isspace()
    ctx_close = (nxt.isspace() or nxt in _PUNCT_AFTER or i + width >= hi) and not prev.isspace()
    c = text[i]
    if c in _OPEN_DOUBLE:
        return CLOSE if ctx_close and not ctx_open else OPEN
    if c in _CLOSE_DOUBLE:
        return OPEN if ctx_open and not ctx_close else CLOSE
    if ctx_open and not ctx_close:
        return OPEN
    if ctx_close and not ctx_open:
        return CLOSE
    return NEUTRAL


def _flipped_open(norm: str, i: int, lo: int, hi: int) -> bool:
    """A closing-shaped mark glued between a sentence end and a word opens a quote:
    `for the airport.”We hope` (glued copy, or an outlet that prints ” both ways)."""
    return (i > lo and i + 1 < hi and norm[i - 1] in ".!?,;:" and norm[i + 1].isalnum())


def _single_dir(text: str, norm: str, i: int, lo: int, hi: int) -> int:
    """OPEN, CLOSE or 0 for an apostrophe."""
    prev = norm[i - 1] if i > lo else " "
    nxt = norm[i + 1] if i + 1 < hi else " "
    if (prev.isspace() or prev in _BOUNDARY_BEFORE) and (nxt.isalnum() or nxt in "$(\""):
        if _ELISION.match(norm, i, min(hi, i + 6)) and text[i] not in _OPEN_SINGLE:
            return 0
        return OPEN
    if not prev.isspace() and prev not in _BOUNDARY_BEFORE and (
        nxt.isspace() or nxt in _PUNCT_AFTER or i + 1 >= hi
    ):
        return CLOSE
    return 0


def _nested(text: str, norm: str, marks: list[int], k: int, lo: int, hi: int) -> bool:
    """Is the curly opening mark marks[k], met inside an open double quotation, a nested
    one? Yes when the next two double marks both close (the inner one, then the outer)."""
    after = [j for j in marks[k + 1:k + 12] if norm[j] == '"'][:2]
    return len(after) == 2 and all(
        text[j] in _CLOSE_DOUBLE or (text[j] not in _OPEN_DOUBLE
                                     and _double_dir(text, norm, j, lo, hi) == CLOSE)
        for j in after)


def pair_marks(text: str, norm: str, lo: int, hi: int, *, continues: bool = False,
               open_before: bool = False) -> list[Span]:
    """Quoted spans of norm[lo:hi] (one paragraph), in order.

    `continues` tells that the next paragraph opens with a quote mark, so a span
    left open at the end of this one is a quotation continued there.
    `open_before` tells that the paragraph before ended inside a quotation: a
    closing mark met before any opening one ends that quotation here (some
    outlets do not reopen a quotation at each paragraph).
    """
    spans: list[Span] = []
    d_open = -1  # offset of the pending double opening mark
    s_open = -1  # offset of the pending single opening mark
    marks = [m.start() for m in _MARK_RE.finditer(norm, lo, hi)]
    lead = lo
    while lead < hi and norm[lead].isspace():
        lead += 1
    d_width = 1  # characters of the pending double opening mark
    second = -1  # the second mark of a doubled single mark, already read
    for k, i in enumerate(marks):
        if i == second:
            continue
        width = 1
        if norm[i] == "'" and i + 1 < hi and norm[i + 1] == "'":
            # `as being "gnarly''.`: two single marks typed for one double mark.
            width, second = 2, i + 1
        if width == 2 or norm[i] == '"':
            d = _double_dir(text, norm, i, lo, hi, width)
            if d == CLOSE and d_open < 0 and _flipped_open(norm, i, lo, hi):
                d = OPEN
            if d_open < 0:
                if d == CLOSE:
                    if open_before and k == 0 and i > lead:
                        spans.append(Span(lead, i, True, True))
                    continue  # a stray closing mark
                d_open, d_width, s_open = i, width, -1
            elif d == OPEN and text[i] in _OPEN_DOUBLE:
                if _nested(text, norm, marks, k, lo, hi):
                    # `"I know you plan to raise the "grain deal"," he said`: a quotation
                    # inside the quotation, both marks curly; it belongs to the outer span.
                    second = next(j for j in marks[k + 1:] if norm[j] == '"')
                    continue
                d_open, d_width = i, width  # a fresh opening mark: the earlier one never closed
            else:
                spans.append(Span(d_open + d_width, i, True, True))
                d_open = -1
            continue
        if d_open >= 0:
            continue  # single marks inside a double quotation are nested
        d = _single_dir(text, norm, i, lo, hi)
        if d == OPEN and s_open < 0:
            s_open = i
        elif d == CLOSE and s_open >= 0:
            # "Americans' jobs": a plural possessive before a lower-case word is
            # an apostrophe when another closing mark follows in the paragraph.
            if norm[i - 1] == "s" and i + 2 < hi and norm[i + 1] == " " and norm[i + 2].islower():
                if any(_single_dir(text, norm, j, lo, hi) == CLOSE for j in marks[k + 1:k + 8]
                       if norm[j] == "'"):
                    continue
            if i > s_open + 1:
                spans.append(Span(s_open + 1, i, False, True))
            s_open = -1
    end = hi
    while end > lo and norm[end - 1].isspace():
        end -= 1
    if d_open >= 0 and end > d_open + d_width:
        body = norm[d_open + d_width:end]
        if continues or len(body.split()) >= 3:
            spans.append(Span(d_open + d_width, end, True, False))
    # A single mark that opens the paragraph and is never closed: a quotation continued in
    # the next paragraph, or cut by the end of an excerpt.
    elif s_open >= 0 and (continues or s_open == lead) and end > s_open + 1:
        if len(norm[s_open + 1:end].split()) >= 5:
            spans.append(Span(s_open + 1, end, False, False))
    spans.sort(key=lambda s: s.start)
    return spans


def opens_with_mark(norm: str, lo: int, hi: int) -> bool:
    """Does the paragraph norm[lo:hi] open with a quotation mark?"""
    i = lo
    while i < hi and norm[i].isspace():
        i += 1
    return i < hi and norm[i] in "\"'" and i + 1 < hi and not norm[i + 1].isspace()
