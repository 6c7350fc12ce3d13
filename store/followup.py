"""A promise whose action is the next meeting itself. Pure: no IO.

Many promises are kept by the later meeting's very existence, in words no later sentence
needs to share with them: "agreed to meet again", "will hold a summit", "agreed to resume
the dialogue", "plans to visit Ankara next spring" are kept when the pair meets again (at
that place, when a place is promised), whatever the later article calls the meeting ("held
our annual leaders' meeting", "dialogue on Saturday in Tokyo"). The promise is read by
grammar: its verb is one of meeting (hold, meet, convene, host, visit, resume, continue,
exchange) and every word of its object is a kind of meeting (talks, summit, dialogue,
visit, round, contacts) or its format (high-level, regular, annual, next, direct); a word
of any other kind ("military talks", "talks on artificial intelligence") makes it a
promise about that thing, left to the sentences that name it. Who is to meet, when the
promise says ("foreign ministers will meet"), must be told in the later meeting's opening
sentences that do not themselves promise. A promise to set up a body ("agreed to establish
a joint commission", "Establish an interim observer team") is kept by a later meeting
whose opening tells that body (its noun phrase, format words aside) met or was set up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from store.ingest.countries import count_countries, country_of, known_country

# Kinds of meeting, written out; compared by the tracker's stems, under which dialogue,
# consultations and negotiations are all talks and a meeting is what is held.
MEETING_NOUNS = """talks meeting summit round session visit contacts communication exchanges
diplomacy shuttle conference gathering dialogue consultations negotiations""".split()
MEETING_NOUNS += [w + "s" for w in MEETING_NOUNS if not w.endswith("s")]  # "meetings"
# The meeting's format and order, not what it is about.
FORMAT = """high-level high level leaders ministerial regular annual next further follow-up
follow up new direct bilateral face-to-face in-person reciprocal mutual strategic top senior
periodic frequent first second third fourth fifth date early joint summit-level state two-way
another one-on-one personal possible earliest convenient time opportunity diplomatic
respective again""".split()
# What talks "on" may be about without being about a thing: "any other outstanding issues".
VAGUE = """issues matters questions areas other outstanding mutual importance interest concern
all any relations ties bilateral cooperation common ways topics subjects""".split()
# Bodies a meeting sets up: their own meeting, later, keeps the promise.
BODIES = """commission commissions committee committees mechanism mechanisms council group
team teams taskforce force body panel channel hotline forum secretariat""".split()
# Who is to meet ("foreign ministers will meet"): to be told in the later meeting's opening.
ROLES = """minister foreign defence defense expert deputy envoy representative special chief
secretary working group prime president commission committee council mechanism delegation
negotiator""".split()


@dataclass(frozen=True)
class _Classes:
    meeting: frozenset[str]
    format: frozenset[str]
    roles: frozenset[str]
    vague: frozenset[str]
    bodies: frozenset[str]


@lru_cache(maxsize=4)
def _classes(stem_of: Callable[[str], str]) -> _Classes:
    def stems(words: list[str]) -> frozenset[str]:
        return frozenset(filter(None, map(stem_of, words)))
    return _Classes(stems(MEETING_NOUNS), stems(FORMAT), stems(ROLES), stems(VAGUE),
                    stems(BODIES))


def vague_stems(stem_of: Callable[[str], str]) -> frozenset[str]:
    """The stems of VAGUE: what talks may be "on" and still be only talks."""
    return _classes(stem_of).vague


# Months and weekdays are when, not where.
_NOT_PLACE = frozenset((
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An Their Its His Her"
).split())
_PLACE = re.compile(r"\b(?:visit(?:s|ing)?|in|to)\s+((?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+)?)")
# A sentence that promises or plans: it tells no meeting held.
# ("their fisheries plan" is a noun, and a meeting that did not discuss it was held)
_PLANS = re.compile(r"\b(?:will|would|shall|agreed|agree|plan(?:s|ned|ning)?\s+to|planned|"
                    r"expect\w*|hop\w*|intend\w*|seek\w*|to\s+be)\b",
                    re.IGNORECASE)
OPENING = 3  # how many sentences open a later meeting's article


@dataclass(frozen=True)
class MeetPromise:
    """A promise kept by a later meeting: who is to meet (stems, may be empty) and where
    (the place as written, its country when we know it; None: anywhere)."""

    roles: tuple[str, ...]  # the run of role words ("foreign", "minister"), or ()
    place: str | None = None
    country: str | None = None
    body: bool = False  # a body to set up: `roles` names it ("observer", "team")
    members: tuple[str, ...] = ()  # who the body is made of: their meeting is its own


# The promise of a meeting: a verb of meeting after a promise cue ("agreed to hold",
# "will meet", "decided to resume"), or a meeting that "will be held".
_MEET = re.compile(
    r"\b(?:to|will|would|shall)\s+(?:(?:also|soon|again|jointly|then)\s+)?"
    # "to start or resume dialogue": the verb next to its object
    r"(?:[a-z]+\s+or\s+)?"
    r"(?P<verb>hold|meet|convene|host|visit|resume|restart|continue|exchange|organi[sz]e)\b"
    r"(?P<rest>.*)", re.IGNORECASE | re.DOTALL)
# A body to set up ("agreed to establish a joint commission"): kept when the later
# meeting is the body's own, or tells it set up.
_SET_UP = re.compile(
    r"(?:^[\s\"“‘]*|\b(?:to|will|would|shall)\s+)(?:(?:also|soon|jointly|promptly|then)\s+)?"
    r"(?:establish|set\s+up|create|form|launch)\s+(?P<rest>.*)|"
    # "agreed on forming a joint commission"
    r"\b(?:agreed|agree|decided)\s+(?:on|upon)\s+(?:establishing|setting\s+up|creating|forming|"
    r"launching)\s+(?P<noun_rest>.*)", re.IGNORECASE | re.DOTALL)
# Who a body set up is made of: its meeting is theirs ("a commission comprising the foreign
# ministers and intelligence chiefs" meets when the foreign ministers meet).
_MEMBERS = re.compile(r"^\s*,?\s*(?:comprising|composed\s+of|consisting\s+of|made\s+up\s+of|"
                      r"grouping)\s+(?P<who>[^,;:.]*)", re.IGNORECASE)
_HELD = re.compile(r"(?P<subject>[^,;]*?)\b(?:will|would|shall|is\s+(?:expected|due|set|"
                   r"scheduled|planned)\s+to|are\s+(?:expected|due|set|scheduled|planned)"
                   r"\s+to)\s+(?:be\s+)?(?:held|convened|take\s+place)\b(?P<rest>.*)",
                   re.IGNORECASE | re.DOTALL)
# Where a noun phrase ends: a preposition, a conjunction, a clause, punctuation.
_NP_END = re.compile(r"\s+(?:on|about|over|regarding|concerning|for|to|with|between|among|"
                     r"in|at|by|within|during|after|before|and|or|that|which|who|as|"
                     r"from|following|under|until|soon|later|comprising|consisting|including|involving|"
                     r"led|composed|headed|chaired|tasked|charged|responsible|aimed)\b|"
                     r"[,;:.(\"“”]",
                     re.IGNORECASE)
_PP = re.compile(r"\s*(?P<prep>on|about|over|regarding|concerning|of|between|among|with|in|"
                 r"at)\s+(?P<np>[^,;:.]*?)(?=\s+(?:on|about|over|regarding|concerning|of|"
                 r"between|among|with|in|at|for|to|by|within|during|after|before|and|that|"
                 r"which|as|from|following|under|until|soon|next|this)\b|[,;:.]|$)",
                 re.IGNORECASE)
_DETERMINERS = frozenset("a an the their its his her our a new".split())
def meet_promise(text: str, stem_of: Callable[[str], str]) -> MeetPromise | None:
    """The promise read as one of meeting again, or None. `stem_of` gives a word's stem
    in the tracker's classes ("" for a stop word)."""
    held = _HELD.search(text)
    if held is not None:
        subject = _CLAUSE.split(held["subject"])[-1]
        roles = _head_is_meeting(subject, stem_of)
        if roles is not None:
            return _with_place(roles, held["rest"], stem_of)
        body = _body_meets(subject, stem_of)
        if body is not None:
            return body
    m = _MEET.search(text)
    if m is None:
        return _body(text, stem_of)
    verb, rest = m["verb"].casefold(), m["rest"]
    subject = _CLAUSE.split(text[:m.start()])[-1]
    roles = _roles(subject, stem_of)
    if verb == "visit":
        place = _place("visit " + rest)
        return MeetPromise(roles, *place) if place else None
    np_end = _NP_END.search(rest)
    np = rest[:np_end.start()] if np_end else rest
    if any(map(stem_of, _words_in(np))):
        found = _head_is_meeting(np, stem_of)
        if found is None:
            return None  # "resume military talks", "continue the ceasefire"
        roles = roles or found
    elif verb not in ("meet", "convene"):
        return None  # "to hold" what?
    return _with_place(roles, rest[len(np):], stem_of)


_CLAUSE = re.compile(r"[,;:]|\b(?:and|that|which|who|said|says)\b", re.IGNORECASE)


def _roles(text: str, stem_of: Callable[[str], str]) -> tuple[str, ...]:
    """Who is to meet, as the run of role words the text names ("foreign", "minister");
    () when it names none."""
    run: list[str] = []
    for w in map(stem_of, _words_in(text)):
        if w in _classes(stem_of).roles:
            run.append(w)
        elif run:
            break
    return tuple(run)


def _body(text: str, stem_of: Callable[[str], str]) -> MeetPromise | None:
    """A promise to set up a body, named by its noun phrase's words ("interim", "observer",
    "team"; not its format: "a joint commission" is the "commission"), or None."""
    m = _SET_UP.search(text)
    if m is None:
        return None
    rest = m["rest"] if m["rest"] is not None else m["noun_rest"]
    np_end = _NP_END.search(rest)
    np = rest[:np_end.start()] if np_end else rest
    cls = _classes(stem_of)
    words = tuple(w for w in map(stem_of, _words_in(np)) if w and w not in cls.format)
    if not words or words[-1] not in cls.bodies:
        return None
    members = _MEMBERS.match(rest[len(np):])
    return MeetPromise(words, body=True,
                       members=_roles(members["who"], stem_of) if members else ())


def _body_meets(subject: str, stem_of: Callable[[str], str]) -> MeetPromise | None:
    """A meeting of a body to be held ("the first joint meeting of the border commissions
    will take place"): kept by a later meeting whose opening tells the body met, named by
    its head ("the commissions"); None when the subject is no such meeting."""
    head, of, body = subject.partition(" of ")
    if not of or _head_is_meeting(head, stem_of) is None:
        return None
    cls = _classes(stem_of)
    np_end = _NP_END.search(body)
    words = [w for w in map(stem_of, _words_in(body[:np_end.start()] if np_end else body))
             if w]
    if not words or words[-1] not in cls.bodies:
        return None
    return MeetPromise((words[-1],), body=True)


def _words_in(text: str) -> list[str]:
    # not the tail of a number: "the 13th annual consultations" is their order, not a word
    return re.findall(r"(?<![\w'-])[^\W\d_][\w'-]*", text)


def _head_is_meeting(np: str, stem_of: Callable[[str], str]) -> tuple[str, ...] | None:
    """The roles named in a noun phrase whose head is a kind of meeting and whose other
    words are its kind, format or who meets ("their next meeting", "the high-level
    dialogue", "meetings between foreign ministers"); None when it is not one."""
    head_np = _NP_END.split(np.strip(), maxsplit=1)[0]
    words = [w for w in map(stem_of, _words_in(head_np)) if w]
    cls = _classes(stem_of)
    if not words or words[-1] not in cls.meeting:
        return None
    if any(w not in cls.meeting and w not in cls.format and w not in cls.roles
           for w in words):
        return None
    roles = _roles(head_np, stem_of)
    for pp in _PP.finditer(np[len(head_np):]):
        more = [w for w in map(stem_of, _words_in(pp["np"])) if w]
        prep = pp["prep"].casefold()
        if prep in ("between", "among", "of", "with"):
            roles = roles or _roles(pp["np"], stem_of)
            if prep == "of" and any(w not in cls.format and w not in cls.roles and
                                    w not in cls.meeting and w not in cls.vague
                                    for w in more):
                return None  # "a meeting of the border commission" is the commission's
        elif prep in ("on", "about", "over", "regarding", "concerning"):
            if any(w not in cls.vague for w in more):
                return None  # talks about a thing: the sentences that name it decide
    return roles


def _with_place(roles: tuple[str, ...], rest: str, stem_of: Callable[[str], str]
                ) -> MeetPromise | None:
    """The promise with the place its words after the meeting name, if any; None when
    what follows says what the meeting is about."""
    for pp in _PP.finditer(rest):
        prep = pp["prep"].casefold()
        more = [w for w in map(stem_of, _words_in(pp["np"])) if w]
        if prep in ("on", "about", "over", "regarding", "concerning") and \
                any(w not in _classes(stem_of).vague for w in more):
            return None
        if prep in ("between", "among", "of", "with"):
            roles = roles or _roles(pp["np"], stem_of)
    place = _place(rest)
    return MeetPromise(roles, *place) if place else MeetPromise(roles)


def _place(text: str) -> tuple[str, str | None] | None:
    for m in _PLACE.finditer(text):
        place = m[1].rstrip(".,")
        if place.split()[0] in _NOT_PLACE:
            continue
        first = place.split()[0]
        if country_of(first) and not known_country(first):
            continue  # "Greek islands": an adjective, not the place
        countries = count_countries(place)
        return place, (countries.most_common(1)[0][0] if countries else None)
    return None


def at_place(p: MeetPromise, location: str | None) -> bool:
    """Is a meeting at `location` where the promise said (anywhere when it named no place)?"""
    if p.place is None:
        return True
    if not location:
        return False
    if p.place.casefold() in location.casefold():
        return True
    if p.country is None:
        return False
    there = count_countries(location)
    return bool(there) and there.most_common(1)[0][0] == p.country


def _has_run(run: tuple[str, ...], stems: Sequence[str]) -> bool:
    n = len(run)
    return any(tuple(stems[i:i + n]) == run for i in range(len(stems) - n + 1))


@dataclass(frozen=True)
class Opened:
    """One opening sentence of a later meeting, read once for every promise."""

    sentence: str
    stems: tuple[str, ...]
    told: bool  # it tells rather than plans ("will", "agreed", "expected", "to be")


def read_opening(sentences: Sequence[str], stem_of: Callable[[str], str]) -> list[Opened]:
    """The first OPENING sentences of a later meeting, each with its stems."""
    return [Opened(s, tuple(stem_of(w) for w in _words_in(s)), not _PLANS.search(s))
            for s in sentences[:OPENING]]


def kept_by(p: MeetPromise, location: str | None, opening: Sequence[Opened],
            stem_of: Callable[[str], str]) -> str:
    """The opening sentence of a later meeting that shows the promised meeting held ("" if
    none does): the meeting is at the promised place; a sentence that tells rather than
    plans names a meeting, and who was to meet (or the body, in the same sentence)."""
    if not opening or not at_place(p, location):
        return ""
    meeting = _classes(stem_of).meeting
    if p.body:
        # one sentence that tells the body met or set up ("the inaugural meeting of the
        # Joint Commission", "the mechanism was held", "the team was established")
        established = stem_of("established")
        for o in opening:
            if o.told and _has_run(p.roles, o.stems) and (
                    not meeting.isdisjoint(o.stems) or established in o.stems):
                return o.sentence
        if not p.members:
            return ""
        # or its members met ("the foreign ministers ... concluded a meeting")
        p = MeetPromise(p.members, p.place, p.country)
    if p.roles and not any(o.told and _has_run(p.roles, o.stems) for o in opening):
        return ""
    for o in opening:
        if o.told and not meeting.isdisjoint(o.stems):
            return o.sentence
    return ""  # no opening sentence tells a meeting held: prefer open to a guess
