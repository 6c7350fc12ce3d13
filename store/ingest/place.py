"""Stage 2c: the city of the meeting as the story names it, and the words it was read from.

"held talks in Riyadh", "on the sidelines of the APEC summit in Lima", "meet on Nov. 16 in
San Francisco", "at the US Embassy in Beijing": the city after a meeting word in the same
clause, never a country ("visited China"), a region, or a building alone ("at the White
House" gives no city). Background meetings ("who met Xi in Bali", "their meeting in Lima last
year") and future ones ("will meet in Lagos next week") are passed over.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from store.ingest.countries import (
    COUNTRY_RE,
    capital_of,
    country_of,
    country_of_capital,
    word_start,
)
from store.ingest.cueprefix import lead_guarded
from store.ingest.datetext import DATE_RE, match_date

# The meeting place in the body: "met ... in Beijing", "talks in
# Lima", "in the Alaskan city of Anchorage", "in the Chinese capital Beijing", "in Peru's
# Lima", "went to Warsaw", "talks ... at Attari". Names may hold letters of any script and
# lower-case particles ("Rzeszów", "Sharm el-Sheikh").
_NAME_WORD = r"(?:St\. )?[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)*"
_NOT_NAME_WORD = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
                  r"February|March|April|May|June|July|August|September|October|November|"
                  r"December)\b)")
_PLACE_NAME = (rf"(?:{_NAME_WORD}(?:(?: |-)(?:(?:el|al|de|da|du|la|di|del|es)[ -])?"
               rf"{_NOT_NAME_WORD}{_NAME_WORD}){{0,2}}|[A-Z]\.[A-Z]\.)")
_PLACE_TAIL = (
    # ", Peru" only when the region ends the clause: not "in Beijing, Blinken said".
    r"(?:, [A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)?(?=[.,;:)]|\s+(?:on|in|at|last|this|earlier|for|"
    r"to|and|the|with|during|after|before)\b|\s*$))?"
)
_MEETING_VERB = (
    r"\b(?i:met|meet|meets|meeting|talks|summit|visit|visited|visiting|arrived|landed|hosted|"
    r"held|sat down|speaking|went|travel|traveled|travelled|flew|received|receives|welcomed|hosts|"
    r"hosting|convened|gathered|trip|negotiations|negotiated|welcome)\b"
)
# A relative clause (", who said ... in Jerusalem") is about its noun, not the meeting.
_RELATIVE = re.compile(r", (?:who|whom|whose|which)\b")
# Title abbreviations whose full stop does not end the clause: "co-chaired by Gen. Tea".
# One lookbehind per length (each must be of fixed width): three tests, not twenty-five.
_TITLES = ("Mr Mrs Ms Dr Gen Lt Col Maj Sgt Capt Cmdr Adm Gov Sen Rep Rev Prof St Jr Sr Fr Pres"
           " Amb Hon Brig").split()
_TITLE_STOP = "|".join(
    rf"(?<=\b(?:{'|'.join(a for a in _TITLES if len(a) == n)}))" for n in (2, 3, 4))
_PLACE_AFTER_MEETING = re.compile(
    # (the verbs' first letters first, in the verbs' own case rule: the \b and the
    # alternation are tried only where one stands)
    r"(?=(?i:[acfghlmnrstvw]))"
    # Stops end the clause, but not in "U.S.", "Nov. 16" or "Gen. Tea Seiha".
    rf"{_MEETING_VERB}(?:[^.;\n]|(?<=[A-Z])\.|\.(?= \d)|(?:{_TITLE_STOP})\.){{0,200}}?"
    # "in the port city of Aden", "in India's financial capital of Mumbai", "in Libya's
    # capital Tripoli": the city named by what it is, with or without "of".
    r"(?:\bin (?:the )?(?:[A-Za-z-]+(?:'s)? ){0,4}(?:city|capital|town|resort|village|port)"
    rf"(?: of)? (?P<p1>{_PLACE_NAME})"
    # "in the Chinese capital Beijing", "in the capital, Abuja", "in the capital city, Hanoi"
    r"|\bin the (?:[A-Z][\w-]+ ){0,2}capital(?: city)?,? "
    rf"(?P<p2>{_PLACE_NAME})"
    rf"|\b(?:in|at|to) (?P<own>[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)?)'s (?P<p3>{_PLACE_NAME})"
    r"|(?:\bin|(?<=went )to|(?<=flew )to|(?<=travel )to|(?<=traveled )to|(?<=travelled )to|"
    # ("thanked X for his welcome to Nairobi": the city the guest was received in)
    r"(?<=visit )to|(?<=welcome )to|"
    r"(?<=trip )to) "
    rf"(?P<p4>{_PLACE_NAME}{_PLACE_TAIL})(?![\w'])"
    # "at Attari", not "at Yanqi Lake in Beijing" (a venue in its city)
    rf"|\bat (?P<p5>{_PLACE_NAME}{_PLACE_TAIL})(?!, (?:a|an|the) )"
    r"(?=[.,;:]|\s+(?:on|to|for|and|with|this|last|after|before|ahead)\b)"
    # "visited Abu Dhabi", "who is visiting San Francisco": the city is the visit's object.
    # ("Visiting Lagos for talks, ...": the participle may open the sentence; "visiting
    # Busan in South Korea": the country of the city may follow it.)
    rf"|(?:(?<=visited )|(?<=[Vv]isiting )|(?<=visits ))(?P<p6>{_PLACE_NAME}{_PLACE_TAIL})"
    r"(?=[.,;:]|\s+(?:on|to|for|and|with|this|last|after|before|ahead|the)\b"
    rf"|\s+in (?:the )?{_NOT_NAME_WORD}[A-Z]))"
)
_BACKGROUND_AFTER = re.compile(
    # ("earlier this week" and "earlier today" are the news itself)
    r"\s+(?:(?:last|previous|next|later)\b|earlier\b(?! this week| today| on)|in (?:19|20)\d\d|"
    r"(?:in|on) (?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b(?! \d))"
)
# "who met Xi in Lima" is background, but "who is visiting Lima" is now; "the upcoming
# APEC summit in Gyeongju" is another meeting.
_BACKGROUND_BEFORE = re.compile(
    # ("Varga's first visit to Lagos", "the first talks in Lagos since 2019": an ordinal
    # after a determiner ranks this meeting; "who first met in Lima" is the background.)
    r"\b(?i:who(?!\s+(?:is|are)\b)(?!\s+(?:was|were)\s+$)|when|since|last|previous|previously|earlier|"
    r"(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bits )(?<!'s )(?<!' )first|next|"
    r"recent|recently|prior|past|former)\s+"
    r"(?:[a-z]+\s+)?$|\b(?i:upcoming|forthcoming)\s+(?:[\w-]+\s+){0,2}$"
)
# "who was visiting Busan" is the visit of the story's day; "who was received in Lima"
# (a passive) is not known to be: only the progressive is let through.
_WHO_WAS = re.compile(r"\b(?i:who) (?:was|were) $")
_ING = re.compile(r"[a-z]+ing\b")
_NOT_PLACES = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An His Her Their Its "
    "English Chinese Mandarin Person Washington's "
    # regions, not cities
    "Europe Asia Africa America Americas Oceania Arctic Antarctica Pacific Atlantic Middle "
    "Gulf Caucasus Balkans Scandinavia Siberia Parliament Congress Senate".split()
)


_FUTURE_BEFORE = re.compile(lead_guarded(r"\bwill (?:[a-z]+ ){1,2}$"))


# A venue is not a city: "talks at Joint Base Elmendorf-Richardson", "at Hyderabad House".
_VENUE_WORD = re.compile(
    lead_guarded(
    r"\b(?:Base|Palace|House|Hall|Hotel|Cent(?:er|re)|Building|Airport|Castle|Villa|Estate"
    r"|Club|Museum|Stadium|Park|Lodge|Residence|Embassy|Office|Complex)\b"))
# The city named as the talks' own, with its region: "Friday's Anchorage, Alaska talks".
_CITY_OF_TALKS = re.compile(
    rf"(?:'s|\bthe) (?P<city>{_NAME_WORD}(?: {_NAME_WORD})?), (?P<region>[A-Z][^\W\d_]+)"
    r" (?:talks|summit|meeting)\b")
# The city before the meeting word: "Varga is in Abuja for talks with Okafor", "arrived in
# Lagos to attend the summit".
# The purpose is found first (rare words), then the city just before it: "in" followed by
# a capital is everywhere, and trying the city at each one cost more than the rest.
_PURPOSE = re.compile(r" (?:for|to hold|to attend|to join) (?:[\w-]+ ){0,3}?"
                      r"(?:talks|meetings?|summit|negotiations|consultations)\b")
_IN_CITY_BEFORE = re.compile(lead_guarded(rf"\bin (?P<city>{_PLACE_NAME})(?:, [A-Z][^\W\d_]+)?$"))
# "Thailand hosted a meeting between ...": the host's capital, named anywhere, is the place.
_HOST = re.compile(r"\b(?P<host>[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)?) (?:hosted|hosts|will host)"
                   r" (?:a |the |an )?(?:[\w-]+ ){0,2}(?:meeting|talks|summit)\b")
_IN_CITY = re.compile(lead_guarded(rf"\bin (?P<city>{_NAME_WORD}(?: {_NAME_WORD})?)\b"))


def _is_country(place: str) -> bool:
    """A country, or a name that opens with one ("China Daily"), is not a city; but
    "Mexico City" and "Kuwait City" are."""
    first = place.split(" ")[0]
    return country_of(place) is not None or (
        country_of(first) is not None and not place.endswith(" City"))


def _city_of_district(place: str) -> str:
    """"Yongsan, Seoul": a district named with the capital it lies in is in that city."""
    head, _, region = place.partition(", ")
    if region and country_of_capital(region) and not country_of_capital(head):
        return region
    return place


def host_capital(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The capital of the country the story says hosted the meeting, where the story names
    it ("Thailand hosted a meeting ... their differences in Bangkok"), and the phrase."""
    window = text[start:min(end, start + 2500)]
    host = _HOST.search(window)
    if host is None or country_of(host["host"]) is None:
        return None, None
    country = country_of(host["host"])
    for m in _IN_CITY.finditer(window):
        if country_of_capital(m["city"]) == country:
            return m["city"], f"{host[0]} ... {m[0]}"
    return None, None


# "the summit held in Lima, on February 8, 2025": the place's own date, after it.
_ON_DATE_AFTER = re.compile(r",?\s+on\s+(?:\w+day,?\s+)?")
_EARLIER_DAYS = 7  # a dated place this long before the story is another meeting's


def _dated_earlier(text: str, pos: int, published: date | None) -> bool:
    """Is the place that ends at `pos` followed by its own full date, well before the story's
    ("the joint summit held in Lima, on February 8, 2025", in a story of late March)?"""
    if published is None:
        return False
    on = _ON_DATE_AFTER.match(text, pos)
    dm = DATE_RE.match(text, on.end()) if on is not None else None
    day = match_date(dm, None) if dm is not None else None
    return day is not None and day < published - timedelta(days=_EARLIER_DAYS)


def body_location(
    text: str, start: int, end: int, *, venues: bool = True, published: date | None = None
) -> tuple[str | None, str | None]:
    """The city of the meeting named in the story, and the phrase it was read from.

    A building alone ("at the White House") gives no city, and a country is not a city:
    "visited China" is passed over for "talks in Guangzhou". A place given its own date,
    well before the story's `published` date, is another meeting's."""
    window = text[start:min(end, start + 2500)]
    for m in _PLACE_AFTER_MEETING.finditer(window):
        if _BACKGROUND_BEFORE.search(window, max(0, m.start() - 30), m.start()) or (
                _WHO_WAS.search(window, max(0, m.start() - 12), m.start())
                and not _ING.match(window, m.start())):
            continue  # "who met Xi in November in San Francisco", "since their last meeting"
        key = next(k for k in ("p1", "p2", "p3", "p4", "p5", "p6") if m[k])
        if _RELATIVE.search(window, m.start(), m.start(key)):
            continue  # "talks with X, who said ... in Jerusalem": the clause is about X
        if _FUTURE_BEFORE.search(window, max(0, m.start(key) - 30), m.start(key)):
            continue  # "will travel to Lagos on Jan. 23": a visit to come
        if key == "p5" and not venues:
            continue  # "at Filoli": maybe a venue, too weak to overrule a dateline
        place = m[key]
        if key == "p3" and not country_of(m["own"]):
            place = m["own"]  # "in Beijing's Great Hall": the city owns the venue
        if _VENUE_WORD.search(place):
            continue  # a venue ("at Hyderabad House", "in White House"), not its city
        first = place.split(" ")[0].split(",")[0]
        if first in _NOT_PLACES or _is_country(place.split(",")[0]):
            continue
        if _BACKGROUND_AFTER.match(window, m.end()) or _dated_earlier(window, m.end(), published):
            continue  # "their meeting in San Francisco last November"
        phrase = " ".join(window[m.start():m.end()].split())
        if len(phrase) > 80:
            phrase = m[0].split()[0] + " ... " + " ".join(window[m.end(key) - 40:m.end()].split())
        return _city_of_district(place), phrase
    for purpose in _PURPOSE.finditer(window):
        city = _IN_CITY_BEFORE.search(window, max(0, purpose.start() - 80), purpose.start())
        if city is None:
            continue
        first = city["city"].split(" ")[0]
        if first in _NOT_PLACES or _is_country(city["city"]):
            continue
        if _BACKGROUND_BEFORE.search(window, max(0, city.start() - 30), city.start()):
            continue
        return city["city"], " ".join((city[0] + purpose[0]).split())
    for m in _CITY_OF_TALKS.finditer(window):
        if country_of(m["city"]) is None and m["city"].split()[0] not in _NOT_PLACES:
            return m["city"], " ".join(m[0].split())
    described = _described_capital(text, start, min(end, start + 1200))
    if described[0] is not None:
        return described
    return host_capital(text, start, end)


# The city named by what it is, with no name after it: "at a press conference in the
# Austrian capital", "arrived in the capital" (of the country just named).
_DESCRIBED = re.compile(r"\b(?:in|to|at) the (?:(?P<nat>[A-Z][^\W\d_]+(?:'s)?) )?capital\b"
                        r"(?! city\b)(?! [A-Z])")


def _described_capital(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The capital a phrase describes, and the phrase: "the Austrian capital" is Vienna; a
    bare "the capital" is the capital of the last country named in the 200 characters
    before it (which may lie in the standfirst above the story)."""
    for m in _DESCRIBED.finditer(text, start, end):
        if _BACKGROUND_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if m["nat"]:
            country = country_of(m["nat"])
        else:
            # (a body such as the European Council has no capital: passed over)
            before = [c for c in COUNTRY_RE.finditer(text, max(0, m.start() - 200), m.start())
                      if word_start(text, c.start()) and capital_of(country_of(c["form"]) or "")]
            country = country_of(before[-1]["form"]) if before else None
        city = capital_of(country) if country else None
        if city is not None:
            return city, " ".join(m[0].split()) + (f" ({country})" if not m["nat"] else "")
    return None, None


# Seats of government a story may name as the meeting's venue, each in one country: a
# venue names no city, but it says the meeting was not in another country's dateline city.
_SEATS: dict[str, str] = {
    "White House": "United States", "Kremlin": "Russia", "Elysee Palace": "France",
    "Elysee": "France", "\u00c9lys\u00e9e Palace": "France", "\u00c9lys\u00e9e": "France",
    "Downing Street": "United Kingdom", "Great Hall of the People": "China",
    "Zhongnanhai": "China", "Blue House": "South Korea", "Hyderabad House": "India",
    "Rashtrapati Bhavan": "India",
}
_SEAT_NAMES = "|".join(sorted(map(re.escape, _SEATS), key=len, reverse=True))
_SEAT_VENUE = re.compile(
    r"\b(?i:met|meeting|talks|summit|took place|was held|were held)\b[^.;\n]{0,80}?"
    rf"\b(?:in|at) (?:the )?(?P<seat>{_SEAT_NAMES})\b")
# "both leaders were in Kovalam, where they held talks": the city, said of this meeting.
_IN_CITY_WHERE = re.compile(
    rf"\b(?:was|were|is|are) in (?P<city>{_PLACE_NAME})(?:, [A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)?)?"
    r",? where\b[^.;\n]{0,80}?\b(?:held|hold|met|meet|talks|meeting|summit)\b")


def stated_place(text: str, start: int, end: int) -> tuple[str | None, str | None, str]:
    """Where the story says the meeting was, in so many words, anywhere in its first part:
    ("Kovalam", None, phrase) for "the leaders were in Kovalam where they held talks";
    (None, "United States", phrase) for "the meeting took place in the White House" (a seat
    of government: no city, but a country). A background meeting is passed over."""
    hi = min(end, start + 2500)
    for m in _IN_CITY_WHERE.finditer(text, start, hi):
        city = m["city"]
        if city.split(" ")[0] in _NOT_PLACES or _is_country(city) or _VENUE_WORD.search(city):
            continue
        if _BACKGROUND_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        return city, None, " ".join(m[0].split())
    for m in _SEAT_VENUE.finditer(text, start, hi):
        if _BACKGROUND_BEFORE.search(text, max(0, m.start() - 30), m.start()) or \
                _BACKGROUND_AFTER.match(text, m.end()):
            continue
        return None, _SEATS[m["seat"]], " ".join(m[0].split())
    return None, None, ""


# A meeting held over the wire has no city: "held a phone conversation", "spoke by
# telephone", "a third contact over hotline", "a video call", "a virtual summit".
_CALL = re.compile(
    r"\b(?i:(?:tele)?phone (?:call|conversation|talks?)|telephoned|(?:spoke|talked|speak|talk)"
    r" (?:by|over the|on the) (?:tele)?phone|over (?:a |the )?hotline|hotline (?:contact|call|"
    r"talks?)|video ?(?:call|link|conference)|videoconference|virtual (?:meeting|summit|talks))\b")


_CALL_WORDS = ("phone", "hotline", "video", "virtual")
_EARLIER_CALL = re.compile(r"\b(?i:after|following|since|last|previous|earlier|recent)\b"
                           r"[^.;]{0,30}$")


def is_call(text: str, start: int, end: int) -> bool:
    """Does this stretch (a headline, a lede) name the meeting as a call? Not an earlier
    call ("after a phone call last week, the two met in Geneva")."""
    low = text[start:end].lower()
    if not any(w in low for w in _CALL_WORDS):
        return False  # most ledes: no regex run at all
    return any(not _EARLIER_CALL.search(text, max(start, m.start() - 40), m.start())
               for m in _CALL.finditer(text, start, end))

