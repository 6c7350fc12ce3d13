"""Stage 4: who the article names, their countries, and every later mention.

One pass over the body in text order. Each paragraph yields candidate events
(person names, bodies such as "the foreign ministry", anonymous officials,
"the secretary"-style aliases, countries used as speakers, pronouns); the
events are then resolved in order, so a surname or pronoun always resolves
against what the reader has seen so far, as a reader would.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from store.ingest import officials as off
from store.ingest.bodies import BodyHit, find_bodies
from store.ingest.countries import (
    NATIONALITY_PATTERN,
    count_countries,
    country_of,
    country_of_capital,
)
from store.ingest.names import bare, canonical_name, name_runs, spelling_key, surname_of
from store.ingest.types import ActorTable, Mention, Para, Sentence
from store.ingest.wordtrie import trie_pattern
from store.models import Actor

_NAT = NATIONALITY_PATTERN
# Hyphens split words here: "Vice-Premier" is the title "vice premier".
_WORD_TOKEN = re.compile(r"[^\W\d_][\w.']*|\d[\w.]*|,")
_MODIFIER_WORDS = frozenset(
    "new former then chief top senior outgoing incoming newly appointed the his her their its a an "
    "current incumbent".split()
)
_ROLE_PREFIX = frozenset({"deputy", "vice", "acting", "assistant"})
_ROLE_QUALIFIERS = frozenset({"foreign", "ministry", "defense", "defence", "state", "department",
                              "white", "house", "party", "military", "pentagon", "national",
                              "security", "press", "chief"})
# Titles indexed by their last word, so the backward match tries only a few.
_ROLES_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _r in sorted({tuple(r.split()) for r in off.ROLE_WORDS}, key=len, reverse=True):
    _ROLES_BY_LAST.setdefault(_r[-1], []).append(_r)


@dataclass(frozen=True, slots=True)
class _Title:
    role: str
    nat: str | None


def _role_ending_at(low: list[str], end: int) -> int:
    """Start index of a title whose last token is low[end-1], else -1."""
    if end <= 0:
        return -1
    for tup in _ROLES_BY_LAST.get(low[end - 1], ()):
        n = len(tup)
        if n <= end and tuple(low[end - n:end]) == tup:
            return end - n
    return -1


def _title_before(window: str) -> _Title | None:
    """The title a name follows: "U.S. Secretary of State ", "his Chinese counterpart ",
    "China's minister of public security, ", "foreign ministry spokesperson ".

    Read backwards over the words (no regex search anchored at the end: that
    would retry a long alternation at every position of the window).
    """
    # A title is a few words long: the last sixteen tokens hold any we know.
    toks = _WORD_TOKEN.findall(window)[-16:]
    end = len(toks)
    if end and toks[end - 1] == ",":
        end -= 1
    low = [t.lower() for t in toks]
    start = _role_ending_at(low, end)
    role_end = end
    if start < 0:
        # "spokesperson for the foreign ministry", "minister of public security"
        for k in range(end - 1, max(0, end - 7), -1):
            if low[k] == ",":
                break
            if low[k] in ("of", "for", "to") and k > 0:
                start = _role_ending_at(low, k)
                if start >= 0:
                    role_end = end
                    break
    if start < 0:
        return None
    role_tokens_start = start
    while role_tokens_start > 0 and low[role_tokens_start - 1] in _ROLE_PREFIX:
        role_tokens_start -= 1
    role = " ".join(toks[role_tokens_start:role_end])
    # "Foreign Minister Prince Faisal": a title before a courtesy title is the office.
    outer = _role_ending_at(low, role_tokens_start)
    if outer >= 0 and low[role_tokens_start] in ("prince", "princess", "sheikh", "dr.", "dr"):
        role = " ".join(toks[outer:role_tokens_start])
        role_tokens_start = outer
    j = role_tokens_start
    while j > 0 and low[j - 1] in _ROLE_QUALIFIERS:
        j -= 1
    while j > 0 and low[j - 1] in _MODIFIER_WORDS:
        j -= 1
    if "former" in low[j:role_tokens_start] or (j > 0 and low[j - 1] == "former"):
        role = "former " + role  # "former President Jair Bolsonaro" is not "the president"
    nat = None
    qualifiers = " ".join(low[j:role_tokens_start])
    if any(q in qualifiers for q in ("state department", "white house", "pentagon")):
        nat = "U.S."
    elif j > 0 and country_of(toks[j - 1]):
        nat = toks[j - 1]
    elif j > 0 and toks[j - 1].endswith("'s") and country_of_capital(toks[j - 1]):
        # "Pristina's PM Albin Kurti": a capital stands for its government.
        nat = country_of_capital(toks[j - 1])
        # "the United States'" / "U.S." are single tokens; "United States" two.
    elif j > 1 and country_of(toks[j - 2] + " " + toks[j - 1]):
        nat = toks[j - 2] + " " + toks[j - 1]
    if nat is None and role_end > start:
        # "spokesperson for the Chinese Embassy in Manila": the nationality is in the tail.
        nat = next((t for t in toks[start:role_end] if country_of(t)), None)
    return _Title(role, nat)


# An appositive after a name: ", China's top diplomat," / ", a foreign ministry spokeswoman".
_TITLE_AFTER = re.compile(
    # Free words before the title only after an article or a nationality
    # (", the White House's national security spokesperson"): ", standing beside a
    # leader" is a participle clause, not an appositive.
    rf"\s*,\s*(?:(?:(?i:the|a|an|his|her|its)\s+(?:(?P<nat>{_NAT})\s+)?|(?P<nat2>{_NAT})\s+)"
    rf"(?:[\w'-]+\s+){{0,4}}?)?(?P<role>(?i:{off.ROLE_PATTERN}))\b"
)
_SPEECH_NEAR = re.compile(
    r"\s*(?:,[^,]{0,100},\s*)?(?:also\s+|later\s+|has\s+|had\s+)?"
    r"(?:said|says|told|tells|added|warned|urged|stressed|noted|wrote|asked|replied|insisted)\b"
)
# A subject followed by its verb: "Biden answered", "Xi also told", "Wang, 70, said".
_VERB_AFTER = re.compile(
    r"(?:,[^,\"]{1,40},)?\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|on\s+\w+day\s+)?"
    r"(?:said|says|told|tells|answered|replied|added|warned|urged|stressed|insisted|asked|noted|"
    r"argued|responded|wrote|met|meets|received|hosted|greeted|visited|raised|pressed|called)\b"
)
_OF_COUNTRY = re.compile(rf"\s+of\s+(?:the\s+)?(?P<nat>{_NAT})(?![\w-])")
# A subject pronoun's verb and object: "he thanked Xi for", "she told Wang that".
_PRONOUN_OBJECT = re.compile(
    r"\s+(?:also\s+|then\s+|later\s+|warmly\s+)?(?:thanked|thanks|told|tells|urged|warned|"
    r"asked|assured|invited|congratulated|praised|welcomed|reminded|pressed|greeted|"
    r"replied\s+to|responded\s+to|answered)\s+(?P<obj>[^.,;:\"]{1,60})")
# A sentence that opens as a reply: "In response, he", "Replying to Wang's remarks, he".
_REPLY_OPENING = re.compile(
    r"\W*(?:[Ii]n\s+(?:response|reply)|[Rr]eplying|[Rr]esponding|[Aa]nswering)\b"
    r"(?:\s+to\s+(?P<to>[^,]{1,80}))?[^\"]*$")
# "the latter emphasised": the one of two just named; not "the former president".
_LATTER_RE = re.compile(
    rf"\b[Tt]he\s+(?P<which>latter|former)\b(?!\s+(?i:{off.ROLE_PATTERN})\b)(?!\s+[A-Z])"
    r"(?!\s+(?:top|chief|senior|deputy|vice|head|leader|official|prime)\b)")
# Bodies that issue statements and readouts (keys of `bodies.BodyHit`).
_ISSUERS = frozenset("ministry department whitehouse kremlin office pentagon downing elysee "
                     "bluehouse media embassy".split())
_CAP_WORD = re.compile(r"[A-Z][\w'-]+")
_LISTED = re.compile(r",?\s+and\s+|,\s+")
_SAID_BEFORE = re.compile(r"(?:said|says|told|added|according\s+to)\s*$")
_FORMER = re.compile(r"(?i:former|late|then)\s+[^,.;]{0,40}$")
# Literal first (fast scan); matches inside words ("the", "ashe") are skipped by hand.
_PRONOUN_RE = re.compile(r"[HhSs](?:e|is|er|im|he)\b")
_PRONOUNS = frozenset("he she his her him He She His Her Him".split())
# "the secretary", "the Chinese leader", "the U.S. president"
# No leading \b (it keeps the engine from skipping ahead to a "T"/"t"); matches
# inside a word ("bathe") are dropped by hand where the pattern is scanned.
_ALIAS_RE = re.compile(
    rf"[Tt]he\s+(?:(?P<nat>{_NAT})\s+)?(?:(?i:top|chief|senior|vice)\s+)?"
    # "the Treasury chief", "the Pentagon boss": an office's head by the office's name.
    r"(?P<role>(?i:(?:treasury|defen[cs]e|commerce|trade|foreign|finance|pentagon|"
    r"state\s+department)\s+(?:chief|head|boss)|"
    r"secretary(?:\s+of\s+state)?|president|premier|prime\s+minister|PM|leader|"
    r"foreign\s+minister|defen[cs]e\s+minister|minister|diplomat|admiral|general|ambassador|"
    r"envoy|spokesperson|spokesman|spokeswoman|adviser|chancellor|taoiseach|emir|king|"
    r"crown\s+prince))\b(?!\s+of\b)"
)
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
_BACKGROUND_CUE = re.compile(r"\b(?:who|last|previously|first|when|since|had)\s+(?:met|visited)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|outside)\s+$")
_OTHER_TIME = re.compile(r"\b(?:when|since|until|before)\b")
# "a commitment Biden and Xi made at their meeting in November": an earlier one.
_PAST_MEETING = re.compile(
    r"\b(?:made|reached|struck|agreed|announced)\s+(?:at|during)\s+(?:their|the|a)\s+"
    r"(?:\w+\s+)?$|\b(?:their|the)\s+(?:last|previous|earlier|first)\s+$"
    # "called for a tougher line after the talks": a comment on the meeting.
    r"|\b(?:after|following)\s+(?:the|their|this)\s+(?:\w+\s+)?$"
    # "called the meeting 'a wasted chance'": the meeting is what they talk about.
    r"|\b(?:called|described|hailed|praised|critici[sz]ed|dismissed|condemned)\s+"
    r"(?:the|their|this)\s+(?:\w+\s+)?$")
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
_HEAD_ROLES = ("president", "leader", "premier", "prime minister", "chairman", "chancellor")


@dataclass(slots=True)
class _Person:
    index: int
    surname: str
    given: str
    gender: str | None
    role: str


@dataclass(slots=True)
class _State:
    """What a reader knows at a point of the article."""

    table: ActorTable = field(default_factory=ActorTable)
    by_name: dict[str, int] = field(default_factory=dict)
    persons: dict[int, _Person] = field(default_factory=dict)
    last_seen: dict[int, int] = field(default_factory=dict)  # actor -> order of last mention
    clock: int = 0
    last_body: dict[str, int] = field(default_factory=dict)  # kind key ("ministry") -> actor
    by_surname: dict[str, list[int]] = field(default_factory=dict)
    by_given: dict[str, list[int]] = field(default_factory=dict)  # first given name -> people

    def touch(self, actor: int) -> None:
        self.clock += 1
        self.last_seen[actor] = self.clock

    def add_mention(self, start: int, end: int, actor: int) -> None:
        self.table.mentions.append(Mention(start, end, actor))
        self.touch(actor)


@dataclass(frozen=True, slots=True)
class _Event:
    start: int
    end: int
    kind: str  # "name" | "body" | "alias" | "pronoun"
    priority: int
    payload: object = None


def _person(state: _State, name: str, role: str, country: str | None,
            gender: str | None, tokens: list[str]) -> int:
    """The actor index for a person, creating it or filling in what was missing."""
    known = off.known(name, spelling_key(name))
    if known is not None:
        # The article's own spelling of a listed name stays ("Sergey Lavrov" where
        # the list has "Sergei"); a shorter or fuller form takes the list's.
        if spelling_key(known.name) != spelling_key(name):
            name = known.name
        if role.lower() in ("counterpart", "leader", "top diplomat", "chief diplomat"):
            role = known.role  # the office is more useful than how the article put it
        role = role or known.role
        country = country or known.country
        gender = gender or known.gender
        tokens = name.split()
    key = spelling_key(name)
    idx = state.by_name.get(key)
    surname, given = surname_of(tokens)
    skey = spelling_key(surname)
    if idx is None and len(tokens) > 1 and skey in state.by_name:
        # "Kirby, the spokesman, said ..." then "John Kirby": one person, now named in full.
        idx = state.by_name[skey]
        if idx in state.persons and state.persons[idx].given == "":
            actor = state.table.actors[idx]
            actor.name = name
            actor.aliases = [surname]
            state.by_name[key] = idx
            state.persons[idx].given = given
            if given:
                state.by_given.setdefault(spelling_key(given.split()[0]), []).append(idx)
        else:
            idx = None
    if idx is None:
        if gender is None and len(tokens) > 1:
            gender = off.given_name_gender(tokens[0])
        idx = len(state.table.actors)
        aliases = [surname] if surname != name else []
        state.table.actors.append(Actor(name=name, role=role, country=country, aliases=aliases))
        state.by_name[key] = idx
        state.persons[idx] = _Person(idx, surname, given, gender, role)
        state.by_surname.setdefault(skey, []).append(idx)
        if given:
            state.by_given.setdefault(spelling_key(given.split()[0]), []).append(idx)
        return idx
    if idx not in state.persons:
        return idx
    actor = state.table.actors[idx]
    if role and not actor.role:
        actor.role = role
        state.persons[idx].role = role
    if country and not actor.country:
        actor.country = country
    if gender and state.persons[idx].gender is None:
        state.persons[idx].gender = gender
    return idx


def _body(state: _State, hit: BodyHit) -> int:
    idx = state.by_name.get(hit.name)
    if idx is None:
        idx = len(state.table.actors)
        state.table.actors.append(Actor(name=hit.name, country=hit.country, kind="body"))
        state.by_name[hit.name] = idx
    if hit.key:
        state.last_body[hit.key] = idx
    return idx


def _recent(state: _State, candidates: list[int]) -> int | None:
    if not candidates:
        return None
    return max(candidates, key=lambda i: state.last_seen.get(i, 0))


def _by_surname(state: _State, surname: str) -> int | None:
    return _recent(state, state.by_surname.get(spelling_key(bare(surname)), []))


def _by_given_name(state: _State, word: str) -> int | None:
    """The one person whose full name opens with `word` ("Abiy" for "Abiy Ahmed")."""
    hits = state.by_given.get(spelling_key(word), [])
    return hits[0] if len(hits) == 1 else None


def _known_by_surname(surname: str) -> off.Official | None:
    """The best-known official with this surname; the table lists the likeliest first."""
    surname = bare(surname)
    return off.BY_SURNAME.get(surname) or off.BY_SURNAME.get(surname.removeprefix("al-"))


def _name_events(text: str, start: int, end: int) -> list[_Event]:
    return [_Event(s, e, "name", 2, words) for s, e, words in name_runs(text, start, end)]


def _sentence_bounds(p: Para) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in p.sentences] or [(p.start, p.end)]


def _in_quotes(text: str, sent_start: int, pos: int) -> bool:
    return text.count('"', sent_start, pos) % 2 == 1


class _Resolver:
    """Walks the events of the article in order and resolves each to an actor."""

    def __init__(self, text: str, default_country: str | None) -> None:
        self.text = text
        self.state = _State()
        self.default_country = default_country
        # Person mentions of each sentence outside quotes, in order: the subject is the first.
        self.prev_subjects: list[int] = []
        self.cur_subjects: list[int] = []
        self.verb_subjects = 0  # how many of cur_subjects were followed by their verb
        self.sent_start = 0
        self.last_person_end = -1  # end of the last full person name resolved
        # Surname key -> the one full name the article gives it anywhere (see `full_names`).
        self.full_names: dict[str, list[str]] = {}

    # -- people -------------------------------------------------------------
    def name(self, ev: _Event, para: Para) -> int | None:
        words: list[str] = ev.payload  # type: ignore[assignment]
        text, st = self.text, self.state
        lo = max(para.start, ev.start - 110)
        before = text[lo:ev.start]
        after = text[ev.end:min(para.end, ev.end + 90)]
        title = _title_before(before)
        appos = _TITLE_AFTER.match(after) if title is None else None
        role = ""
        nat = None
        if title is not None:
            role, nat = title.role, title.nat
        elif appos is not None:
            role, nat = appos["role"], appos["nat"] or appos["nat2"]
            if nat is None and re.search(r"White House|State Department|Pentagon", appos[0]):
                nat = "U.S."
        role = " ".join(role.split())
        if off.is_honorific(role):
            role = ""
        if role.lower().endswith("counterpart") and self.cur_subjects:
            # "Trump met his Chinese counterpart, Xi Jinping": a president's counterpart
            # is a president, so "the Chinese president" later finds him.
            theirs = st.persons[self.cur_subjects[0]].role
            # Only an office every country has: a Chinese counterpart of a secretary
            # of state is a foreign minister, not a secretary of state.
            if (theirs and off.role_country(theirs) is None and "secretary" not in theirs.lower()
                    and "counterpart" not in theirs.lower() and not off.is_honorific(theirs)):
                role = theirs
        country = country_of(nat) if nat else None
        if country is None and (title is not None or appos is not None):
            # "Foreign Minister Lena Varga of Hungary": the country after the name.
            of = _OF_COUNTRY.match(text, ev.end)
            country = country_of(of["nat"]) if of else None
        if country is None and role:
            country = off.role_country(role)
        gender = off.role_gender(title.role if title else appos["role"] if appos else "")

        if len(words) == 1:
            titled = title is not None or appos is not None
            return self._single(ev, words[0], role, country, gender, titled, para, title)

        full = canonical_name(words)
        # Two capitalised words are a person only with some evidence: a title, an
        # appositive, a speech verb, the table of known officials, or an earlier mention.
        key = spelling_key(full)
        known = off.known(full, key) or off.BY_NAME.get(" ".join(words))
        accepted = (
            known is not None
            or key in st.by_name
            or title is not None
            or appos is not None
            or _SPEECH_NEAR.match(text, ev.end) is not None
            or _SAID_BEFORE.search(text, max(para.start, ev.start - 20), ev.start) is not None
            # "Marco Rubio and Steve Witkoff": a name listed with a person is a person.
            or (self.last_person_end >= para.start
                and _LISTED.fullmatch(text, self.last_person_end, ev.start) is not None)
        )
        if not accepted:
            return None  # "Taylor Swift", "Second Thomas": no evidence of an actor here
        if key in st.by_name and not role:
            idx = st.by_name[key]
        else:
            idx = _person(st, full, role, country or self._guess_country(words), gender, words)
        self.last_person_end = ev.end
        return idx

    def _guess_country(self, words: list[str]) -> str | None:
        if off.family_name_first(words) and words[0] in off.KOREAN_SURNAMES and (
            len(words) == 3 or words[0] not in off.CHINESE_SURNAMES
        ):
            # Korean order; the South is the one whose officials travel to summits.
            return "South Korea" if self.default_country in (None, "China", "Japan",
                                                              "United States") \
                else self.default_country
        if off.family_name_first(words):
            return "China" if self.default_country in (None, "China") else self.default_country
        return None

    def _single(self, ev: _Event, word: str, role: str, country: str | None,
                gender: str | None, titled: bool, para: Para,
                title: _Title | None = None) -> int | None:
        st = self.state
        # "He" opening a sentence is the pronoun, not Vice Premier He.
        if word == "He" and not titled:
            sentence_initial = self.text[max(para.start, ev.start - 3):ev.start].strip() in (
                "", '"', "(", "-") or ev.start == self.sent_start
            if sentence_initial:
                return None
        idx = _by_surname(st, word)
        if idx is not None:
            return idx
        idx = _by_given_name(st, word)
        if idx is not None:
            return idx  # "PM Abiy" after "Abiy Ahmed": named by the given name
        known = _known_by_surname(word)
        if known is not None and not titled and (
            word == "He" or _PLACE_BEFORE.search(self.text, max(para.start, ev.start - 8),
                                                 ev.start)
        ):
            known = None  # "in Austin, Texas" is a city, not the defense secretary
        if known is not None:
            return _person(st, known.name, role or known.role, country or known.country,
                           gender or known.gender, known.name.split())
        later = self.full_names.get(spelling_key(bare(word)))
        if later is not None and (titled or _VERB_AFTER.match(self.text, ev.end)
                                  or _SPEECH_NEAR.match(self.text, ev.end)):
            # "Albanese said ..." where the article spells out "Anthony Albanese" only
            # further down: the reader of the whole article knows who that is.
            return _person(st, canonical_name(later), role, country, gender, later)
        if titled and role and not off.is_honorific(role):
            return _person(st, word, role, country, gender, [word])
        if titled and not role and (title is not None and off.is_honorific(title.role)):
            # "Mr. Scholz": a form of address is evidence enough of a person.
            return _person(st, word, "", country, gender or off.role_gender(title.role),
                           [word])
        return None

    def pronoun(self, ev: _Event, sent_start: int) -> int | None:
        word = self.text[ev.start:ev.end].lower()
        want = "f" if word in ("she", "her") else "m"
        st = self.state

        def ok(i: int) -> bool:
            p = st.persons.get(i)
            return p is not None and p.gender in (None, want)

        def strict(i: int) -> bool:
            p = st.persons.get(i)
            return p is not None and p.gender == want

        inside = _in_quotes(self.text, sent_start, ev.start)
        if inside:
            return None  # "he" inside a quotation is the speaker's, not the narrator's
        others = self._not_this_one(ev, sent_start) if word in ("he", "she") else set()
        # Most officials in this copy are men, so "he" accepts anyone not known to be a
        # woman; "she" looks for a known woman first.
        tests = (strict, ok) if want == "f" else (ok,)
        for test in tests:
            for pool in (self.cur_subjects, self.prev_subjects):
                for i in pool:
                    if test(i) and i not in others:
                        return i
            cands = [i for i in st.persons if test(i) and i not in others]
            if cands:
                return _recent(st, cands)
        return None

    def _not_this_one(self, ev: _Event, sent_start: int) -> set[int]:
        """People a subject pronoun cannot be, by what the sentence says of them.

        "He thanked Xi for the welcome": not Xi (the guest thanks the host).
        "In response, he said" / "Replying to Wang, she said": not the one answered,
        by default the subject of the sentence before.
        """
        st, text = self.state, self.text
        out: set[int] = set()
        obj = _PRONOUN_OBJECT.match(text, ev.end)
        if obj is not None:
            out |= self._named_in(obj["obj"])
        # Bounded: a reply opens a sentence, a pronoun far into one is not its subject.
        reply = (_REPLY_OPENING.match(text, sent_start, ev.start)
                 if ev.start - sent_start < 200 else None)
        if reply is not None:
            named = self._named_in(reply["to"] or "")
            out |= named or set(self.prev_subjects[:1])
        # Never leave no one: the exclusion only ranks, it cannot empty the article.
        return out if len(out) < len(st.persons) else set()

    def _named_in(self, phrase: str) -> set[int]:
        st = self.state
        out: set[int] = set()
        for w in _CAP_WORD.findall(phrase):
            out.update(st.by_surname.get(spelling_key(bare(w)), ()))
        return out

    def latter(self, which: str) -> int | None:
        """"the latter" / "the former": the last or the one before of the two people
        named most recently."""
        st = self.state
        seen: list[int] = []
        for m in reversed(st.table.mentions[-12:]):
            if m.actor in st.persons and m.actor not in seen:
                seen.append(m.actor)
            if len(seen) == 2:
                break
        if which == "latter":
            return seen[0] if seen else None
        return seen[1] if len(seen) == 2 else None

    def alias(self, ev: _Event) -> int | None:
        m = _ALIAS_RE.match(self.text, ev.start, ev.end)
        if m is None:
            return None
        role = " ".join(m["role"].lower().split())
        role = "prime minister" if role == "pm" else role
        country = country_of(m["nat"]) if m["nat"] else None
        st = self.state

        # "the president" with no nationality is the U.S. president when one is named.
        us_president = role == "president" and country is None and any(
            "president" in p.role.lower() and "vice" not in p.role.lower()
            and st.table.actors[p.index].country == "United States"
            for p in st.persons.values()
        )

        def fits(p: _Person) -> bool:
            actor = st.table.actors[p.index]
            r = p.role.lower()
            r = "prime minister" if r == "pm" else r
            if r.startswith("former"):
                return False
            if country and actor.country != country:
                return False
            if role.endswith(("chief", "head", "boss")):
                office = role.rsplit(" ", 1)[0]
                office = {"pentagon": "defense", "state department": "secretary of state",
                          "defence": "defense"}.get(office, office)
                return office in r.replace("defence", "defense") and "deputy" not in r
            if role == "leader":
                return any(h in r for h in _HEAD_ROLES) or "leader" in r
            if role == "diplomat":
                return "diplomat" in r or "foreign minister" in r
            if role == "secretary of state":
                return "secretary of state" in r
            if role == "secretary":
                return "secretary" in r and "general" not in r
            if role == "president":
                return "president" in r and "vice" not in r and (
                    country is not None or not us_president or actor.country == "United States"
                )
            return role in r

        idx = _recent(st, [i for i, p in st.persons.items() if fits(p)])
        if idx is None and country is not None:
            # "the South African president" after a "President Cyril Ramaphosa" whose
            # country the text had not said: the alias tells it.
            country_asked, country = country, None
            idx = _recent(st, [i for i, p in st.persons.items()
                               if st.table.actors[i].country is None and fits(p)])
            if idx is not None:
                st.table.actors[idx].country = country_asked
        if idx is not None:
            # Keep "the secretary" as an alias: the store and the review screen show it.
            alias = " ".join(m.group(0).lower().split())
            actor = st.table.actors[idx]
            if alias not in actor.aliases:
                actor.aliases.append(alias)
        return idx

    # -- walk ---------------------------------------------------------------
    def run(self, paras: list[Para], events: list[list[_Event]]) -> None:
        st = self.state
        for para, evs in zip(paras, events, strict=True):
            bounds = _sentence_bounds(para)
            b = 0
            self.sent_start = bounds[0][0]
            for ev in evs:
                while b + 1 < len(bounds) and ev.start >= bounds[b + 1][0]:
                    b += 1
                    if self.cur_subjects:
                        self.prev_subjects = self.cur_subjects
                    self.cur_subjects = []
                    self.verb_subjects = 0
                self.sent_start = bounds[b][0]
                idx: int | None
                if ev.kind == "name":
                    idx = self.name(ev, para)
                    if idx is None and self.text[ev.start:ev.end] == "He":
                        idx = self.pronoun(ev, self.sent_start)
                        ev = _Event(ev.start, ev.end, "pronoun", 0)
                elif ev.kind == "pronoun":
                    idx = self.pronoun(ev, self.sent_start)
                elif ev.kind == "alias":
                    idx = self.alias(ev)
                elif ev.kind == "latter":
                    idx = self.latter(str(ev.payload))
                else:
                    hit: BodyHit = ev.payload  # type: ignore[assignment]
                    if hit.name == "" and hit.key == "*":
                        # "the statement": the last office named issued it.
                        idx = _recent(st, [i for k, i in st.last_body.items()
                                           if k in _ISSUERS])
                    elif hit.name == "" and hit.key:
                        idx = st.last_body.get(hit.key)  # "the ministry"
                    else:
                        idx = _body(st, hit)
                if idx is None:
                    continue
                st.add_mention(ev.start, ev.end, idx)
                if (idx in st.persons and ev.kind != "pronoun"
                        and self.text[ev.end:ev.end + 1] != "'"  # "Kishida's successor"
                        and not _in_quotes(self.text, self.sent_start, ev.start)
                        and idx not in self.cur_subjects):
                    if _VERB_AFTER.match(self.text, ev.end):
                        # "Asked about Xi, Biden answered": the one doing the
                        # verb is the subject, not the first name of the sentence.
                        self.cur_subjects.insert(self.verb_subjects, idx)
                        self.verb_subjects += 1
                    else:
                        self.cur_subjects.append(idx)
                elif (ev.kind == "pronoun" and idx not in self.cur_subjects
                      and self.text[ev.start:ev.end].lower() in ("he", "she")
                      and _PRONOUN_OBJECT.match(self.text, ev.end)):
                    # "He thanked Mwangi for the welcome.": the pronoun is the subject
                    # the next "he" continues, not the person thanked.
                    self.cur_subjects.insert(self.verb_subjects, idx)
                    self.verb_subjects += 1
            if self.cur_subjects:
                self.prev_subjects = self.cur_subjects
            self.cur_subjects = []
            self.verb_subjects = 0


def _select(events: list[_Event]) -> list[_Event]:
    """Non-overlapping events, higher priority and longer first on a tie of position."""
    events.sort(key=lambda e: (e.start, -e.priority, -(e.end - e.start)))
    out: list[_Event] = []
    for ev in events:
        if out and ev.start < out[-1].end:
            if ev.priority > out[-1].priority:
                out[-1] = ev
            continue
        out.append(ev)
    return out


def _paragraph_events(text: str, p: Para, hits: list[BodyHit]) -> list[_Event]:
    evs: list[_Event] = _name_events(text, p.start, p.end)
    for hit in hits:
        evs.append(_Event(hit.start, hit.end, "body", 3, hit))
    name_starts = sorted(e.start for e in evs if e.kind == "name")
    for m in _ALIAS_RE.finditer(text, p.start, p.end):
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        # "the Chinese foreign minister, Wang Yi": the title introduces the name after it.
        k = bisect_left(name_starts, m.end())
        if k == len(name_starts) or name_starts[k] > m.end() + 3:
            evs.append(_Event(m.start(), m.end(), "alias", 1))
    if "the latter" in text[p.start:p.end].lower() or "the former" in text[p.start:p.end].lower():
        for m in _LATTER_RE.finditer(text, p.start, p.end):
            evs.append(_Event(m.start(), m.end(), "latter", 1, m["which"].lower()))
    for m in _PRONOUN_RE.finditer(text, p.start, p.end):
        if m.group(0) in _PRONOUNS and (m.start() == 0 or not text[m.start() - 1].isalnum()):
            evs.append(_Event(m.start(), m.end(), "pronoun", 0))
    return _select(evs)


def _participants(text: str, paras: list[Para], table: ActorTable) -> list[int]:
    """People named in sentences about the meeting itself, in order of first mention."""
    out: list[int] = []
    mentions = table.mentions
    mi = 0
    for p in paras:
        for s in _sentence_bounds(p):
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
                if _in_quotes(text, s[0], m.start):
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


def find_actors(text: str, paras: list[Para]) -> ActorTable:
    """Actors with canonical names, roles, countries; mentions incl. surnames/pronouns."""
    body = "\n".join(text[p.start:p.end] for p in paras)
    default = _default_country(body)
    # Bodies per paragraph: cheap substring tests skip most patterns in most paragraphs.
    events = [
        _paragraph_events(text, p, find_bodies(text, p.start, p.end, default)) for p in paras
    ]
    resolver = _Resolver(text, default)
    resolver.full_names = _full_names(
        [ev for evs in events for ev in evs if ev.kind == "name"]
        + (_header_names(text, paras[0].start) if paras and paras[0].start > 0 else []))
    body_start = paras[0].start if paras else 0
    if body_start > 0:
        # The headline and captions above the body often give the only full title
        # ("South African President Cyril Ramaphosa"); learn the people they name,
        # but count no mention there.
        head = [Para(-1, 0, body_start, sentences=(Sentence(0, body_start),))]
        resolver.run(head, [_header_names(text, body_start)])
        resolver.prev_subjects, resolver.cur_subjects = [], []
        # "Merz meets Tusk in Warsaw": a headline's meeting names who took part.
        head_participants = _participants(text, head, resolver.state.table)
        resolver.state.table.mentions.clear()
    else:
        head_participants = []
    resolver.run(paras, events)
    table = resolver.state.table
    table.mentions.sort(key=lambda m: m.start)
    table.participants = _participants(text, paras, table)
    table.participants += [i for i in head_participants if i not in table.participants]
    return table


def _full_names(events: list[_Event]) -> dict[str, list[str]]:
    """Surname key -> full name, for surnames that only one full name in the article has."""
    seen: dict[str, list[str]] = {}
    clash: set[str] = set()
    for ev in events:
        words: list[str] = ev.payload  # type: ignore[assignment]
        if len(words) < 2:
            continue
        key = spelling_key(bare(surname_of(words)[0]))
        if key in seen and spelling_key(canonical_name(seen[key])) != spelling_key(
                canonical_name(words)):
            clash.add(key)
        seen.setdefault(key, words)
    return {k: v for k, v in seen.items() if k not in clash}


def _title_case_line(text: str, pos: int) -> bool:
    """Is the line around `pos` a Title Case headline ("PM Abiy Holds Talks With ...")?
    There every word looks like a name."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    words = [w for w in text[lo:hi if hi >= 0 else len(text)].split() if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _header_names(text: str, body_start: int) -> list[_Event]:
    """Full names above the body with a title, or whose surname the body uses too.

    A lone "PM Abiy" is better met in the body first, and a Title Case headline
    makes "Abiy Holds" look like a name: it has no title and the body never says "Holds".
    """
    out = []
    for ev in _name_events(text, 0, body_start)[:20]:
        words: list[str] = ev.payload  # type: ignore[assignment]
        surname = surname_of(words)[0]
        if len(words) > 1 and (
                (_title_before(text[max(0, ev.start - 110):ev.start]) is not None
                 and not _title_case_line(text, ev.start))
                or re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", text[body_start:])):
            out.append(ev)
    return out


def _default_country(body: str) -> str | None:
    """The most named country other than the United States (for unqualified bodies)."""
    counts = count_countries(body)
    counts.pop("United States", None)
    top = counts.most_common(1)
    return top[0][0] if top else None
