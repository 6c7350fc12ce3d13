"""Which keyword hits speak of a topic, and how much.

A keyword found in the text is evidence that a topic was discussed, except where the
words only say who someone is or pass the topic by:

- words naming the meeting's own sides (their countries, capitals and the officials
  who met): at a Russia–Iran summit "Putin" and "Tehran" are not the war in Ukraine or
  the Middle East; nor is the city where the talks were held ("Tehran", "the Iranian
  capital") when it belongs to a third country that only hosted them;
- a nationality or region inside an official's title ("Saudi Foreign Minister",
  "Special Envoy to the Middle East") or a common noun inside an institution's name
  ("Committee for Cooperation in Trade, Economy, Science and Technology");
- a word inside another topic's phrase ("economic ties" is trade, not the relationship);
- the relationship of two other countries ("military ties between North Korea and
  Russia" at a Japan–South Korea meeting);
- and, at a discount (`PASSING`): an item of a long list, what the talks were
  only expected to cover ("the talks would include arms control"), and the tone of the
  meeting ("candid, in-depth and constructive" says how talks on trade went, not that the
  relationship itself was discussed);
- and, at a quarter (`BACKGROUND`): sentences set in an earlier time that say nothing of
  the meeting, and onlookers' commentary ("analysts said").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from store.ingest.countries import country_of, country_of_capital
from store.ingest.cueprefix import lead_guarded
from store.ingest.keywords import Hit, KeywordIndex


@dataclass(frozen=True, slots=True)
class Parties:
    """The two sides of the meeting, as the words that name them."""

    countries: frozenset[str] = frozenset()  # canonical names: "Russia", "Iran"
    names: frozenset[str] = frozenset()  # lower-case: "vladimir putin", "putin", "vladimir"
    place: str = ""  # the city of the talks as found: "Tehran"

    @classmethod
    def of(cls, countries: Iterable[str], people: Iterable[str] = (),
           place: str | None = None) -> Parties:
        """The sides from the pair of countries, the names of the officials who met and
        the city where they met."""
        names: set[str] = set()
        for person in people:
            words = person.lower().split()
            names.add(" ".join(words))
            names.update(w for w in words if len(w) > 2)
        return cls(frozenset(countries), frozenset(names), " ".join((place or "").split()))

    def named_by(self, words: str) -> bool:
        """Do these words (a keyword as found) only name one of the sides, or the city
        where they met?"""
        w = " ".join(words.split())
        if w.lower() in self.names or (self.place and w.lower() == self.place.lower()):
            return True
        country = country_of(w) or country_of_capital(w)
        return country is not None and country in self.countries

    def hosts(self, country: str | None) -> bool:
        """Is this the country whose capital the talks were held in?"""
        return bool(self.place) and country is not None and (
            country_of_capital(self.place) == country)

    def __bool__(self) -> bool:
        return bool(self.countries or self.names)


NO_PARTIES = Parties()


def sides_of(countries: Iterable[str], people: Iterable[str] = (),
             place: str | None = None) -> Parties:
    """The sides of a meeting from its pair of countries, the officials who met and the
    city where they met."""
    return Parties.of(countries, people, place)

# "the Iranian capital" names the city of the talks, as "Tehran" does.
_CAPITAL_AFTER = re.compile(r"\s+capital\b", re.IGNORECASE)

# A nationality before a title names who someone is, not what was discussed: "Saudi
# Foreign Minister", "Iran's foreign minister", "Ukrainian President".
_TITLE_AFTER = re.compile(
    r"(?:'s|\u2019s)?\s+(?:(?:Deputy|Vice|Acting|Prime|Foreign|Defen[cs]e|Interior|Finance"
    r"|Trade|Crown|Chief|Senior|Special|National|State|First|Supreme)\s+)*"
    r"(?:President|Minister|King|Queen|Prince|Emir|Chancellor|Premier|Leader|Secretary|Envoy"
    r"|Ambassador|Counterpart|Delegation|Spokes(?:man|woman|person)|Sultan|Monarch"
    r"|Vice-President)s?\b", re.IGNORECASE)
# ...and so does the region in a title: "Special Envoy to the Middle East".
_TITLE_BEFORE = re.compile(
    lead_guarded(
    r"\b(?:(?:Envoy|Ambassador|Representative|Coordinator|Commissioner|Adviser|Advisor)\s+"
    r"(?:to|for|on)\s+(?:the\s+)?"
    # ...or the desk in brackets after a title: "Joint Secretary (Pakistan, Afghanistan, Iran)".
    r"|(?:Secretary|Director|Head|Chief)\s*\([^()]{0,40})$"), re.IGNORECASE)


# The audience of a statement is not a topic: "Wu told journalists", "asked by reporters".
_AUDIENCE_BEFORE = re.compile(
    lead_guarded(
    r"\b(?:told|tells|telling|tell|briefed|briefing|brief|asked\s+by|said\s+to|speaking\s+to"
    r"|spoke\s+to|questions?\s+from|addressed|addressing)\s+(?:the\s+)?(?:[\w-]+\s+)?$"),
    re.IGNORECASE)
_AUDIENCE = frozenset({"journalists", "reporters", "students", "scholars"})


def names_someone(norm: str, hit: Hit, parties: Parties) -> bool:
    """Does this keyword, where it stands, only say who someone is?"""
    words = norm[hit.start:hit.end]
    if parties and parties.named_by(words):
        return True
    if (words.lower() in _AUDIENCE
            and _AUDIENCE_BEFORE.search(norm, max(0, hit.start - 40), hit.start) is not None):
        return True
    country = country_of(words)
    if country is not None and _TITLE_AFTER.match(norm, hit.end, hit.end + 60):
        return True
    if parties.hosts(country) and _CAPITAL_AFTER.match(norm, hit.end, hit.end + 12):
        return True
    lo = max(0, hit.start - 64)
    before = norm[lo:hit.start]
    # Cheap test first: a title before the hit ends in "to/for/on (the)" or opens a bracket.
    if "(" not in before and not before.rstrip().lower().endswith((" to", " for", " on",
                                                                    " the")):
        return False
    return _TITLE_BEFORE.search(norm, lo, hit.start) is not None


def body_hits(index: KeywordIndex, norm: str, lo: int, hi: int,
              parties: Parties = NO_PARTIES) -> Sequence[Hit]:
    """Keyword hits in norm[lo:hi] (one remembered scan) that speak of a topic, each
    scaled by how much it says (see the module's docstring)."""
    memo = _MEMO[0]
    if (memo is not None and memo[0] is norm and memo[1:3] == (lo, hi) and memo[3] is index
            and memo[4] == parties):
        return memo[5]
    hits = [h for h in index.scan(norm, lo, hi)
            if not names_someone(norm, h, parties) and not _in_a_name(norm, h, index)]
    hits = _outermost(hits)
    hits = _fields_of_cooperation(norm, hits, index, lo, hi, parties)
    if parties:
        hits = _drop_others_relations(norm, hits, lo, hi, parties)
    hits = _drop_spans(hits, unspoken_spans(norm, lo, hi))
    hits = _discount(_tone_discount(norm, hits), passing_spans(norm, lo, hi))
    found = tuple(_discount(hits, sorted(background_spans(norm, lo, hi)
                                         + commentary_spans(norm, lo, hi)
                                         + earlier_clauses(norm, lo, hi)
                                         + place_appositives(norm, lo, hi)
                                         + backdrop_spans(norm, lo, hi)
                                         + domestic_acts(norm, lo, hi)
                                         + third_party_talks(norm, lo, hi, parties)),
                                  BACKGROUND))
    # Topic scoring, status and figures read the same body: work it out once.
    _MEMO[0] = (norm, lo, hi, index, parties, found)
    return found


_MEMO: list[tuple[str, int, int, KeywordIndex, Parties, tuple[Hit, ...]] | None] = [None]


# A common noun capitalised inside the name of an institution, a conference or a title is
# part of the name: "Committee for Cooperation in Trade, Economy, Science and Technology",
# "Central Military Commission", "Minister of Defense", "the Climate Change Conference".
_INSTITUTION = re.compile(
    lead_guarded(
    r"\b(?:Committee|Commission|Ministry|Department|Council|Agency|Office|Bureau|Institute"
    r"|Forum|Organi[sz]ation|Fund|Bank|Cent(?:er|re)|Corporation|Authority|Administration"
    r"|Academy|University|Association|Federation|Chamber|Minister|Secretary|Director"
    r"|Chairman|Commissioner|Conference|Convention)\b"))
_TITLE_OF = re.compile(lead_guarded(
    r"\b(?:minister|ministry|secretary|director|chairman|department)\s+of\s+"
                       r"(?:the\s+)?$"), re.IGNORECASE)
_NAME_WORD = r"(?:[A-Z][\w'-]*|of|for|in|and|on|the|&)"
_NAME_RUN = re.compile(rf"[A-Z][\w'-]*(?:,?\s+{_NAME_WORD})*")
_NAME_REACH = 80  # characters either side searched for the rest of the name


def _in_a_name(norm: str, hit: Hit, index: KeywordIndex) -> bool:
    if not norm[hit.start:hit.start + 1].isupper():
        return False
    keyword = index.keywords[hit.topic][hit.keyword].text.lstrip("~+ ")
    if keyword[:1].isupper():
        return False  # a proper noun ("Taiwan") keeps its topic inside any name
    lo = max(0, hit.start - _NAME_REACH)
    for m in _NAME_RUN.finditer(norm, lo, min(len(norm), hit.end + _NAME_REACH)):
        if m.start() <= hit.start and hit.end <= m.end():
            # The title may be written in lower case before the name: "minister of
            # External Economic Relations".
            # A keyword that is itself a title ("defence minister") keeps its topic.
            rest = norm[m.start():hit.start] + " " + norm[hit.end:m.end()]
            return (_INSTITUTION.search(rest) is not None
                    or _TITLE_OF.search(norm, max(0, m.start() - 16), m.start()) is not None)
    return False


# Another pair's relationship: "military ties between North Korea and Russia", "the
# Moscow-Pyongyang relationship", "the border dispute between Cambodia and Thailand".
_LINK = r"(?:ties|relations|relationship|cooperation|dispute|conflict|rivalry|partnership|alliance)"
_PLACE = r"(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}"
_BETWEEN = re.compile(
    rf"\b{_LINK}\s+(?:between|among)\s+(?P<a>{_PLACE})\s+and\s+(?P<b>{_PLACE})")
_QUALIFIER = re.compile(r"(?:[\w'-]+\s+){1,3}$")  # "growing military" before "ties"
_HYPHENED = re.compile(rf"\b(?P<a>[A-Z][\w.']*)-(?P<b>[A-Z][\w.']*)\s+{_LINK}\b")
# ...and one side's ties with a third country: "Indonesia's growing military ties with
# Russia" at an Australia–Indonesia meeting says who else Indonesia deals with.
_WITH = re.compile(  # the name stays on its line
    rf"\b{_LINK}\s+with\s+(?P<b>(?:the\s+)?[A-Z][\w.'-]*(?:[ ][A-Z][\w.'-]*){{0,3}})")


def _country(name: str) -> str | None:
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    w = " ".join(words)
    found = country_of(w) or country_of_capital(w)
    if found is None and w.endswith("."):
        w = w[:-1]  # the full stop of the sentence, not of "U.S."
        found = country_of(w) or country_of_capital(w)
    return found


def _drop_others_relations(norm: str, hits: Sequence[Hit], lo: int, hi: int,
                           parties: Parties) -> list[Hit]:
    spans: list[tuple[int, int]] = []
    for rx in (_BETWEEN, _HYPHENED, _WITH):
        for m in rx.finditer(norm, lo, hi):
            sides = {_country(m["b"])} - {None}
            if rx is not _WITH:
                sides |= {_country(m["a"])} - {None}
            if sides and not sides <= parties.countries:
                # The linking words go; the names stay ("North Korea" is still a topic).
                if rx is _WITH:
                    q = _QUALIFIER.search(norm, max(lo, m.start() - 40), m.start())
                    spans.append((q.start() if q else m.start(), m.start("b")))
                elif rx is _BETWEEN:
                    q = _QUALIFIER.search(norm, max(lo, m.start() - 40), m.start())
                    spans.append((q.start() if q else m.start(), m.start("a")))
                else:
                    spans.append((m.end("b"), m.end()))
    if not spans:
        return list(hits)
    return [h for h in hits if not any(s <= h.start < e for s, e in spans)]


# Passing mentions count for PASSING of a keyword, so they need support elsewhere:
# - items of an enumeration: runs of short comma-separated pieces ("talks covered
#   defence, trade, technology and people-to-people links");
# - what the talks were only expected to cover ("were expected to discuss Ukraine",
#   "the talks would include arms control"), and other meetings on the schedule ("he was
#   also scheduled to meet the Ukrainian president").
PASSING = 0.4
LIST_MIN_ITEMS = 4
_CLAUSE_RUN = re.compile(r"[^.!?;:()\[\]\n\u201c\u201d\"]+")  # no piece crosses these
_PIECE = re.compile(r"[^,;:.!?()\[\]\n\u201c\u201d\"]+")
_AND = re.compile(r"\s(?:and|or|as\s+well\s+as)\s", re.IGNORECASE)
_LEADING_AND = re.compile(r"\s*(?:and|or|as\s+well\s+as)\s", re.IGNORECASE)
_LEAD_WORDS = 3  # of the first piece, only its last words can be the first item
_ITEM_WORDS = 4  # a middle item has at most this many words
_LAST_WORDS = 8  # the last piece may be "X and Y with their qualifier"
_AGENDA = re.compile(
    lead_guarded(
    r"\b(?:(?:is|are|was|were)\s+(?:also\s+)?(?:expected|set|due|scheduled|likely|slated)\s+to\s+"
    r"(?:discuss|focus|cover|address|include|raise|touch|talk|review|be\s+discussed|meet)"
    r"|(?:would|will)\s+(?:also\s+)?(?:be\s+)?(?:discuss(?:ing|ed)?|include[ds]?|cover(?:ed)?"
    r"|focus(?:ing)?\s+on|address(?:ed)?|raised|touch(?:ing)?\s+on|talk(?:ing)?\s+about)"
    r"|(?:on|top(?:ped|s)?)\s+the\s+agenda)\b"), re.IGNORECASE)
# ...but an agenda told in the past tense is what the talks covered: "trade was on the agenda".
_HELD_AGENDA = re.compile(r"\b(?:was|were)\s+(?:also\s+)?$", re.IGNORECASE)
# A sentence ends at a stop before a space, or glued to the next one by a bad copy
# ("last year.Orban said"): the glued form, as `sentences.py` reads it.
_SENTENCE_END = re.compile(
    r"[.!?][\"'\u201d\u2019)]*(?=\s|$)|(?<=[a-z0-9)][.!?])(?=[A-Z][a-z])|\n")


# Background: a sentence set in an earlier time ("established diplomatic relations in
# 1953", "trade reached $6 billion last year") that says nothing of this meeting.
_EARLIER = re.compile(lead_guarded(
    r"\b(?:in|since|from|until|by)\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d\b"
    # "last year", "in the past six years", "over the previous two decades"
    r"|\b(?:last|previous|past)\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten"
    r"|few|several|many)\s+)?(?:years?|decades?|century|centuries)\b"
    r"|\b(?:years|decades)\s+ago\b"
    # A state of long standing: "has been at odds with Brussels for years".
    r"|\bfor\s+(?:many\s+|several\s+)?(?:years|decades)\b|\b(?:has|have)\s+long\b"),
    re.IGNORECASE)  # (guarded by its first letters: the scan skips other positions fast)
_THIS_MEETING = re.compile(  # (guarded: skips positions no match starts at)
    lead_guarded(r"\b(?:met|meet|meeting|talks|summit|discuss\w*|agreed|agree|signed|said|says"
    r"|told|urged"
    r"|stressed|noted|added|raised|called|welcomed|pledged|warned|expressed|will|would"
    r"|visit)\b"), re.IGNORECASE)


_SENTENCE_REACH = 400
BACKGROUND = 0.25  # less than a passing mention: even "trade ... soybeans" needs more


# Commentary of onlookers is not the talks: "analysts said", "scholars interviewed
# evaluated that", "according to experts".
_ONLOOKERS = r"(?:analysts?|experts?|scholars?|observers?|commentators?|academics?|economists?)"
_COMMENTARY = re.compile(
    lead_guarded(
    rf"\b{_ONLOOKERS}\b(?:\s+[\w,'\u2019-]+){{0,6}}?\s+(?:said|say|says|believe[sd]?|noted"
    r"|evaluated|argued?|argues|warned|told|pointed\s+out|expect(?:s|ed)?|think|thinks)\b"
    rf"|\baccording\s+to\s+(?:\w+\s+){{0,3}}?{_ONLOOKERS}\b"), re.IGNORECASE)


def commentary_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[start, end) of the sentences of text[lo:hi] that give onlookers' commentary."""
    spans: list[tuple[int, int]] = []
    for m in _COMMENTARY.finditer(text, lo, hi):
        window = max(lo, m.start() - _SENTENCE_REACH)
        back = max(text.rfind(c, window, m.start()) for c in ".!?\n")
        start = back + 1 if back >= 0 else window
        stop = min(hi, m.end() + _SENTENCE_REACH)
        end_m = _SENTENCE_END.search(text, m.end(), stop)
        spans.append((start, end_m.end() if end_m else stop))
    return spans


# A relative clause set in an earlier time describes someone or something, not this
# meeting: "Lee, who earlier called out Rome for its tariffs, ...", "since May 2023, when
# the two met in Lima in a sign of improving ties".
_RELATIVE_CLAUSE = re.compile(
    r",\s+(?P<rel>who|which|when)\s+[^,;:!?\n]{1,300}?(?=[,;:!?\n]|\.(?:\s|$))")
_EARLIER_IN_CLAUSE = re.compile(
    lead_guarded(
    r"\b(?:earlier|previously|formerly|once|ago|had\s+(?:been|\w+ed)|last\s+(?:week|month"
    r"|year|time)|(?:in|since)\s+(?:(?:early|late|mid-?)\s*)?(?:19|20)\d\d)\b"), re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d\s*$")


def earlier_clauses(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[start, end) of the relative clauses of text[lo:hi] set in an earlier time."""
    spans: list[tuple[int, int]] = []
    for m in _RELATIVE_CLAUSE.finditer(text, lo, hi):
        if (_EARLIER_IN_CLAUSE.search(text, m.start(), m.end())
                or (m["rel"] == "when"
                    and _YEAR_BEFORE.search(text, max(lo, m.start() - 12), m.start()))):
            spans.append(m.span())
    return spans


# An appositive that says what a place is known for describes the place, not the talks:
# "in Varna, a coastal city known for its tourism", "Sochi, a resort on the Black Sea".
_PLACE_APPOSITIVE = re.compile(
    r"\b[A-Z][\w'-]+,\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:city|town|port|resort|region"
    r"|province|island|village|capital|country|nation)\b[^,.;:!?\n]{0,120}")


# ...and one that says what a person once was: "Varga, a former climate envoy, said".
_PERSON_APPOSITIVE = re.compile(
    r"\b[A-Z][\w'-]+,\s+(?:a|an|the)\s+(?:former|ex-|one-time|onetime|longtime|veteran"
    r"|retired)\b[^,.;:!?\n]{0,80}")
# ...and a relative clause that says what a named place or country is: "Italy, which is
# Europe's main landing spot for migrants from the Middle East", "the Old Mill, which is
# described as a tourism and heritage centre" (not "the talks, which were about trade").
_NAME_DESCRIBED = re.compile(
    r"\b[A-Z][\w'-]+,\s+which\s+(?:is|are|was)\s+(?:(?:described|known|billed|regarded|seen)"
    r"\s+as|home\s+to|one\s+of|an?\s|the\s|[A-Z][\w'-]*['\u2019]s\s)[^,;:!?\n]{0,120}")
# Another event the meeting is dated by: "The meeting came a week after Okafor hosted the
# Chinese president for talks on Taiwan": what follows "after" is that event.
_CAME_AFTER = re.compile(
    lead_guarded(
    r"\b(?:came|comes|coming|follows|followed|following)\s+(?:just\s+|only\s+|barely\s+)?"
    r"(?:(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+"
    r"(?:days?|weeks?|months?|hours?|years?)\s+)?(?:after|on\s+the\s+heels\s+of)\b"
    # ...and the setting a meeting "comes amid": "the visit comes amid growing tensions".
    r"|\b(?:came|comes|coming)\s+(?:amid|amidst|as|against\s+the\s+backdrop\s+of"
    r"|at\s+a\s+time\s+(?:of|when)|in\s+the\s+wake\s+of)\b"))


# Another meeting, with a third country: "later flew to Accra for talks with Ghana's
# president on cocoa prices". What it was about is that meeting's.
_TALKS_WITH = re.compile(
    r"\b(?:talks|meeting|meetings|met|meet|meets|call|summit|discussions)\s+with\s+(?:the\s+)?"
    r"(?P<c>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)?)")


def third_party_talks(text: str, lo: int, hi: int,
                      parties: Parties) -> list[tuple[int, int]]:
    """[start, end) of the clauses of text[lo:hi] about talks with a third country."""
    spans: list[tuple[int, int]] = []
    if not parties.countries:
        return spans
    for m in _TALKS_WITH.finditer(text, lo, hi):
        name = m["c"]
        country = _country(name) or _country(name.split()[0])
        if country is None or country in parties.countries:
            continue
        # To the end of the clause: what follows a comma may be this meeting's again.
        spans.append((m.start(), _stop(_CLAUSE_STOP, text, m.end(), hi, _SENTENCE_REACH)))
    return spans


_CLAUSE_STOP = re.compile(r"[,;:!?\n]|\.(?:\s|$)")


def _stop(stop: re.Pattern[str], text: str, pos: int, hi: int, reach: int) -> int:
    """Where a phrase that goes on from `pos` ends: at the first `stop` within `reach`
    characters, else at the reach (a bound that keeps a run of openers linear)."""
    limit = min(hi, pos + reach)
    found = stop.search(text, pos, limit)
    return found.start() if found else limit


def place_appositives(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[start, end) of the appositives of text[lo:hi] that describe a place or say what a
    person once was, and of the other events the meeting is dated by."""
    spans = [m.span() for m in _PLACE_APPOSITIVE.finditer(text, lo, hi)]
    spans.extend(m.span() for m in _PERSON_APPOSITIVE.finditer(text, lo, hi))
    spans.extend(m.span() for m in _NAME_DESCRIBED.finditer(text, lo, hi))
    for m in _CAME_AFTER.finditer(text, lo, hi):
        spans.append((m.end(), _stop(_SENTENCE_END, text, m.end(), hi, _SENTENCE_REACH)))
    return spans


# The backdrop the meeting was held against: "met in Lima amid rising concerns over the
# North's troops", up to the end of its clause; and a concession is a backdrop too:
# "despite a long dispute over the islands, the two sides ...".
_AMID = re.compile(lead_guarded(
    r"\b(?:amid(?:st)?|despite|in\s+spite\s+of|against\s+the\s+backdrop\s+of)\b"),
    re.IGNORECASE)


def backdrop_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[start, end) of each "amid ..." phrase in text[lo:hi], to the end of its clause."""
    return [(m.start(), _stop(_CLAUSE_STOP, text, m.end(), hi, _CLAUSE_REACH))
            for m in _AMID.finditer(text, lo, hi)]


# One side's own legislation is its domestic act, not a topic of the talks: "signed a bill
# that included $8 billion to counter the navy", "passed a law on chip exports", "signed an
# executive order on tariffs"; what the act contains goes with it, to the end of the clause.
_DOMESTIC_ACT = re.compile(lead_guarded(
    r"\b(?:sign|pass|enact|veto|approv)(?:ed|es|s|ing)?\s+(?:(?:a|an|the|his|her|its|their"
    r"|this|that|new)\s+)?(?:[\w-]+\s+){0,2}?(?:bills?|laws?|legislation|decrees?"
    r"|executive\s+orders?|ordinances?|budgets?)\b"
    r"|\bsign(?:ed|s|ing)?\s+(?:[\w'\u2019-]+\s+){1,3}?into\s+law\b"), re.IGNORECASE)
_ACT_END = re.compile(r"[;:!?\n]|\.(?:\s|$)|,\s+(?:and|but|while|yet|whereas)\b")


def domestic_acts(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[start, end) of each domestic act of one side in text[lo:hi], with its contents."""
    return [(m.start(), _stop(_ACT_END, text, m.end(), hi, _SENTENCE_REACH))
            for m in _DOMESTIC_ACT.finditer(text, lo, hi)]


def background_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[start, end) of the sentences of text[lo:hi] set in an earlier time that say
    nothing of the meeting."""
    spans: list[tuple[int, int]] = []
    for m in _EARLIER.finditer(text, lo, hi):
        if spans and m.start() < spans[-1][1]:
            continue
        # Both ends are looked for within a sentence's reach, so that a run of dates
        # with no full stop stays linear.
        window = max(lo, m.start() - _SENTENCE_REACH)
        back = max(text.rfind(c, window, m.start()) for c in ".!?\n")
        if back < 0 and window > lo:
            continue  # no sentence is that long: not prose
        start = back + 1 if back >= 0 else lo
        stop = min(hi, m.end() + _SENTENCE_REACH)
        end_m = _SENTENCE_END.search(text, m.end(), stop)
        end = end_m.end() if end_m else stop
        if _THIS_MEETING.search(text, start, end):
            continue
        spans.append((start, end))
    return spans


# Readouts of officials' talks point back to what the leaders agreed before: "implement
# the consensus reached by the two heads of state". That names the leaders, not a topic.
_LEADERS_CONSENSUS = re.compile(
    lead_guarded(
    r"\b(?:consensus|understandings?|agreements?)\s+(?:\w+\s+)?(?:reached\s+|struck\s+)?"
    r"(?:by|between|of)\s+(?:the\s+)?(?:two\s+|both\s+)?(?:heads\s+of\s+state|leaders"
    r"|presidents)\b"), re.IGNORECASE)


def passing_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[start, end) of the passing mentions in text[lo:hi], sorted by start."""
    spans = [s for s in list_spans(text, lo, hi) if not _discussed_list(text, lo, s[0])]
    spans.extend(m.span() for m in _LEADERS_CONSENSUS.finditer(text, lo, hi))
    for m in _AGENDA.finditer(text, lo, hi):
        if _HELD_AGENDA.search(text, max(lo, m.start() - 16), m.start()):
            continue  # "relations were also on the agenda": what the talks did cover
        back = max(text.rfind(c, lo, m.start()) for c in ".!?\n")
        end = _SENTENCE_END.search(text, m.end(), hi)
        spans.append((max(back + 1, lo), end.end() if end else hi))
    spans.sort()
    return spans


# A list that is the object of the discussion ("the discussions included Taiwan, the Middle
# East, Ukraine and North Korea") is this meeting's agenda as held: each item was discussed.
_DISCUSSED = re.compile(
    lead_guarded(
    r"\b(?:discuss(?:ed|ing|ions?)?|talks\s+(?:covered|included|focused\s+on|touched\s+on)"
    r"|included|covered|exchanged\s+views\s+on|touched\s+(?:on|upon))\b"), re.IGNORECASE)


def _discussed_list(text: str, lo: int, start: int) -> bool:
    """Does the sentence of the list starting at `start` say the talks discussed it?"""
    back = max(text.rfind(c, max(lo, start - 200), start) for c in ".!?\n")
    return _DISCUSSED.search(text, max(back + 1, lo), start + 30) is not None


def list_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[start, end) of each enumeration of at least LIST_MIN_ITEMS items in text[lo:hi]."""
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []  # the pieces of the run so far

    def close() -> None:
        if len(run) >= 2:
            last = text[run[-1][0]:run[-1][1]]
            # "A, B and C" is three items; "A, B, and C" (a serial comma) too.
            paired = _AND.search(last) is not None and not _LEADING_AND.match(last)
            items = len(run) + (1 if paired else 0)
            if items >= LIST_MIN_ITEMS:
                # The first piece carries the lead-in: only its last words are an item.
                first_start, first_end = run[0]
                head = text[first_start:first_end].split()
                tail = " ".join(head[-_LEAD_WORDS:]) if head else ""
                start = text.rfind(tail, first_start, first_end) if tail else first_start
                spans.append((start, run[-1][1]))
        run.clear()

    for sentence in _CLAUSE_RUN.finditer(text, lo, hi):
        # Only a run with two commas or more can hold a list.
        if text.count(",", sentence.start(), sentence.end()) >= 2:
            _list_runs(text, sentence.start(), sentence.end(), run, close)
    return spans


def _list_runs(text: str, lo: int, hi: int, run: list[tuple[int, int]],
               close: Callable[[], None]) -> None:
    for m in _PIECE.finditer(text, lo, hi):
        words = len(m.group().split())
        joined = m.start() > lo and text[m.start() - 1] == ","
        if run and joined and words <= _ITEM_WORDS:
            run.append(m.span())
            continue
        if run and joined and words <= _LAST_WORDS and _AND.search(text, m.start(), m.end()):
            run.append(m.span())
            close()
            continue
        close()
        if words:
            run.append(m.span())
    close()


# What the talks left out is not a topic of them: "did not discuss the war in Ukraine",
# "Taiwan was not raised". The active form covers its object, up to the end of the
# clause; the passive form its subject, from the start of the clause.
# (Each pattern opens with a lookahead for the first letters its matches can have, which
# they all start with: the engine skips other positions without trying the alternation.)
_NOT_ACTIVE = re.compile(
    r"(?=[dnw])(?:\b(?:(?:did|do|does|would|will)\s+not|didn['\u2019]t|don['\u2019]t"
    r"|doesn['\u2019]t|never)\s+(?:discuss|raise|address|mention|bring\s+up|touch\s+(?:on|upon)"
    r"|talk\s+about|take\s+up)\b|\bno\s+mention\s+(?:was\s+made\s+)?of\b)", re.IGNORECASE)
_NOT_PASSIVE = re.compile(
    r"(?=[adhiw])(?:\b(?:was|were|is|are|had|has|have)\s+not\s+(?:been\s+)?(?:discussed"
    r"|raised|addressed|mentioned|brought\s+up|on\s+the\s+agenda)\b"
    r"|\b(?:did\s+not|didn['\u2019]t)\s+come\s+up\b)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;!?]|,\s+(?:but|though|although|while|whereas|yet)\b|\sbut\s")
_CLAUSE_START = re.compile(r".*(?:[.;!?]\s|,\s+(?:but|though|although|while)\s|\sbut\s|\n)",
                           re.DOTALL)


_CLAUSE_REACH = 200


def unspoken_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[start, end) of what the text says was not discussed, in text[lo:hi]."""
    spans: list[tuple[int, int]] = []
    for m in _NOT_ACTIVE.finditer(text, lo, hi):
        # A clause is short: looking further would make a run of these quadratic.
        spans.append((m.start(), _stop(_CLAUSE_END, text, m.end(), hi, _CLAUSE_REACH)))
    for m in _NOT_PASSIVE.finditer(text, lo, hi):
        back = max(lo, m.start() - _CLAUSE_REACH)
        head = _CLAUSE_START.match(text, back, m.start())
        spans.append((head.end() if head else back, m.end()))
    return sorted(spans)


# A field of cooperation named as such is a topic of the talks, though its word alone only
# supports one: "co-operation in energy and defence", "cooperation on trade, defense and
# technology", "military and political collaboration".
_COOPERATION = r"(?:co-?operation|collaboration|partnership|ties|relations)"
# (Lower case: "Asia-Pacific Economic Cooperation" is a name, not a field; and another
# pair's "military cooperation between Russia and North Korea" is not the sides'.)
_FIELD_HEAD = re.compile(lead_guarded(
    r"\b(?:co-?operat(?:e|ed|es|ing|ion)|collaborat(?:e|ed|es|ing|ion)|partnership|ties|relations)"
    r"\s+(?:in|on|over)\s+"))
# ...then the items before the hit: "the areas of", "energy and ", "trade, ".
_FIELD_ITEMS = re.compile(
    r"(?:the\s+)?(?:(?:areas?|fields?|sectors?|spheres?)\s+(?:of\s+|such\s+as\s+|including\s+)?)?"
    r"(?:[\w'-]+(?:,\s+|\s+and\s+|\s+as\s+well\s+as\s+))*")
_FIELD_AFTER = re.compile(
    rf"(?:(?:,\s+|\s+and\s+)[\w-]+)*\s+{_COOPERATION}\b(?!\s+between\b)")
_FIELD_REACH = 80


def _fields_of_cooperation(norm: str, hits: Sequence[Hit], index: KeywordIndex,
                           lo: int, hi: int, parties: Parties = NO_PARTIES) -> list[Hit]:
    """Hits of supporting keywords that name a field of cooperation, made whole keywords.
    A field of the sides' own cooperation ("military cooperation between Norland and
    Kestria") is that field's, not the relationship's: the link's own hit is dropped."""
    heads: list[int] | None = None  # where each "cooperation in" ends: found once, if needed
    out: list[Hit] = []
    links: set[int] = set()  # where "cooperation between the sides" of a field starts
    for h in hits:
        weight = index.keywords[h.topic][h.keyword].weight
        if weight < 1.0 and norm[h.start].islower():
            if heads is None:
                heads = [m.end() for m in _FIELD_HEAD.finditer(norm, lo, hi)]
            reach = min(len(norm), h.end + _FIELD_REACH)
            after = _FIELD_AFTER.match(norm, h.end, reach)
            sides = None if after else _FIELD_OF_SIDES.match(norm, h.end, reach)
            if sides is not None and _of_the_sides(sides, parties):
                links.add(sides.start("link"))
            if after or sides is not None and sides.start("link") in links \
                    or _field_before(norm, heads, h.start):
                h = replace(h, scale=1.0 / weight)
        out.append(h)
    if links:
        out = [h for h in out if h.start not in links]
    return out


# "military cooperation between the Philippines and Japan", "economic cooperation between the
# two countries": the field and the link, then the pair the link is between.
_FIELD_OF_SIDES = re.compile(
    rf"\s+(?P<link>{_COOPERATION})\s+between\s+(?:(?P<a>{_PLACE})\s+and\s+(?P<b>{_PLACE})"
    r"|(?P<own>(?:the|our)\s+(?:two\s+)?(?:countries|nations|sides|states)\b))")


def _of_the_sides(m: re.Match[str], parties: Parties) -> bool:
    """Is the pair a link is between (in `m`, a `_FIELD_OF_SIDES` match) the meeting's sides?"""
    if m["own"]:
        return True
    sides = {_country(m["a"]), _country(m["b"])}
    return len(sides) == 2 and sides <= parties.countries


def _field_before(norm: str, heads: list[int], start: int) -> bool:
    """Is the text before `start` "cooperation in/on" (ending at one of `heads`) and a list
    of items up to it?"""
    k = bisect_right(heads, start) - 1
    return (k >= 0 and heads[k] >= start - _FIELD_REACH
            and _FIELD_ITEMS.fullmatch(norm, heads[k], start) is not None)


# The sides' own relationship named as theirs is the relationship as a topic, though
# "relations" or "ties" alone only support it: "both nations' relations are stable", "their
# diplomatic ties", "the direction of Kestria-Norland relations" (the two sides, hyphened).
# Not "our": a speaker's "our relations" may be one side's with anyone.
_OWNED_WORDS = frozenset({"relations", "ties", "partnership", "friendship"})
_OWNER = re.compile(
    r"(?:\btheir|\b(?:both|the\s+two)\s+(?:countries|nations|sides|states|peoples)"
    r"['\u2019]|\b(?P<a>[A-Z][\w.']*)-(?P<b>[A-Z][\w.']*))"
    r"\s+(?:[\w-]+\s+){0,2}$")  # up to two qualifiers: "their special strategic"
_OWNER_REACH = 60
# ...and so is one side called the other's partner of rank: "Libya remains a strategic
# economic partner for Italy", "the two nations are each other's important partners".
_PARTNER_WORDS = frozenset({"partner", "partners"})
_RANKED = re.compile(
    r"\b(?:strategic|important|reliable|trusted|key|close|major|privileged|natural)"
    r"\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# A channel the sides keep open is the relationship's too: "agreed to continue the
# dialogue", "pledged continued dialogue", "maintain a direct dialogue", "keep up close
# communication" (what is kept: the channel, whatever qualifies it).
_CHANNEL_WORDS = ("dialogue", "communicat")
_KEPT = re.compile(
    r"\b(?:continu(?:e|es|ed|ing)|maintain(?:s|ed|ing)?|keep(?:s|ing)?(?:\s+up)?|kept(?:\s+up)?"
    r"|sustain(?:s|ed|ing)?|resum(?:e|es|ed|ing)|resumption\s+of)"
    r"\s+(?:(?:the|their|a|an|this|such)\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


# A meeting marked as the first in years, or since an event, is a step of the relationship:
# "the first summit in three years", "the leaders spoke for the first time since January",
# "his first visit since taking office"; not a traveller's "first foreign trip since taking
# office" (anywhere abroad: the person's step, not the pair's).
_FIRST_SINCE = re.compile(lead_guarded(
    r"\bfirst\s+(?!(?:[\w-]+\s+){0,2}(?:foreign|overseas|international|abroad)\b)"
    r"(?:[\w-]+\s+){0,4}?(?:in\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+decade|several|many)"
    r"\s+(?:years?|decades?)|since)\b"), re.IGNORECASE)
_MEETING_WORDS = frozenset({"summit", "summits", "visit", "visits", "visited", "visiting",
                            "trip", "first time"})


def sides_relationship(norm: str, hits: Sequence[Hit], index: KeywordIndex,
                       parties: Parties, lo: int = 0, hi: int | None = None) -> list[Hit]:
    """Supporting hits of the relationship owned by the sides, made whole keywords (any
    discount kept). For whether a paragraph is about the relationship, not for which topic
    a sentence's cue belongs to: "reset their ties and signed deals" is still the deals'."""
    wanted = _promotable(index)
    if not any((h.topic, h.keyword) in wanted for h in hits):
        return list(hits)
    out: list[Hit] = []
    firsts: list[tuple[int, int]] | None = None  # sentences of a first meeting in years
    for h in hits:
        if (h.topic, h.keyword) not in wanted:
            out.append(h)
            continue
        kw = index.keywords[h.topic][h.keyword]
        word = " ".join(norm[h.start:h.end].lower().split())
        reach = max(0, h.start - _OWNER_REACH)
        whole = False
        if word in _MEETING_WORDS:
            if firsts is None:
                firsts = _first_since(norm, lo, len(norm) if hi is None else hi)
            whole = any(s <= h.start < e for s, e in firsts)
        elif word in _OWNED_WORDS:
            m = _OWNER.search(norm, reach, h.start)
            whole = m is not None and (m["a"] is None or _both_sides(m["a"], m["b"], parties))
        elif word in _PARTNER_WORDS:
            whole = _RANKED.search(norm, reach, h.start) is not None
        elif word.startswith(_CHANNEL_WORDS):
            whole = _KEPT.search(norm, reach, h.start) is not None
        out.append(replace(h, scale=h.scale / kw.weight) if whole else h)
    return out


_PROMOTABLE: list[tuple[KeywordIndex, frozenset[tuple[int, int]]]] = []


def _promotable(index: KeywordIndex) -> frozenset[tuple[int, int]]:
    """(topic, keyword) of the supporting keywords `sides_relationship` may make whole,
    worked out once per taxonomy (the last one is remembered)."""
    if _PROMOTABLE and _PROMOTABLE[0][0] is index:
        return _PROMOTABLE[0][1]
    found = frozenset(
        (t, k) for t, kws in enumerate(index.keywords) for k, kw in enumerate(kws)
        if kw.weight < 1.0 and (" ".join(kw.words) in _MEETING_WORDS | _OWNED_WORDS
                                | _PARTNER_WORDS or kw.words[0].startswith(_CHANNEL_WORDS)))
    _PROMOTABLE[:] = [(index, found)]
    return found


def _first_since(norm: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[start, end) of the sentences of norm[lo:hi] that mark a meeting as the first in
    years or since an event."""
    spans: list[tuple[int, int]] = []
    for m in _FIRST_SINCE.finditer(norm, lo, hi):
        window = max(lo, m.start() - _SENTENCE_REACH)
        back = max(norm.rfind(c, window, m.start()) for c in ".!?\n")
        end = _SENTENCE_END.search(norm, m.end(), min(hi, m.end() + _SENTENCE_REACH))
        spans.append((back + 1 if back >= 0 else window,
                      end.end() if end else min(hi, m.end() + _SENTENCE_REACH)))
    return spans


def _both_sides(a: str, b: str, parties: Parties) -> bool:
    sides = {_country(a), _country(b)}
    return len(sides) == 2 and sides <= parties.countries


def _drop_spans(hits: Sequence[Hit], spans: Sequence[tuple[int, int]]) -> list[Hit]:
    """Hits (sorted by start) less those inside a span (sorted by start); one sweep."""
    if not spans:
        return list(hits)
    out: list[Hit] = []
    j = 0
    reach = -1
    for h in hits:
        while j < len(spans) and spans[j][0] <= h.start:
            reach = max(reach, spans[j][1])
            j += 1
        if h.start >= reach:
            out.append(h)
    return out


# Words for how a meeting went, or in what form: they describe the talks at hand,
# whatever their subject, so on their own (even two of them) they do not make the
# relationship a topic ("the first face-to-face meeting between the defence ministers").
_TONE = frozenset({"candid", "constructive", "frank", "productive", "cordial", "fruitful",
                   "pragmatic", "face-to-face", "in-person"})


def is_tone(norm: str, hit: Hit) -> bool:
    """Is this hit a word for how the meeting went ("candid", "constructive")?"""
    return norm[hit.start:hit.end].lower() in _TONE


def _tone_discount(norm: str, hits: Sequence[Hit]) -> list[Hit]:
    return [replace(h, scale=min(h.scale, PASSING)) if is_tone(norm, h) else h for h in hits]


def _discount(hits: Sequence[Hit], spans: Sequence[tuple[int, int]],
              scale: float = PASSING) -> list[Hit]:
    """Hits inside a passing span, scaled down (spans sorted by start, may overlap)."""
    if not spans:
        return list(hits)
    out: list[Hit] = []
    j = 0
    reach = -1  # the furthest end of the spans that start before the current hit
    for h in hits:
        while j < len(spans) and spans[j][0] <= h.start:
            reach = max(reach, spans[j][1])
            j += 1
        out.append(replace(h, scale=min(h.scale, scale)) if h.start < reach else h)
    return out


def _outermost(hits: Sequence[Hit]) -> list[Hit]:
    """Hits (sorted by start) less those overlapped by another topic's hit that starts
    earlier or spans more ("military-to-military relations between" is military's).
    Phrases are short, so only the hits that started in the last few words are compared."""
    kept: list[Hit] = []
    recent: list[Hit] = []  # hits whose span may still cover the current one
    for h in hits:
        recent = [o for o in recent if o.end > h.start]
        if not any(o.topic != h.topic and (o.start < h.start or (
                o.end >= h.end and o.end - o.start > h.end - h.start)) for o in recent):
            kept.append(h)
        recent.append(h)
    return kept
