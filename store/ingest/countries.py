"""Country names, nationality adjectives and capitals -> one canonical country.

Articles name a country many ways: "U.S.", "American", "Washington" (as a
metonym for its government), "China's", "Chinese", "Beijing". Every stage that
needs a country asks this module, so the canonical spellings live in one place.
Lookups are case-sensitive on purpose: "US" is a country, "us" is a pronoun.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from store.ingest.wordtrie import trie_pattern


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """One country: canonical name, demonym used in body names, every other form."""

    name: str
    demonym: str  # "Chinese" -> "Chinese Foreign Ministry"
    forms: tuple[str, ...]  # names, short names and adjectives
    capitals: tuple[str, ...] = ()  # metonyms for the government


def _load() -> tuple[CountryInfo, ...]:
    """The country table (store/data/countries.tsv): every UN member, the EU and a few
    others, so a title such as "Somali President" gives a country for any pair."""
    raw = resources.files("store").joinpath("data", "countries.tsv").read_text(encoding="utf-8")
    out: list[CountryInfo] = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + ["", ""]
        out.append(CountryInfo(
            cols[0], cols[1], tuple(f for f in cols[2].split(";") if f),
            tuple(c for c in cols[3].split(";") if c)))
    return tuple(out)


_COUNTRIES: tuple[CountryInfo, ...] = _load()

_BY_FORM: dict[str, CountryInfo] = {}
_BY_CAPITAL: dict[str, CountryInfo] = {}
_BY_NAME: dict[str, CountryInfo] = {}
for _c in _COUNTRIES:
    _BY_NAME[_c.name] = _c
    for _f in _c.forms:
        _BY_FORM[_f] = _c
    for _cap in _c.capitals:
        _BY_CAPITAL[_cap] = _c



# A country form, optionally possessive ("China's", "Americans'"); the lookahead
# stops "USA" inside "USAID" and "US" inside "USB".
# A trie, not a plain alternation: with every country of the world, trying each form at each
# position made the scan the slowest step of ingest.
_FORM_PATTERN = trie_pattern(list(_BY_FORM))
CAPITAL_PATTERN = trie_pattern(list(_BY_CAPITAL))
# No lookbehind: a pattern that opens with literals lets the regex engine skip
# ahead fast; `_word_start` rejects matches inside a word afterwards.
COUNTRY_RE = re.compile(rf"(?P<form>{_FORM_PATTERN})(?P<poss>'s?)?(?![\w])")
CAPITAL_RE = re.compile(rf"(?P<form>{CAPITAL_PATTERN})(?P<poss>'s)?(?![\w])")
# Forms usable as an adjective or possessive before a title: "Chinese", "U.S.", "China's".
NATIONALITY_PATTERN = rf"(?:{_FORM_PATTERN})(?:'s)?"


@lru_cache(maxsize=4096)
def country_of(word: str) -> str | None:
    """Canonical country for a name or adjective ("U.S.", "Chinese", "China's"), else None."""
    w = word.strip()
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    info = _BY_FORM.get(w)
    return info.name if info else None


@lru_cache(maxsize=1024)
def country_of_capital(word: str) -> str | None:
    """Canonical country a capital stands for as a metonym ("Beijing" -> "China")."""
    w = word.strip()
    if w.endswith("'s"):
        w = w[:-2]
    info = _BY_CAPITAL.get(w)
    return info.name if info else None


def capital_of(country: str) -> str | None:
    """The capital of a canonical country ("Austria" -> "Vienna"), if we know it."""
    info = _BY_NAME.get(country)
    return info.capitals[0] if info and info.capitals else None


def demonym(country: str) -> str:
    """The adjective used in body names: "China" -> "Chinese", "United States" -> "U.S."."""
    info = _BY_NAME.get(country)
    return info.demonym if info else country


def known_country(name: str) -> bool:
    """Is `name` one of the canonical country names?"""
    return name in _BY_NAME


# A country named as what is talked about, not as a side: "the war in Ukraine", "talks on
# Taiwan", "the Ukraine conflict", "Russia's invasion of Ukraine".
_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?:on|over|about|regarding|concerning|against)|"
    r"\b(?:war|conflict|invasion|fighting|ceasefire|occupation|annexation)\s+"
    r"(?:in|on|of|around|over|for|with))"
    r"\s+(?:the\s+)?$")
# ...and a country named as the owner of a measure the sides discuss: "the U.S. tariffs",
# "American sanctions", "Washington's policy" (a third party's, talked about).
_SUBJECT_AFTER = re.compile(
    r"(?:'s?)?\s+(?:war|conflict|crisis|invasion|issue|question|settlement|peace\s+process|"
    r"ceasefire|front|reconstruction|tariffs?|sanctions|duties|embargo|"
    r"(?:trade\s+|foreign\s+)?polic(?:y|ies))\b")


def count_countries(text: str, *, capitals: bool = True, sides: bool = False) -> Counter[str]:
    """How often each country is named in `text` (forms, and capitals as metonyms).
    `sides`: only where it may be a side, not named as the subject of talk (see above)."""
    counts: Counter[str] = Counter()
    for m in COUNTRY_RE.finditer(text):
        info = _BY_FORM.get(m["form"])
        if info is not None and word_start(text, m.start()):
            # (a possessive is the owner of what follows: "on Poland's border" is no
            # talk about Poland)
            if sides and ((_SUBJECT_BEFORE.search(text, max(0, m.start() - 30), m.start())
                           and "'" not in text[m.end() - 2:m.end() + 1])
                          or _SUBJECT_AFTER.match(text, m.end())):
                continue
            counts[info.name] += 1
    if capitals:
        for m in CAPITAL_RE.finditer(text):
            info = _BY_CAPITAL.get(m["form"])
            if info is not None and word_start(text, m.start()):
                counts[info.name] += 1
    return counts


def word_start(text: str, i: int) -> bool:
    """Does a match at `i` start a word (not "USA" inside "MUSA", not "S." in "U.S.")?"""
    if i == 0:
        return True
    c = text[i - 1]
    return not (c.isalnum() or c in "._")
