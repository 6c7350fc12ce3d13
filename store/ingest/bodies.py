"""Speakers that are not named people: ministries, governments, media, officials.

"China's Foreign Ministry", "the State Department", "Xinhua", "a senior U.S.
official", "both sides", and a country or capital used as the subject of a
speech verb ("China says", "Beijing said") each map to one canonical speaker
name (see tests/expected/README.md for the spellings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest.countries import (
    CAPITAL_PATTERN,
    NATIONALITY_PATTERN,
    country_of,
    country_of_capital,
    demonym,
)

_NAT = NATIONALITY_PATTERN


@dataclass(frozen=True, slots=True)
class BodyHit:
    start: int
    end: int
    name: str  # canonical speaker name; "" means "the last body of this key"
    country: str | None
    key: str = ""  # "ministry", "department": what "the ministry" later refers to


_VERBS = (
    r"(?:said|says|say|warned|warns|urged|urges|insisted|insists|told|tells|accused|accuses|"
    r"called|calls|described|describes|stressed|stresses|added|noted|maintains|maintained|"
    r"argued|argues|responded|replied|countered|reiterated|declared|vowed|pledged|claimed|"
    r"claims|considers|sees|views|regards|wants|demanded|demands)"
)
_AUX = r"(?:(?:has|have|had|also|repeatedly|long|previously|consistently|always|often|would|" \
    r"will|has\s+long|on\s+\w+day)\s+)*"

_MINISTRY = re.compile(
    rf"(?:(?P<nat>{_NAT})\s+)?(?P<kind>(?i:foreign|defen[cs]e|commerce|external\s+affairs|"
    r"state\s+security|public\s+security)\s+ministry"
    r"|(?i:ministry)\s+of\s+(?P<of>(?i:foreign\s+affairs|(?:national\s+)?defen[cs]e|commerce|"
    r"external\s+affairs|state\s+security|public\s+security)))(?![\w])"
)
_KIND_NAMES = {
    "foreign": "Foreign Ministry",
    "foreign affairs": "Foreign Ministry",
    "defense": "Defense Ministry",
    "defence": "Defense Ministry",
    "national defense": "Defense Ministry",
    "national defence": "Defense Ministry",
    "commerce": "Commerce Ministry",
    "state security": "State Security Ministry",
    "public security": "Public Security Ministry",
}
_FIXED: tuple[tuple[re.Pattern[str], str, str | None, str], ...] = (
    (re.compile(r"(?:(?:the\s+)?U\.?S\.?\s+)?State\s+Department|(?:U\.S\.\s+)?Department\s+of\s+State"),
     "U.S. State Department", "United States", "department"),
    (re.compile(r"Pentagon"), "Pentagon", "United States", "pentagon"),
    (re.compile(r"White\s+House"), "White House", "United States", "whitehouse"),
    (re.compile(r"Kremlin"), "Kremlin", "Russia", "kremlin"),
    (re.compile(r"(?:India's\s+|Indian\s+)?(?:External\s+Affairs\s+Ministry|"
                r"[Mm]inistry\s+of\s+[Ee]xternal\s+[Aa]ffairs|external\s+affairs\s+ministry)"
                r"|\bMEA\b"),
     "Indian External Affairs Ministry", "India", "ministry"),
    (re.compile(r"(?:(?:[Cc]hinese|China's)\s+)?(?:[Ss]tate|[Oo]fficial)\s+(?:media|broadcaster|"
                r"news\s+agency|television|TV)(?:\s+(?:CCTV|CGTN|Xinhua))?"
                r"|(?:the\s+official\s+)?Xinhua(?:\s+[Nn]ews\s+[Aa]gency)?|CCTV|CGTN|"
                r"People's\s+Daily|Global\s+Times"),
     "Chinese state media", "China", "media"),
    (re.compile(r"[Bb]oth\s+sides|[Tt]he\s+two\s+sides|[Bb]oth\s+countries|"
                r"[Tt]he\s+two\s+countries|[Bb]oth\s+governments|[Tt]he\s+two\s+governments|"
                r"(?:[Aa]|[Tt]he)\s+joint\s+statement"),
     "both sides", None, "sides"),
)
# "the ministry", "the department" after the body was named.
_BACK_REF = re.compile(
    r"\b[Tt]he\s+(?:(?:senior|same|U\.S\.|American|Chinese|administration)\s+){0,2}"
    r"(?P<key>ministry|department|official)\b(?!\s+of\b)"
)
# "the Chinese side said": the country speaks.
_SIDE = re.compile(rf"\b[Tt]he\s+(?P<nat>{_NAT})\s+side\b")
# An anonymous official: "a senior U.S. official", "a senior State Department official".
_ANON = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal)\s+"
    r"(?P<phrase>(?:(?:senior|top|high-ranking|unnamed|anonymous|administration|Biden\s+"
    r"administration|U\.S\.|US|American|Chinese|Indian|Japanese|Russian|Philippine|Taiwanese|"
    r"State\s+Department|Pentagon|White\s+House|defen[cs]e|foreign\s+ministry|government|"
    r"Western|European|military|intelligence|Treasury|Commerce\s+Department|congressional)\s+)"
    r"{1,4}(?:officials?|diplomats?|sources?|aides?))\b"
)
_ANON_BARE = re.compile(
    r"(?<![\w.])(?P<phrase>(?:(?:[Ss]enior|U\.S\.|American|Chinese|Indian|Japanese|Russian|"
    r"Philippine|administration|Administration|State\s+Department|Pentagon|White\s+House)\s+)"
    r"{1,3}officials)\b"
)
# A country (as a noun) or a capital as the subject of a speech verb.
_COUNTRY_SPEAKER = re.compile(
    rf"(?<![\w.])(?:[Tt]he\s+)?(?P<form>{_NAT}|{CAPITAL_PATTERN})"
    rf"\s+{_AUX}{_VERBS}\b"
)


def _anon_country(phrase: str) -> str | None:
    for word in re.findall(r"U\.S\.|[A-Z][a-z]+", phrase):
        c = country_of(word)
        if c:
            return c
    if re.search(r"State Department|Pentagon|White House|administration|Treasury|congressional",
                 phrase):
        return "United States"
    return None


def _ministry_hit(m: re.Match[str], default_country: str | None) -> BodyHit:
    kind = " ".join((m["of"] or m["kind"].rsplit(" ", 1)[0]).lower().split())
    if "external affairs" in kind:
        return BodyHit(m.start(), m.end(), "Indian External Affairs Ministry", "India", "ministry")
    country = country_of(m["nat"]) if m["nat"] else default_country
    base = _KIND_NAMES.get(kind, kind.title() + " Ministry")
    name = f"{demonym(country)} {base}" if country else base
    return BodyHit(m.start(), m.end(), name, country, "ministry")


def _is_noun_form(form: str) -> bool:
    """'China', 'U.S.', 'Beijing' can say things; 'Chinese' cannot."""
    word = form[:-2] if form.endswith("'s") else form
    if form.endswith("'s"):
        return False  # "China's ... said": the possessed noun speaks, not the country
    if country_of_capital(word):
        return True
    if word in {"U.S.", "US", "USA", "U.S.A.", "America", "Britain", "UK", "U.K.", "PRC", "DPRK",
                "ROK", "UAE"}:
        return True
    return country_of(word) == word


def find_bodies(
    text: str, start: int, end: int, default_country: str | None = None
) -> list[BodyHit]:
    """Every body, anonymous official and country-as-speaker in text[start:end]."""
    hits: list[BodyHit] = []
    for m in _ANON.finditer(text, start, end):
        phrase = " ".join(m["phrase"].split())
        hits.append(BodyHit(m.start(), m.end(), phrase, _anon_country(phrase), "official"))
    for m in _ANON_BARE.finditer(text, start, end):
        phrase = " ".join(m["phrase"].split())
        hits.append(BodyHit(m.start(), m.end(), phrase, _anon_country(phrase)))
    for m in _MINISTRY.finditer(text, start, end):
        hits.append(_ministry_hit(m, default_country))
    for pattern, name, country, key in _FIXED:
        for m in pattern.finditer(text, start, end):
            hits.append(BodyHit(m.start(), m.end(), name, country, key))
    for m in _BACK_REF.finditer(text, start, end):
        hits.append(BodyHit(m.start(), m.end(), "", None, m["key"]))
    for m in _SIDE.finditer(text, start, end):
        side = country_of(m["nat"])
        if side:
            hits.append(BodyHit(m.start(), m.end(), side, side))
    for m in _COUNTRY_SPEAKER.finditer(text, start, end):
        form = m["form"]
        if not _is_noun_form(form):
            continue
        country = country_of_capital(form) or country_of(form)
        if country:
            s = m.start("form")
            hits.append(BodyHit(s, s + len(form), country, country))
    return hits
