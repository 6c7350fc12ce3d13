"""Quoted spans that are not speech: titles of works, names, labels.

Journalists put quotation marks around things nobody said: an album (Taylor
Swift's "Midnights"), a film, a bill or an initiative, and terms they keep at a
distance (the so-called "wolf warrior" diplomats, what Beijing calls its "core
interests"). The clues are the words around the marks and the shape of the
span (a short run of Capitalised Words with no punctuation reads as a name).
"""

from __future__ import annotations

import re

_WORKS = frozenset(
    """
    album albums song songs single track hit record film films movie movies book books novel
    memoir biography show shows series sitcom programme program documentary play opera musical
    poem painting exhibition exhibit magazine newspaper podcast column essay game app anthem tour
    bill act law initiative initiatives plan strategy doctrine report paper document policy
    campaign project operation exercise exercises drills framework declaration slogan motto
    hashtag brand label nickname title headline banner motion resolution scheme concept vision
    theory agenda platform editorial
    """.split()
)
_LABEL_VERBS = frozenset(
    "dubbed nicknamed branded titled entitled named billed labelled labeled christened".split()
)
_CALL_VERBS = frozenset("calls call called terms termed dubs dubbed labels describes".split())
_TERM_NOUNS = frozenset("term phrase word words slogan motto".split())
_DETERMINERS = frozenset("the a an his her their its new latest hit debut this that".split())
_TAIL_WORDS = re.compile(r"[\w'-]+")
# Right after the closing mark: `"Midnights" album`, `"Made in China 2025" plan`.
_AFTER = re.compile(r"\s*([A-Za-z]+)")
_AFTER_NOUNS = _WORKS | frozenset(
    "agreement deal accord treaty summit forum dialogue model formula era movement".split()
)
_SPEECH_AFTER = re.compile(
    r"\s*,?\s*(?:[\w.'-]+\s+){0,5}?(?:said|says|told|added|asked|wrote|replied|insisted|warned)\b"
)
# A quoted description of an anonymous source names who spoke, it is not speech.
_SOURCE_NAME = re.compile(
    r"(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Ss]everal)\s+)?"
    r"(?:(?:senior|top|unnamed|anonymous|administration|government|ministry|military|"
    r"intelligence|diplomatic|high-ranking|security|defen[cs]e|foreign|[A-Z][\w.-]*)\s+){0,4}"
    r"(?:officials?|sources?|diplomats?|aides?|insiders?)(?:\s+familiar\s+with\s+[\w\s]{0,40})?")
_WORD = re.compile(r"[^\W\d_][\w'-]*|\d[\w.,]*")
_SMALL = frozenset("a an and the of in on at to for with from by or vs as its is".split())


def _title_like(span: str) -> bool:
    """A run of Capitalised Words reading as a name or title: 'Made in China 2025',
    'Agreement on the Political Parameters ... of the Boundary Question.'"""
    s = span.strip()
    if not s or len(s) > 200:
        return False
    words = _WORD.findall(s)
    if not words or len(words) > 25:
        return False
    if s[-1] in ".,!?;:":
        # "No." / "Thank you," are short sayings; a long capitalised span is a title
        # that happens to end the sentence inside the marks.
        if s[-1] not in ".," or len(words) <= 3:
            return False
    big = [w for w in words if w.lower() not in _SMALL]
    return bool(big) and all(w[0].isupper() or w[0].isdigit() for w in big)


def _label_clue(before: str) -> str | None:
    """What the words right before an opening mark say about the span, if anything.

    "label" (so-called, what it calls, dubbed), "work" (the album, his new book),
    "possessive" (Taylor Swift's), or None.
    """
    tail = before.rstrip(" ,")
    low = tail.lower()
    if low.endswith(("so-called", "so called")):
        return "label"
    words = _TAIL_WORDS.findall(low[-50:])
    if not words:
        return None
    last = words[-1]
    if last in _LABEL_VERBS or words[-2:] in (["known", "as"], ["billed", "as"],
                                                 ["referred", "to"]):
        return "label"
    if len(words) >= 2 and last in _TERM_NOUNS and words[-2] in ("the", "a"):
        return "label"
    # what it calls / what Beijing has called U.S.-led / what India calls the remaining
    for w in range(len(words) - 1, max(-1, len(words) - 8), -1):
        if words[w] == "what" and w + 2 < len(words) + 1:
            rest = words[w + 1:w + 4]
            if any(r in _CALL_VERBS for r in rest[1:]) and rest[0] not in ("he", "she", "i", "we"):
                return "label"
            break
    if last in _WORKS and len(words) >= 2 and (
        words[-2] in _DETERMINERS or words[-2].endswith(("'s", "'"))
    ):
        return "work"
    if tail.endswith("'s") and tail[-3:-2].isalpha():
        raw = _TAIL_WORDS.findall(tail[-40:])
        if raw and raw[-1][:1].isupper():
            return "possessive"
    return None


# Stances taken toward a named cause: `oppose "Taiwan independence"`.
_STANCE = frozenset(
    "support supports supported supporting oppose opposes opposed opposing against reject "
    "rejects rejected rejecting resist resists combat combats curb curbs any no".split()
)


def _cause_term(span: str, before: str) -> bool:
    """A place-led term held at a distance as the object of a stance verb.

    Readouts put political causes in marks ("Taiwan independence", "Tibet
    independence", "Kosovo separatism"): a place name and one or two lower-case
    words, right after support/oppose/against. Nobody is quoted.
    """
    words = span.strip().rstrip(",.").split()
    place = 0  # "Taiwan", "Hong Kong": one or two capitalised words lead
    while place < min(2, len(words)) and words[place][:1].isupper():
        place += 1
    rest = words[place:]
    if not place or not 1 <= len(rest) <= 2:
        return False
    if not all(w.isalpha() and w.islower() for w in rest):
        return False
    tail = _TAIL_WORDS.findall(before.lower()[-30:])
    return bool(tail) and tail[-1] in _STANCE


def is_label(norm: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Is the quoted span norm[start:end] a title, name or label rather than speech?"""
    span = norm[start:end]
    if _SOURCE_NAME.fullmatch(span.strip().rstrip(".,;:")):
        return True  # citing a "senior administration official": who spoke, not what
    open_mark = start - 1
    before = norm[max(lo, open_mark - 60):open_mark]
    after = norm[end + 1:min(hi, end + 40)]
    title = _title_like(span)
    clue = _label_clue(before)
    if clue == "possessive":
        # Taylor Swift's "Midnights" is a work; China's "red lines" are words.
        return title
    if clue == "label" or _cause_term(span, before):
        return True
    if clue == "work":
        # "the album 'X'": a work, unless the span is a whole sentence.
        return title or len(span.split()) <= 4 and span.rstrip()[-1:] not in ".,!?"
    am = _AFTER.match(after)
    if am is not None and am[1].lower() in _AFTER_NOUNS and (title or len(span.split()) <= 3):
        return True
    if title and not _SPEECH_AFTER.match(after):
        # A bare Capitalised name with no one saying it.
        return not re.search(r"\b(?:said|says|told|called|urged|warned)\s*,?\s*$", before)
    return False
