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


# The G20 members, the usual parties to US/China meetings and a few others that
# show up in diplomatic copy. Forms are matched as whole words.
_COUNTRIES: tuple[CountryInfo, ...] = (
    CountryInfo("United States", "U.S.",
                ("United States", "United States of America", "U.S.", "US", "U.S.A.", "USA",
                 "America", "American", "Americans"), ("Washington",)),
    CountryInfo("China", "Chinese",
                ("China", "Chinese", "People's Republic of China", "PRC", "mainland China"),
                ("Beijing",)),
    CountryInfo("India", "Indian", ("India", "Indian", "Indians"), ("New Delhi", "Delhi")),
    CountryInfo("Japan", "Japanese", ("Japan", "Japanese"), ("Tokyo",)),
    CountryInfo("Russia", "Russian", ("Russia", "Russian", "Russians", "Russian Federation"),
                ("Moscow", "Kremlin")),
    CountryInfo("Philippines", "Philippine",
                ("Philippines", "Philippine", "Filipino", "Filipinos"), ("Manila",)),
    CountryInfo("Taiwan", "Taiwanese", ("Taiwan", "Taiwanese"), ("Taipei",)),
    CountryInfo("Ukraine", "Ukrainian", ("Ukraine", "Ukrainian", "Ukrainians"), ("Kyiv", "Kiev")),
    CountryInfo("United Kingdom", "British",
                ("United Kingdom", "U.K.", "UK", "Britain", "British", "Great Britain"),
                ("London",)),
    CountryInfo("France", "French", ("France", "French"), ("Paris",)),
    CountryInfo("Germany", "German", ("Germany", "German", "Germans"), ("Berlin",)),
    CountryInfo("Italy", "Italian", ("Italy", "Italian"), ("Rome",)),
    CountryInfo("Canada", "Canadian", ("Canada", "Canadian"), ("Ottawa",)),
    CountryInfo("Australia", "Australian", ("Australia", "Australian"), ("Canberra",)),
    CountryInfo("Brazil", "Brazilian", ("Brazil", "Brazilian"), ("Brasilia",)),
    CountryInfo("Mexico", "Mexican", ("Mexico", "Mexican"), ("Mexico City",)),
    CountryInfo("Argentina", "Argentine", ("Argentina", "Argentine", "Argentinian"),
                ("Buenos Aires",)),
    CountryInfo("South Korea", "South Korean",
                ("South Korea", "South Korean", "Republic of Korea", "ROK"), ("Seoul",)),
    CountryInfo("North Korea", "North Korean",
                ("North Korea", "North Korean", "DPRK"), ("Pyongyang",)),
    CountryInfo("Indonesia", "Indonesian", ("Indonesia", "Indonesian"), ("Jakarta",)),
    CountryInfo("Saudi Arabia", "Saudi", ("Saudi Arabia", "Saudi"), ("Riyadh",)),
    CountryInfo("Turkey", "Turkish", ("Turkey", "Turkish", "Türkiye"), ("Ankara",)),
    CountryInfo("South Africa", "South African", ("South Africa", "South African"),
                ("Pretoria",)),
    CountryInfo("Vietnam", "Vietnamese", ("Vietnam", "Vietnamese", "Viet Nam"), ("Hanoi",)),
    CountryInfo("Pakistan", "Pakistani", ("Pakistan", "Pakistani"), ("Islamabad",)),
    CountryInfo("Iran", "Iranian", ("Iran", "Iranian"), ("Tehran",)),
    CountryInfo("Israel", "Israeli", ("Israel", "Israeli"), ()),
    CountryInfo("Singapore", "Singaporean", ("Singapore", "Singaporean"), ()),
    CountryInfo("Malaysia", "Malaysian", ("Malaysia", "Malaysian"), ("Kuala Lumpur",)),
    CountryInfo("Thailand", "Thai", ("Thailand", "Thai"), ("Bangkok",)),
    CountryInfo("Laos", "Lao", ("Laos", "Lao", "Laotian"), ("Vientiane",)),
    CountryInfo("Peru", "Peruvian", ("Peru", "Peruvian"), ("Lima",)),
    CountryInfo("Egypt", "Egyptian", ("Egypt", "Egyptian"), ("Cairo",)),
    CountryInfo("Spain", "Spanish", ("Spain", "Spanish"), ("Madrid",)),
    CountryInfo("Poland", "Polish", ("Poland", "Polish"), ("Warsaw",)),
    CountryInfo("Netherlands", "Dutch", ("Netherlands", "Dutch"), ("The Hague",)),
    CountryInfo("Bangladesh", "Bangladeshi", ("Bangladesh", "Bangladeshi"), ("Dhaka",)),
    CountryInfo("Nepal", "Nepali", ("Nepal", "Nepali", "Nepalese"), ("Kathmandu",)),
    CountryInfo("Sri Lanka", "Sri Lankan", ("Sri Lanka", "Sri Lankan"), ("Colombo",)),
    CountryInfo("Qatar", "Qatari", ("Qatar", "Qatari"), ("Doha",)),
    CountryInfo("United Arab Emirates", "Emirati", ("United Arab Emirates", "UAE", "Emirati"),
                ("Abu Dhabi",)),
    CountryInfo("Nigeria", "Nigerian", ("Nigeria", "Nigerian"), ("Abuja",)),
    CountryInfo("Kenya", "Kenyan", ("Kenya", "Kenyan"), ("Nairobi",)),
    CountryInfo("New Zealand", "New Zealand", ("New Zealand",), ("Wellington",)),
    CountryInfo("Cambodia", "Cambodian", ("Cambodia", "Cambodian"), ("Phnom Penh",)),
    CountryInfo("Myanmar", "Myanmar", ("Myanmar", "Burma", "Burmese"), ("Naypyitaw",)),
    CountryInfo("Mongolia", "Mongolian", ("Mongolia", "Mongolian"), ("Ulaanbaatar",)),
)



def _world(written: tuple[CountryInfo, ...]) -> tuple[CountryInfo, ...]:
    """The countries of store/data/countries.tsv that are not written out above: every
    pair of countries must read, not only the ones our samples are about."""
    known = {c.name for c in written}
    out: list[CountryInfo] = []
    table = resources.files("store").joinpath("data", "countries.tsv").read_text("utf-8")
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, demonym, forms, capitals = line.split("\t")
        if name in known:
            continue
        all_forms = tuple(dict.fromkeys([name, *filter(None, forms.split("|"))]))
        out.append(CountryInfo(name, demonym, all_forms, tuple(filter(None, capitals.split("|")))))
    return written + tuple(out)


_COUNTRIES = _world(_COUNTRIES)

_BY_FORM: dict[str, CountryInfo] = {}
_BY_CAPITAL: dict[str, CountryInfo] = {}
_BY_NAME: dict[str, CountryInfo] = {}
for _c in _COUNTRIES:
    _BY_NAME[_c.name] = _c
    for _f in _c.forms:
        _BY_FORM[_f] = _c
    for _cap in _c.capitals:
        _BY_CAPITAL[_cap] = _c


def _alternation(words: list[str]) -> str:
    # Longest first so "United States of America" wins over "United States".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# A country form, optionally possessive ("China's", "Americans'"); the lookbehind
# and lookahead stop "USA" inside "USAID" and "US" inside "USB".
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


def demonym(country: str) -> str:
    """The adjective used in body names: "China" -> "Chinese", "United States" -> "U.S."."""
    info = _BY_NAME.get(country)
    return info.demonym if info else country


def known_country(name: str) -> bool:
    """Is `name` one of the canonical country names?"""
    return name in _BY_NAME


def count_countries(text: str, *, capitals: bool = True) -> Counter[str]:
    """How often each country is named in `text` (forms, and capitals as metonyms)."""
    counts: Counter[str] = Counter()
    for m in COUNTRY_RE.finditer(text):
        info = _BY_FORM.get(m["form"])
        if info is not None and word_start(text, m.start()):
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
