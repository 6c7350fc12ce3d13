"""Quoted spans that are not speech: titles of works, names, labels.

Journalists put quotation marks around things nobody said: an album (Taylor
Swift's "Midnights"), a film, a bill or an initiative, and terms they keep at a
distance (the so-called "wolf warrior" diplomats, what Beijing calls its "core
interests"). The clues are the words around the marks and the shape of the
span (a short run of Capitalised Words with no punctuation reads as a name).
"""

from __future__ import annotations

import re

_WORKS = (
    r"album|albums|song|songs|single|track|hit|record|film|films|movie|movies|book|books|novel|"
    r"memoir|biography|show|shows|series|sitcom|programme|program|documentary|play|opera|"
    r"musical|poem|painting|exhibition|exhibit|magazine|newspaper|podcast|column|essay|game|app|"
    r"anthem|tour|bill|act|law|initiative|initiatives|plan|strategy|doctrine|report|white\s+paper|"
    r"paper|document|policy|campaign|project|operation|exercise|exercises|drills|framework|"
    r"declaration|slogan|motto|hashtag|brand|label|nickname|title|headline|banner|motion|"
    r"resolution|programme|scheme|concept|vision|theory|agenda|platform|editorial|article|"
    r"speech\s+titled|titled|entitled|called|named|dubbed"
)
# Right before the opening mark: "the album", "so-called", "what it calls".
_BEFORE = re.compile(
    rf"(?:\b(?:so-called|so\s+called|dubbed|nicknamed|known\s+as|billed\s+as|branded|titled|"
    rf"entitled|named|the\s+term|the\s+phrase|the\s+word|the\s+words|the\s+slogan|"
    rf"what\s+(?:it|they|beijing|washington|china|moscow|the\s+\w+|\w+\s+officials)\s+"
    rf"(?:calls?|called|has\s+called|have\s+called|terms?|termed|dubs|dubbed|describes?\s+as|"
    rf"refers?\s+to\s+as|labels?)|"
    rf"(?:the|a|an|his|her|their|its|new|latest|hit|[a-z]+'s?)\s+(?:{_WORKS}))"
    rf"|'s)\s*,?\s*$",
    re.IGNORECASE,
)
# Right after the closing mark: `"Midnights" album`, `"Made in China 2025" plan`.
_AFTER = re.compile(
    rf"\s*(?:{_WORKS}|album|initiative|program|programme|series|policy|strategy|"
    r"agreement|deal|accord|treaty|summit|forum|dialogue|model|formula|era|movement|era)\b",
    re.IGNORECASE,
)
_SPEECH_AFTER = re.compile(
    r"\s*,?\s*(?:[\w.'-]+\s+){0,5}?(?:said|says|told|added|asked|wrote|replied|insisted|warned)\b"
)
_WORD = re.compile(r"[^\W\d_][\w'-]*|\d[\w.,]*")
_SMALL = frozenset("a an and the of in on at to for with from by or vs as its is".split())


def _title_like(span: str) -> bool:
    """A short run of Capitalised Words without sentence punctuation: 'Made in China 2025'."""
    s = span.strip()
    if not s or s[-1] in ".,!?;:" or len(s) > 60:
        return False
    words = _WORD.findall(s)
    if not words or len(words) > 6:
        return False
    big = [w for w in words if w.lower() not in _SMALL]
    return bool(big) and all(w[0].isupper() or w[0].isdigit() for w in big)


def is_label(norm: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Is the quoted span norm[start:end] a title, name or label rather than speech?"""
    span = norm[start:end]
    open_mark = start - 1
    before = norm[max(lo, open_mark - 60):open_mark]
    after = norm[end + 1:min(hi, end + 40)]
    title = _title_like(span)
    bm = _BEFORE.search(before)
    if bm is not None:
        clue = bm.group(0).strip().lower()
        if clue.endswith("'s"):
            # Taylor Swift's "Midnights" is a work; China's "red lines" are words.
            return title
        if "so-called" in clue or "so called" in clue or clue.startswith("what"):
            return True
        # "the album 'X'" / "the plan 'X'": a work, unless the span is a sentence.
        return title or len(span.split()) <= 4 and span.rstrip()[-1:] not in ".,!?"
    if _AFTER.match(after) and (title or len(span.split()) <= 3):
        return True
    if title and not _SPEECH_AFTER.match(after):
        # A bare Capitalised name with no one saying it.
        return not re.search(r"\b(?:said|says|told|called|urged|warned)\s*,?\s*$", before)
    return False
