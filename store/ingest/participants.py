"""Who took part in the meeting: people named in sentences about the meeting itself,
not analysts, people of another time, or those a meeting is only planned with."""

from __future__ import annotations

import re

from store.ingest.countries import country_of, country_of_capital
from store.ingest.cueprefix import lead_guarded
from store.ingest.resolver import in_quotes, sentence_bounds
from store.ingest.types import ActorTable, Para
from store.ingest.wordtrie import trie_pattern

_FORMER = re.compile(r"(?i:former|late|then)\s+[^,.;]{0,40}$")

# A meeting: who took part is named around one of these words.
_MEETING_WORDS = (
    "met meet meets meeting talks hosted hosts host sat down called call spoke with spoke by "
    "visit visited visiting visits summit greeted received discussion discussions counterpart "
    "counterparts held hold holds negotiate negotiated negotiates negotiating negotiation "
    "negotiations negotiator negotiators conversation seeing saw spent talked dinner lunch "
    "banquet welcomed shook hands trip travel travels traveled travelled traveling travelling "
    "arrived landed"
)

_MEETING_PAIRS = ("sat down", "spoke with", "spoke by", "shook hands")

# A trie scans fast (no leading \b: matches inside a word are dropped where used).
_MEETING_CUE = re.compile(
    "(?:" + trie_pattern(list(_MEETING_PAIRS) + [
        w for w in _MEETING_WORDS.split()
        if w not in ("sat", "down", "spoke", "with", "by", "shook", "hands")]) + r")\b"
)

_BACKGROUND_CUE = re.compile(lead_guarded(
    r"\b(?:who|last|previously|first|when|since|had)\s+(?:met|visited)\b"))

_OTHER_TIME = re.compile(lead_guarded(r"\b(?:when|since|until|before)\b"))

# "a commitment Biden and Xi made at their meeting in November": an earlier one.
_PAST_MEETING = re.compile(
    lead_guarded(r"\b(?:made|reached|struck|agreed|announced)\s+(?:at|during)\s+(?:their|the|a)\s+"
    r"(?:\w+\s+)?$|\b(?:their|the)\s+(?:last|previous|earlier|first)\s+$"
    # "called for a tougher line after the talks": a comment on the meeting.
    r"|\b(?:after|following)\s+(?:the|their|this)\s+(?:\w+\s+)?$"
    # "called the meeting 'a wasted chance'": the meeting is what they talk about.
    r"|\b(?:called|described|hailed|praised|critici[sz]ed|dismissed|condemned)\s+"
    r"(?:the|their|this)\s+(?:\w+\s+)?$"))

# "called the summit "a great start"", "called for calm": naming, not a phone call.
_CALLED_SPEECH = re.compile(r"\s+(?:for|on|it|them|him|her|[^.;\"]{0,40}\")")

_OTHER_EVENT = re.compile(r"\s*(?:Later|Separately|Earlier|Afterwards?|Next)\b")

# A meeting still to come: "Blinken will visit China next year", "plans to meet".
_FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|to|plans?\s+to|due\s+to|expected\s+to)\s+(?:\w+\s+)?$")

# "went to Warsaw on Wednesday to meet Tusk": a purpose after a trip made, not a plan.
_TRIP_MADE = re.compile(
    r"\b(?:went|travell?ed|flew|came|arrived|headed|journeyed|was\s+in|were\s+in)\b"
    r"[^.;\"]{0,60}\bto\s+$")

# Described by the words after the name as someone outside the talks:
# "Ashok Rao, a former adviser ...", "Jane Doe, an analyst at ...".
_OUTSIDER_AFTER = re.compile(
    r",\s*(?:a|an|the)\s+(?:former|retired|ex-|onetime|longtime\s+)?"
    r"(?:former|retired|analyst|professor|scholar|expert|fellow|researcher|economist|"
    r"commentator|lecturer|historian|critic)\b")



def find_participants(text: str, paras: list[Para], table: ActorTable) -> list[int]:
    """People named in sentences about the meeting itself, in order of first mention."""
    out: list[int] = []
    mentions = table.mentions
    mi = 0
    for p in paras:
        for s in sentence_bounds(p):
            sent = text[s[0]:s[1]]
            cues = [m for m in _MEETING_CUE.finditer(sent)
                    if (m.start() == 0 or not sent[m.start() - 1].isalnum())
                    and not (m.group(0) in ("called", "call") and _CALLED_SPEECH.match(
                        sent, m.end()))]
            if not cues:
                continue
            # "Later Friday, the two joined Biden for a three-way summit": another event.
            if _OTHER_EVENT.match(sent):
                continue
            background = all(_BACKGROUND_CUE.search(sent, max(0, c.start() - 15), c.end() + 1)
                             or (_FUTURE_CUE.search(sent, max(0, c.start() - 25), c.start())
                                 and not _TRIP_MADE.search(sent, max(0, c.start() - 90),
                                                           c.start()))
                             or _PAST_MEETING.search(sent, max(0, c.start() - 40), c.start())
                             for c in cues)
            # "Xi, who last met President Joe Biden in Bali": the object of a
            # background meeting is not at this one.
            shadows = [(s[0] + b.start(), s[0] + b.end() + 45)
                       for b in _BACKGROUND_CUE.finditer(sent)]
            # "... since November 2022, when Austin met Wei Fenghe": a subordinate
            # clause about another time names people who were not at this meeting.
            first_cue = cues[0].start()
            # A clause opening mid-sentence ("progress since the summit between Biden
            # and Xi") is about another time too, even before the first cue.
            shadows += [(s[0] + b.start(), s[1]) for b in _OTHER_TIME.finditer(sent)
                        if b.start() > first_cue or b.start() > 20]
            while mi < len(mentions) and mentions[mi].start < s[0]:
                mi += 1
            k = mi
            while k < len(mentions) and mentions[k].start < s[1]:
                m = mentions[k]
                k += 1
                actor = table.actors[m.actor]
                if actor.kind != "person" or m.actor in out or background:
                    continue
                if in_quotes(text, s[0], m.start):
                    continue
                if any(a <= m.start < b for a, b in shadows):
                    continue
                role = actor.role.lower()
                if "spokes" in role or _OUTSIDER_AFTER.match(text, m.end):
                    continue
                if _FORMER.search(text, max(s[0], m.start - 30), m.start):
                    continue
                if "spokes" in text[max(s[0], m.start - 45):m.start].lower():
                    continue  # "ministry spokesperson, Senior Colonel Wu Qian"
                out.append(m.actor)
    return out


def guest_by_place(table: ActorTable, place: str | None) -> int | None:
    """The guest when the text never says who visits: the one participant whose country is
    not that of the city of the meeting ("talks in Beijing": not the Chinese side). Only
    with someone of the host country at the table, and one other country beside it."""
    if not place:
        return None
    parts = [p.strip() for p in place.split(",")]
    host = (country_of(parts[-1]) if len(parts) > 1 else None) or country_of_capital(parts[0])
    if host is None:
        return None
    people = [i for i in table.participants
              if table.actors[i].kind == "person" and table.actors[i].country]
    guests = [i for i in people if table.actors[i].country != host]
    if len(guests) == len(people) or len({table.actors[i].country for i in guests}) != 1:
        return None
    return guests[0]


_HEAD_ROLE = re.compile(r"(?i)\b(?:president|prime\s+minister|premier|chancellor|leader|king|"
                        r"emir|sultan|taoiseach|foreign\s+minister|secretary\s+of\s+state)\b")


def fill_open_side(table: ActorTable, pair: list[str]) -> list[int]:
    """A participant the article never gives a country ("Prime Minister Narendra Modi" in a
    home outlet, "Mr Kovacs said") leads the side of the pair that nobody else at the table
    holds: the actors whose country this sets. Only when one side is open and one person
    can take it: the one participant without a country, or the first of them who heads a
    government or its diplomacy (an aide or a guest of honour named after stays unknown)."""
    if len(pair) != 2:
        return []
    people = [i for i in table.participants if table.actors[i].kind == "person"
              and not table.actors[i].role.lower().startswith("former")]
    held = {table.actors[i].country for i in people if table.actors[i].country}
    open_sides = [c for c in pair if c not in held]
    missing = [i for i in people if table.actors[i].country is None]
    if len(open_sides) != 1 or len(open_sides) == len(pair) or not missing:
        return []
    if len(missing) > 1:
        heads = [i for i in missing if _HEAD_ROLE.search(table.actors[i].role)]
        if not heads:
            return []
        missing = heads[:1]
    table.actors[missing[0]].country = open_sides[0]
    return missing
