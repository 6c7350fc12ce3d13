"""The pair of countries whose officials meet, and the words it was read from.

The pair is the two sides at the table: not a country they talk about (Ukraine in US–Russia
talks) and not the host or broker of talks between two others (Saudi Arabia hosting US–Russia
talks, China brokering Saudi–Iran talks, EU facilitators of Serbia–Kosovo talks). Read in
this order, each step filling what the one before left open:
1. the participants' countries, minus brokers when two other sides took part;
2. a phrase that names both sides ("talks between A and B", "A-B summit", "his B counterpart");
3. the countries the text names most, brokers last (a guess: `certain` is False).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from store.ingest.countries import NATIONALITY_PATTERN, count_countries, country_of
from store.ingest.cueprefix import lead_guarded
from store.ingest.officials import BY_NAME, role_country
from store.ingest.types import ActorTable

_NAT = NATIONALITY_PATTERN
# A country that brokers or facilitates talks between two others. Not "hosted by" or "in the
# Chinese capital": a host is often one of the two sides.
# Compiled on first use (only text with a broker cue needs it): ~50 ms, not paid by every
# `bilat` start.
@cache
def _host() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<a>{_NAT})[- ](?:brokered|mediated|facilitated|sponsored)\b"
        rf"|\b(?:brokered|mediated|facilitated)\s+by\s+(?:the\s+)?(?P<b>{_NAT})"
        rf"|\b(?P<c>{_NAT})\s+(?:facilitators?|mediators?|mediation)\b"
        rf"|\b(?:with|under|through)\s+(?:the\s+)?(?P<d>{_NAT})\s+(?:mediation|auspices)"
    )


_HOST_GROUPS = ("a", "b", "c", "d")
# Phrases that name both sides of the meeting at once.
_BOTH = re.compile(lead_guarded(
    rf"\b(?:talks|meeting|summit|negotiations|dialogue|call|consultations)\s+between\s+"
    rf"(?:the\s+)?(?P<a1>{_NAT})(?:\s+\w+){{0,3}}?\s+and\s+(?:the\s+)?(?P<b1>{_NAT})"
    # "US-China talks", not "EU-UK negotiations" or "Israeli-Palestinian relations": those
    # are what two other sides discuss.
    rf"|\b(?P<a2>{_NAT})[-\u2013/](?P<b2>{_NAT})\s+(?:talks|summit|meeting|call)\b"
    # "A's minister met his B counterpart", and "A's defence chief X and his B counterpart Y"
    rf"|\b(?P<a3>{_NAT})\s+(?:[\w.'-]+\s+){{1,6}}?(?:(?:met|meets|held talks with|spoke with"
    rf"|received|hosted)\s+(?:with\s+)?|and\s+)(?:his|her|their)\s+(?P<b3>{_NAT})"
    r"\s+counterparts?\b"
    # "Hungarian and Nigerian officials held talks", "the foreign ministers of A and B met".
    rf"|\b(?P<a4>{_NAT})\s+and\s+(?P<b4>{_NAT})\s+(?:\w+\s+)?(?:officials|leaders|ministers"
    r"|delegations|diplomats|negotiators|presidents|envoys)\s+(?:met|meet|held|hold|holding"
    r"|sat|talked|agreed)\b"
    # "the ministers of A and B met", "the Directors General (DGMOs) of A and B have agreed"
    rf"|\bof\s+(?:the\s+)?(?P<a5>{_NAT})\s+and\s+(?:the\s+)?(?P<b5>{_NAT})\s+"
    r"(?:(?:have|has|had)\s+)?(?:met|meet|held|hold|holding|sat|talked|agreed)\b"
    # "A's Prime Minister X Y met B's President Z": each side's title and name, capitalised,
    # between its nationality and the verb.
    rf"|\b(?P<a7>{_NAT})(?:\s+[A-Z][\w.'-]*){{1,6}}\s+(?:met|meets|held\s+talks\s+with"
    rf"|hosted|received|welcomed)\s+(?:with\s+)?(?:visiting\s+)?(?P<b7>{_NAT})\s"
    # (not a host's two guests: "A's emir received B's X and C's Y", read below)
    rf"(?!(?:[\w.'-]+\s+){{1,6}}?and\s+(?:the\s+|his\s+|her\s+)?{_NAT}\s)"
    # A host and its two guests: "the emir hosted A's minister X and B's minister Y".
    rf"|\b(?:hosted|received|welcomed)\s+(?:the\s+)?(?P<a6>{_NAT})(?:\s+[\w.'-]+){{1,6}}?"
    rf"\s+and\s+(?:the\s+|his\s+|her\s+)?(?P<b6>{_NAT})\s"
    # The two leaders as the subject: "A's President X Y and B's President Z discussed",
    # each side's nationality, then capitalised title and name only, on one line (not a
    # headline's last word run into the lede), and not the last two of a list of three.
    rf"|(?<![,;] )\b(?P<a8>{_NAT})(?:[ \t]+[A-Z][\w.'-]*){{1,6}}[ \t]+and[ \t]+(?P<b8>{_NAT})"
    rf"(?:[ \t]+[A-Z][\w.'-]*){{1,6}}[ \t]+(?:met|discussed|held\s+talks|talked|agreed|signed)\b"
    # Each side's country after its leader's name: "Presidents X of A and Y of B held a
    # meeting", "President X of A has held talks with B's emir".
    rf"|\bof\s+(?P<a9>{_NAT})\s+and\s+(?:[A-Z][\w.'-]*\s+){{1,6}}of\s+(?P<b9>{_NAT})\s+"
    r"(?:(?:have|had)\s+)?(?:met|held|hold|meet|talked)\b"
    rf"|\bof\s+(?P<a10>{_NAT})\s+(?:(?:has|had)\s+)?(?:met|held\s+talks\s+with|hosted|received)"
    rf"\s+(?:with\s+)?(?:the\s+)?(?P<b10>{_NAT})\b"
))  # (guarded: several times faster)
# Each alternative of _BOTH names its two sides aN and bN: read from the pattern, so a new
# alternative cannot be left out of this list.
_BOTH_PAIRS = tuple((name, "b" + name[1:]) for name in _BOTH.groupindex
                    if name.startswith("a") and name[1:].isdigit())
# The two sides as the subject of a sentence's meeting verb: "A and B agreed Thursday to a
# ceasefire plan", "A and B have held talks". Tried only where a sentence starts (in the
# alternation above it was tried at every character, doubling its cost).
_SUBJECTS = re.compile(
    rf"(?P<a>{_NAT})\s+and\s+(?P<b>{_NAT})\s+"
    r"(?:(?:have|has|had)\s+)?(?:met|held talks|agreed|signed|concluded)\b")
_SENTENCE_START = re.compile(r"(?:\. |\n)(?=[A-Z])")
# A side's official named as the host of talks between two others: "with Saudi Foreign
# Minister Faisal Omar hosting", "hosted by Saudi Arabia's crown prince".
_HOSTING = re.compile(
    lead_guarded(rf"\b(?P<a>{_NAT})\b(?:\s+[\w.'-]+){{0,5}}\s+(?:hosting|as\s+hosts?)\b"
    rf"|\bhosted\s+by\s+(?:the\s+)?(?P<b>{_NAT})"))
_LEDE_CHARS = 1500  # both sides are named in the lede when a phrase names them


@dataclass(frozen=True, slots=True)
class PairReading:
    """The pair (sorted), the words it was read from, and whether it is more than a guess."""

    pair: list[str]
    source: str | None
    certain: bool
    # Participants whose country was only what their title implies, in a text that never
    # names it: their side is open again (the pipeline lets the pair fill it).
    set_aside: tuple[int, ...] = ()


_HOST_CUE = re.compile(lead_guarded(r"brokered|mediated|facilitated|sponsored|facilitator|mediator|"
                       r"mediation|auspices"), re.I)


def hosts_in(text: str) -> set[str]:
    """Countries the text names as broker or facilitator of the talks."""
    found: set[str] = set()
    # The cue words are rare: find them first, then read the few words around each
    # (the country alternation tried at every position of the text is slow).
    for cue in _HOST_CUE.finditer(text):
        lo, hi = max(0, cue.start() - 60), min(len(text), cue.end() + 60)
        for m in _host().finditer(text, lo, hi):
            form = next(m[g] for g in _HOST_GROUPS if m[g])
            country = country_of(form)
            if country:
                found.add(country)
    return found


def _both_sides(text: str) -> tuple[list[str], str] | None:
    """The first phrase of the lede that names both sides, and the two countries."""
    hi = min(len(text), _LEDE_CHARS)
    found: tuple[int, list[str], str] | None = None
    pos = 0
    while (m := _BOTH.search(text, pos, hi)) is not None:
        a, b = next((m[x], m[y]) for x, y in _BOTH_PAIRS if m[x])
        ca, cb = country_of(a), country_of(b)
        if ca and cb and ca != cb:
            found = (m.start(), [ca, cb], " ".join(m[0].split()))
            break
        # A match that names one country twice ("...in Russia\n\nChinese President X met
        # his Russian counterpart", the headline's last word taken as the subject) may hide
        # the true phrase inside it: search again from the next character, not past it.
        pos = m.start() + 1
    starts = [0] + [s.end() for s in _SENTENCE_START.finditer(text, 0, hi)]
    for pos in starts:
        if found is not None and pos >= found[0]:
            break
        sm = _SUBJECTS.match(text, pos, hi)
        if sm is None:
            continue
        ca, cb = country_of(sm["a"]), country_of(sm["b"])
        if ca and cb and ca != cb:
            found = (pos, [ca, cb], " ".join(sm[0].split()))
            break
    return (found[1], found[2]) if found else None


_NAME_TOKEN = re.compile(r"[A-Z][\w'-]{2,}")


def _named_in(lead: str, name: str) -> bool:
    """Does `lead` name this person (full name, or one capitalised word of it)?"""
    if not lead:
        return False
    return any(re.search(rf"\b{re.escape(w)}\b", lead) for w in _NAME_TOKEN.findall(name))


def _named_up_front(table: ActorTable, title: str, lede: str) -> set[str]:
    """The countries whose participants the headline and the lede name, when these say
    who met: two countries named there are the sides; one named in the headline is one
    side. A lede that names one person ("X arrived for the summit") says nothing more."""
    named = {c: _named_in(title, a.name) for i in table.participants
             if (c := (a := table.actors[i]).country)
             and (_named_in(title, a.name) or _named_in(lede, a.name))}
    if len(named) == 2:
        return set(named)
    in_title = {c for c, t in named.items() if t}
    return in_title if len(in_title) == 1 and len(named) == 1 else set()


def read_pair(table: ActorTable, text: str, hint: list[str] | None,
              quoted: Sequence[str | None] = (), title: str = "",
              lede: str = "") -> PairReading:
    """The two countries of the meeting; the user's hint wins when given. `quoted` holds
    the country of each quote's speaker: with three countries at the table, the two whose
    people speak are the sides. But first those whose people the headline (`title`) and the
    story's first sentence (`lede`) name: a leader the story mentions further down ("he
    briefed Y on his call with Z") is background, however often he is quoted."""
    if hint:
        return PairReading(sorted(h.strip() for h in hint if h.strip()), "given by the user", True)
    hosts = hosts_in(text)
    counts = count_countries(text)
    set_aside = tuple(i for i in table.participants if (c := table.actors[i].country)
                      and _only_by_title(table.actors[i].name, c, table.actors[i].role, counts))
    reading = _read_pair(table, text, hosts, counts, set_aside, quoted, title, lede)
    return dataclasses.replace(reading, set_aside=set_aside)


def _read_pair(table: ActorTable, text: str, hosts: set[str], counts: Counter[str],
               set_aside: tuple[int, ...], quoted: Sequence[str | None], title: str,
               lede: str) -> PairReading:
    """The pair read from participants, phrases and counts (see the module docstring)."""
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    who: dict[str, str] = {}
    for n, i in enumerate(table.participants):
        actor = table.actors[i]
        if i in set_aside:
            continue  # "premier Giorgia X" in a story that never names China: no side
        if actor.country:
            votes[actor.country] += 1
            first.setdefault(actor.country, n)
            who.setdefault(actor.country, actor.name)
    # A broker leaves the pair only when two other sides took part to take its place.
    # So does a host named as such ("talks hosted by Qatar's prime minister"): a host is
    # often one of the two sides, but not with two other countries at the table.
    hosting = _hosting(text, table) if len(votes) > 2 else set()
    guests = [c for c in votes if c not in hosts | hosting]
    if len(guests) >= 2:
        for c in hosts | hosting:
            votes.pop(c, None)
    # Participants decide; on a tie the ones the article names first (the lead
    # meeting's), then the text's own mention counts.
    spoke = Counter(c for c in quoted if c)
    ranked = sorted(votes, key=lambda c: (-votes[c], first[c], -counts.get(c, 0), c))
    if len(ranked) > 2:
        front = _named_up_front(table, title, lede)
        ranked.sort(key=lambda c: (c not in front, -votes[c] - spoke[c], first[c], c))
    both = _both_sides(text)
    if len(ranked) > 2 and both is not None and set(both[0]) <= set(ranked):
        # Three countries at the table (a host among them): the phrase that names the two
        # sides ("talks between the United States and Russia") says which.
        return PairReading(sorted(both[0]), _with_hosts(f'"{both[1]}"', hosts, both[0]), True)
    pair = ranked[:2]
    if both is not None and len(pair) == 2 and set(pair) != set(both[0]) \
            and set(pair) - set(both[0]) <= _hosting(text, table):
        # A participant who only hosted, beside a phrase naming the two sides.
        return PairReading(sorted(both[0]), _with_hosts(f'"{both[1]}"', hosts, both[0]), True)
    if both is not None and len(pair) == 2 and len(set(pair) & set(both[0])) == 1:
        # One participant's country is not among the two the lede names as meeting: a
        # host, a mediator or an onlooker ("Anwar received the two defence chiefs").
        return PairReading(sorted(both[0]), _with_hosts(f'"{both[1]}"', hosts, both[0]), True)
    if len(pair) == 2:
        source = "participants: " + ", ".join(f"{who[c]} ({c})" for c in pair)
        return PairReading(sorted(pair), _with_hosts(source, hosts, pair), True)
    if both is not None:  # fewer than two sides among the participants: the phrase decides
        return PairReading(sorted(both[0]), _with_hosts(f'"{both[1]}"', hosts, both[0]), True)
    named = [f"{who[c]} ({c})" for c in pair]
    # A country whose government or leader the text names is a side; one named only as a
    # subject ("sanctions against Russia", "the EU") is what the sides talk about.
    # Taken only when two or more are: one alone is as often a third party's ("the US leader").
    offices = _offices(text)
    if len(offices) < 2:
        offices = set()
    # A mention as what the sides talk about ("the U.S. tariffs" they discussed, "the war in
    # Ukraine") counts against a side, as one as a side counts for it.
    as_side = count_countries(text, sides=True)
    for c, _n in sorted(counts.most_common(), key=lambda cn: (
            cn[0] not in offices, cn[1] - 2 * as_side[cn[0]], -cn[1])):
        if len(pair) >= 2:
            break
        if c not in pair and (c not in hosts or len(set(counts) - hosts) < 2):
            pair.append(c)
            named.append(f"{c} named {counts[c]} times")
    if not pair:
        return PairReading([], None, False)
    return PairReading(sorted(pair), _with_hosts("; ".join(named), hosts, pair), False)


# "the Hungarian government", "the Austrian capital", "Varnia's prime minister".
_OFFICE = re.compile(
    lead_guarded(rf"\b(?P<c>{_NAT})\s+(?:government|prime\s+minister|president|chancellor|premier|"
    r"foreign\s+minister|leader|capital|delegation)\b"), re.I)


def _offices(text: str) -> set[str]:
    """Countries whose government, leader or capital the lede names."""
    found: set[str] = set()
    for m in _OFFICE.finditer(text, 0, min(len(text), _LEDE_CHARS * 2)):
        country = country_of(m["c"])
        if country:
            found.add(country)
    return found


def _only_by_title(name: str, country: str, role: str, counts: Counter[str]) -> bool:
    """Is this country only what a title implies ("premier" is China's office) in a text
    that never names it? Other countries have premiers too. A person the table of
    officials knows keeps the country it gives ("Blinken met ..." names no United States)."""
    official = BY_NAME.get(name)
    if official is not None and official.country == country:
        return False
    return counts.get(country, 0) == 0 and role_country(role) == country


# "hosted by Emir Tamim bin ...": the host named as a person, whose country the table knows.
_HOSTED_BY_NAME = re.compile(r"\bhosted\s+by\s+((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*)")


def _hosting(text: str, table: ActorTable) -> set[str]:
    """Countries whose officials the text names as hosting the talks: by nationality, or
    by the name of a participant whose country is known."""
    found: set[str] = set()
    hi = min(len(text), _LEDE_CHARS)
    for m in _HOSTING.finditer(text, 0, hi):
        country = country_of(m["a"] or m["b"])
        if country:
            found.add(country)
    for m in _HOSTED_BY_NAME.finditer(text, 0, hi):
        found.update(c for i in table.participants if (c := table.actors[i].country)
                     and _named_in(m[1], table.actors[i].name))
    return found


def _with_hosts(source: str, hosts: set[str], pair: list[str]) -> str:
    left_out = sorted(hosts - set(pair))
    return source + (f"; broker left out: {', '.join(left_out)}" if left_out else "")


def infer_dyad(table: ActorTable, text: str, hint: list[str] | None) -> list[str]:
    """The two countries of the meeting, sorted; the hint wins when given."""
    return read_pair(table, text, hint).pair
