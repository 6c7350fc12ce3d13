"""Sentence boundaries that know abbreviations, initials and quotations."""

from __future__ import annotations

import re

from store.ingest.types import Sentence

# Words that end in a period without ending the sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj sgt capt cmdr adm gov sen rep rev prof st jr sr fr "
    "pres amb hon supt insp det cpl pvt brig "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "inc corp co ltd bros dept univ assn approx est fig vol pp ft mt ave blvd rd "
    "vs v cf al e.g i.e".split()
)
# After an acronym like "U.S." a new sentence starts only with one of these words.
_STARTERS = frozenset(
    "The He She It They We I But And In On At A An This That There These Those His Her "
    "Their Its Our As After Before While When However Still Meanwhile Both Neither Asked "
    "Earlier Later Yet So If Since Although Though Some Many Most Other Others Such Under "
    "According Speaking".split()
)
_CANDIDATE = re.compile(
    # (both forms start at a stop: the lookahead skips every other position before the
    # look-behinds are tried)
    r"(?=[.!?])(?:"
    r"(?<![.!?])[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])"
    # Glued by a bad copy, no space after the stop: "(April 5).Three", 'airport."We hope'.
    r"|(?<=[a-z0-9)])[.!?][\"']?(?=[A-Z][a-z]))"
)
_WORD_BEFORE = re.compile(r"([\w.'-]{1,20})\.[\"')\]]*$")
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){1,4}[A-Za-z]$")
_LIST_MARKER = re.compile(r"\d{1,2}[.)]\s+")
_NEXT_WORD = re.compile(r"\s+[\"'(\[]?([A-Za-z]+)")


def _is_boundary(text: str, end: int, mark_start: int) -> bool:
    """Does the `.`/`!`/`?` run at `mark_start` (ending at `end`) close a sentence?"""
    mark = text[mark_start:end].rstrip("\"')]")
    if mark.startswith(("!", "?")) or len(mark) > 1 and not mark.startswith(".."):
        return True
    if mark.startswith(".."):
        return False  # an ellipsis marks words left out, mostly inside a quotation
    m = _WORD_BEFORE.search(text, max(0, mark_start - 21), mark_start + 1)
    if not m:
        return True
    word = m[1].lstrip("'-(")
    low = word.lower()
    if low in ABBREVIATIONS:
        return False
    if word == "No" or word == "Nos":
        nxt = text[end:end + 3].lstrip()
        return not nxt[:1].isdigit()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Antony J. Blinken"
    if "." in word and _ACRONYM.match(word):
        # "U.S." / "p.m." end a sentence only before a word that typically starts one.
        nm = _NEXT_WORD.match(text, end)
        return bool(nm and nm[1] in _STARTERS)
    return True


def split_sentences(text: str, start: int, end: int) -> tuple[Sentence, ...]:
    """Sentences of text[start:end], never breaking inside a closed quotation."""
    out: list[Sentence] = []
    s = start
    # Skip leading whitespace of the span.
    while s < end and text[s].isspace():
        s += 1
    # A list marker ("2. ") opening the paragraph is not a sentence of its own.
    lead = _LIST_MARKER.match(text, s, end)
    skip_to = lead.end() if lead else s
    total_quotes = text.count('"', start, end)
    quotes_before = 0
    counted_to = start
    for m in _CANDIDATE.finditer(text, start, end):
        b = m.end()
        if m.start() < skip_to:
            continue
        if b < end and not text[b].isspace() and text[b - 1] in "\"'":
            # A glued mark after the stop: it closes an open quotation, or it opens the
            # next sentence ('as planned."We hope' with no quotation open before it).
            if (quotes_before + text.count('"', counted_to, b - 1)) % 2 == 0:
                b -= 1
        quotes_before += text.count('"', counted_to, b)
        counted_to = b
        inside = quotes_before % 2 == 1 and total_quotes - quotes_before > 0
        if inside or not _is_boundary(text, b, m.start()):
            continue
        if b > s:
            out.append(Sentence(s, b))
        s = b
        while s < end and text[s].isspace():
            s += 1
    e = end
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Sentence(s, e))
    return tuple(out)
