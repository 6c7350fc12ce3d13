"""The resolver: walks an article's candidate mentions in text order and resolves each
to an actor (a person, a body), as a reader would with what was seen so far.

A full name with a title creates a person; a surname, a given name, an alias
("the Kenyan president"), a pronoun, "the latter" or a back-reference ("the
ministry", "the statement") resolves to someone already met.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.ingest import officials as off
from store.ingest.bodies import BodyHit
from store.ingest.countries import NATIONALITY_PATTERN, country_of, demonym
from store.ingest.cueprefix import lead_guarded
from store.ingest.names import bare, canonical_name, name_runs, spelling_key, surname_of
from store.ingest.titles import Title, title_before
from store.ingest.types import ActorTable, Mention, Para
from store.models import Actor

_NAT = NATIONALITY_PATTERN

# An appositive after a name: ", China's top diplomat," / ", a foreign ministry spokeswoman".
_TITLE_AFTER = re.compile(
    # Free words before the title only after an article or a nationality
    # (", the White House's national security spokesperson"): ", standing beside a
    # leader" is a participle clause, not an appositive.
    rf"\s*,\s*(?:(?:(?i:the|a|an|his|her|its)\s+(?:(?P<nat>{_NAT})\s+)?|(?P<nat2>{_NAT})\s+)"
    rf"(?:[\w'-]+\s+){{0,4}}?)?(?P<role>(?i:{off.ROLE_PATTERN}))\b"
)

_NAME_NEXT = re.compile(r"\s+[A-Z][a-z]")

_HOSTS_AFTER = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:hosted|hosts|welcomed|welcomes|received|receives|greeted)\b")
_VISITS_AFTER = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:visited|visits|arrived|arrives|travell?ed|flew|landed|"
    r"(?:is|was)\s+visiting|(?:is|was)\s+on\s+an?\s+(?:official\s+|state\s+)?visit)\b")
# "the visiting president", "his guest", "the hosts": the guest or host of the meeting.
VISIT_ALIAS = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?P<visiting>visiting)\s+(?:[A-Z][\w.]*\s+)?"
    r"(?:president|leader|premier|prime\s+minister|chancellor|minister|king|emir|guest)|"
    rf"(?:(?P<gnat>{_NAT})\s+)?(?P<guest>guest)|(?P<host>hosts?))\b")
# "her counterpart replied", "his Peruvian counterpart said": the other side's person,
# when no name follows.
COUNTERPART = re.compile(rf"\b(?:[Hh]is|[Hh]er|[Tt]he)\s+(?:(?P<nat>{_NAT})\s+)?counterpart\b"
                         r"(?!\s*,?\s*(?:[A-Z]|the\b))")
_DELEGATION_LED = re.compile(
    lead_guarded(
    rf"(?<![\w.-])(?P<nat>{_NAT})\s+[Dd]elegation\b[^.;\"]{{0,30}}\bled\s+by\b[^.;\"]{{0,70}}$"))
_NAT_PRINCIPAL = re.compile(
    lead_guarded(
    rf"(?<![\w.-])(?P<nat>{_NAT})\s+(?:[a-z]+\s+){{0,2}}[a-z]+'s\s+(?:[\w-]+,?\s+){{0,4}}$"))
_PRINCIPAL = re.compile(r"([A-Z][\w-]+)'s?\s+(?:[\w-]+,?\s+){0,4}$")
_SPEECH_NEAR = re.compile(
    r"\s*(?:,[^,]{0,100},\s*|,\s*)?(?:also\s+|later\s+|has\s+|had\s+)?"
    r"(?:said|says|told|tells|added|warned|urged|stressed|noted|wrote|asked|replied|insisted)\b"
)

# A subject followed by its verb: "Biden answered", "Xi also told", "Wang, 70, said".
_VERB_AFTER = re.compile(
    r"(?:,[^,\"]{1,40},)?\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|on\s+\w+day\s+|"
    r"[a-z]+ly\s+)?"  # "Putin reportedly told"
    r"(?:said|says|told|tells|answered|replied|added|warned|urged|stressed|insisted|asked|noted|"
    r"argued|responded|wrote|met|meets|received|hosted|greeted|visited|raised|pressed|called)\b"
)

_APPOS_COUNTRY = re.compile(rf"\s+(?:in|of|for|from)\s+(?:the\s+)?(?P<nat>{_NAT})(?![\w-])")
_OF_COUNTRY = re.compile(rf"\s+of\s+(?:the\s+)?(?P<nat>{_NAT})(?![\w-])")

# A subject pronoun's verb and object: "he thanked Xi for", "she told Wang that".
# "Soto and her Norwegian counterpart": the possessive after a name gives its gender.
_OWN_POSSESSIVE = re.compile(
    r"(?:\s+and|\s+(?:said|spoke|wrote)\s+in|\s+(?:said|wrote)\s+on)\s+(her|his)\s+")
# Where a sentence turns to another subject: "..., but Tran ...", "; Tran ...".
_CONTRAST = re.compile(r"(?:,\s+(?:but|while|whereas|though|although|yet)|;|\bbut)\s+")
_PRONOUN_OBJECT = re.compile(
    r"\s+(?:also\s+|then\s+|later\s+|warmly\s+)?(?:thanked|thanks|told|tells|urged|warned|"
    r"asked|assured|invited|congratulated|praised|welcomed|reminded|pressed|greeted|"
    r"replied\s+to|responded\s+to|answered)\s+(?P<obj>[^.,;:\"]{1,60})")

# A sentence that opens as a reply: "In response, he", "Replying to Wang's remarks, he".
_REPLY_OPENING = re.compile(
    r"\W*(?:[Ii]n\s+(?:response|reply)|[Rr]eplying|[Rr]esponding|[Aa]nswering)\b"
    r"(?:\s+to\s+(?P<to>[^,]{1,80}))?[^\"]*$")

# Bodies that issue statements and readouts (keys of `bodies.BodyHit`).
_ISSUERS = frozenset("ministry department whitehouse kremlin office pentagon downing elysee "
                     "bluehouse media embassy outlet joint court".split())

_ISSUED_BY = re.compile(lead_guarded(
    r"\bstatement\s+(?:issued|released|published|put\s+out)\s+by\s+"
    r"(?:the\s+)?$"))

# "presidential spokesman ", "Presidential press secretary ", "acting Presidency spokesperson
# ": a title right before a name (the office of the head of state, named by its adjective or
# by the noun some countries use for it).
_HEAD_AIDE = re.compile(r"(?<![\w-])[Pp]residen(?:tial|cy)\s+(?:press\s+)?"
                        r"(?:spokes(?:man|woman|person)|secretary|aide|adviser|advisor)\s+$")
# What may stand before a subject that opens its sentence (after any fronted phrase).
_SENTENCE_LEAD = re.compile(r"[\s\"'\u201c\u201d]*(?:(?:But|And|Yet|So)\s+)?")

_CAP_WORD = re.compile(r"[A-Z][\w'-]+")

_LISTED = re.compile(r",?\s+and\s+|,\s+")

# `said Qatar's Emir ...`: a country's possessive may stand between the verb and the name.
_SAID_BEFORE = re.compile(
    rf"(?:said|says|told|added|according\s+to)\s*(?:{_NAT}'s?\s+(?:[A-Z][\w.]*\s+)?)?$")
# "Iran's Masoud Pezeshkian": the country a person is of, in its possessive.
_NAT_POSSESSIVE = re.compile(lead_guarded(rf"(?<![\w.-])(?P<nat>{_NAT})'s?\s+$"))

# Words before a title that make it someone else's: "the former president", "the deputy
# minister", "the opposition leader", "the supreme leader" (another office than the head of
# government), "the two leaders".
_OTHER_REFERENT = (
    r"(?:former|late|then|ex|other|previous|next|future|deputy|assistant|acting|vice|"
    r"two|both|three|first|second|opposition|supreme|spiritual|rebel|party|military|junta|"
    r"interim|caretaker|provincial|regional|state|local|world|foreign|defen[cs]e|"
    r"his|her|their|its|same|visiting)\b"  # "the visiting president": `VISIT_ALIAS`
)
# "the secretary", "the Chinese leader", "the U.S. president"
# No leading \b (it keeps the engine from skipping ahead to a "T"/"t"); matches
# inside a word ("bathe") are dropped by hand where the pattern is scanned.
ALIAS_RE = re.compile(
    # Describing words may stand first ("the usually ebullient president", "the top Russian
    # diplomat"), but not one that names another person ("the former president", "the
    # opposition leader", "the deputy minister"). Lazy, so "the foreign minister" keeps
    # its whole title rather than reading "foreign" as a describing word.
    # An acronym may describe too ("the EUC president": the European Council's).
    rf"[Tt]he\s+(?:(?!{_OTHER_REFERENT})(?:[a-z0-9][a-z0-9-]*|[A-Z]{{2,5}})\s+){{0,2}}?"
    rf"(?:(?P<nat>{_NAT})\s+)?(?:(?i:top|chief|senior|vice)\s+)?"
    # "the Treasury chief", "the Pentagon boss": an office's head by the office's name.
    r"(?P<role>(?i:(?:treasury|defen[cs]e|commerce|trade|foreign|finance|pentagon|"
    r"state\s+department)\s+(?:chief|head|boss)|"
    r"head\s+of\s+(?:state|government)|"  # "the Belarusian head of state": the leader
    r"secretary(?:\s+of\s+state)?|president|premier|prime\s+minister|PM|leader|"
    r"foreign\s+minister|defen[cs]e\s+minister|minister|diplomat|admiral|general|ambassador|"
    r"envoy|spokesperson|spokesman|spokeswoman|adviser|chancellor|taoiseach|emir|king|"
    r"emperor|empress|sultan|queen|"
    # "the Paraguayan politician": a plain word for the leader, with his nationality.
    r"politician|statesman|"
    r"crown\s+prince))\b(?!\s+of\b)"
)
# "General Secretary noted": a title with no article and no name before its speech verb
# (machine-translated copy). The last title word may be doubled ("Secretary General").
BARE_TITLE_RE = re.compile(
    r"(?P<role>General\s+Secretary|Secretary[\s-]+General|President|Prime\s+Minister|Premier|"
    r"Chancellor|Foreign\s+Minister)(?:\s+(?:General|Secretary))?"
    r"(?=\s+(?:also\s+)?(?:said|says|noted|stated|added|stressed|emphasi[sz]ed|continued|"
    r"responded|replied|told|remarked)\b)")
# "Hungary's foreign minister said": a country's possessive before the title. Scanned from
# the apostrophe (literal first); the country is the word before it.
POSSESSIVE_ALIAS = re.compile(
    r"'s?\s+(?:(?i:top|chief|senior|new)\s+)?"
    r"(?P<role>(?i:head\s+of\s+(?:state|government)|president|premier|prime\s+minister|"
    r"leader|foreign\s+minister|defen[cs]e\s+minister|diplomat|chancellor|king|emir|"
    r"secretary\s+of\s+state|foreign\s+secretary))\b(?!\s+of\b)")
# "the president of Ukraine": the title with its country after it, as translated copy and
# readouts write "the Ukrainian president".
OF_COUNTRY_ALIAS = re.compile(
    r"[Tt]he\s+(?P<role>(?i:president|prime\s+minister|premier|chancellor|foreign\s+minister|"
    r"leader|king|emir|head\s+of\s+state|head\s+of\s+government))\s+of\s+(?:the\s+)?"
    rf"(?P<nat>{_NAT})(?![\w-])")
COUNTRY_BEFORE_APOSTROPHE = re.compile(r"(?<![\w.-])((?:[A-Z][\w.-]*\s)?[A-Z][\w.-]*)$")

# "the head of the Russian Foreign Ministry", "the head of Hungarian diplomacy", "the head of
# the Belarusian state": an office's head, as translated copy names a minister or a leader.
HEAD_OF_RE = re.compile(
    rf"[Tt]he\s+(?:[Hh]ead|[Cc]hief)\s+of\s+(?:the\s+)?(?:(?P<nat>{_NAT})\s+)?"
    r"(?P<office>[Ff]oreign\s+[Mm]inistry|[Mm]inistry\s+of\s+[Ff]oreign\s+[Aa]ffairs|MFA|"
    r"[Dd]iplomacy|[Dd]efen[cs]e\s+[Mm]inistry|[Mm]inistry\s+of\s+[Dd]efen[cs]e|[Ss]tate|"
    r"[Gg]overnment)\b"
    rf"(?:\s+of\s+(?:the\s+)?(?P<nat2>{_NAT})(?![\w-]))?")
# A phrase fronted before the subject, up to its comma: "Like Varga the day before, Kral
# smiled", "After meeting Varga, Kral said". The closed classes of prepositions and
# subordinating conjunctions, after an optional conjunction.
FRONTED = re.compile(
    r"[\s\"']*(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)\s+)?(?:[Aa]bout|[Aa]bove|[Aa]fter|[Aa]gainst|"
    r"[Aa]long|[Aa]midst|[Aa]mid|[Aa]mong|[Aa]round|[Aa]s|[Aa]t|[Bb]efore|[Bb]ehind|[Bb]eside|"
    r"[Bb]esides|[Bb]etween|[Bb]eyond|[Bb]y|[Dd]espite|[Dd]uring|[Ff]ollowing|[Ff]or|[Ff]rom|"
    r"[Ii]n|[Ii]nside|[Ll]ike|[Nn]ear|[Oo]n|[Oo]utside|[Oo]ver|[Ss]ince|[Tt]hrough|"
    r"[Tt]hroughout|[Tt]o|[Tt]owards?|[Uu]nder|[Uu]nlike|[Uu]ntil|[Uu]pon|[Ww]ith|[Ww]ithin|"
    r"[Ww]ithout|[Aa]lthough|[Tt]hough|[Bb]ecause|[Ii]f|[Oo]nce|[Uu]nless|[Ww]hen|[Ww]henever|"
    r"[Ww]here|[Ww]hile|[Ww]hereas)\s[^,\"]{1,150},\s*"
)
PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|outside)\s+$")

# Where officials' names are written family name first, as Chinese names are.
_FAMILY_FIRST_COUNTRIES = frozenset({"China", "Taiwan", "Hong Kong", "Macau", "Singapore",
                                     "Vietnam", "Malaysia", "Japan", "South Korea",
                                     "North Korea"})

_HEAD_ROLES = ("president", "leader", "premier", "prime minister", "chairman", "chancellor")
# Offices a country has many holders of: "the Serbian diplomat", "the Serbian general" name
# no one office that could speak.
_NOT_ONE_HOLDER = frozenset({"diplomat", "minister", "general", "admiral", "ambassador",
                             "envoy", "adviser", "spokesperson", "spokesman", "spokeswoman"})



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
    guessed: set[int] = field(default_factory=set)  # people whose country is only a guess

    def touch(self, actor: int) -> None:
        self.clock += 1
        self.last_seen[actor] = self.clock

    def add_mention(self, start: int, end: int, actor: int) -> None:
        self.table.mentions.append(Mention(start, end, actor))
        self.touch(actor)



@dataclass(frozen=True, slots=True)
class Event:
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
                _index_given(state, given, idx)
        else:
            idx = None
    if idx is None and len(tokens) > 1:
        # "Lopez Obrador" after "Andres Manuel Lopez Obrador", "Tayyip Erdogan" after
        # "Recep Tayyip Erdogan": the tail of a full name already met is that person.
        idx = next((i for i in state.by_surname.get(spelling_key(bare(surname)), [])
                    if spelling_key(state.table.actors[i].name).endswith(" " + key)), None)
    if idx is None and len(tokens) > 2:
        # The other way round: "President Morales de la Vega" in the headline, then
        # "Ricardo Morales de la Vega": the shorter name was this one's compound surname.
        idx = next((i for i in state.by_surname.get(spelling_key(bare(surname)), [])
                    if i in state.persons and " " in (had := spelling_key(
                        state.table.actors[i].name)) and key.endswith(" " + had)), None)
        if idx is not None:
            actor = state.table.actors[idx]
            if actor.name not in actor.aliases:
                actor.aliases.append(actor.name)
            actor.name = name
            state.by_name[key] = idx
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
            _index_given(state, given, idx)
        return idx
    if idx not in state.persons:
        return idx
    actor = state.table.actors[idx]
    if role and not actor.role:
        actor.role = role
        state.persons[idx].role = role
    if country and (not actor.country or idx in state.guessed):
        # "Xi Jinping" in a headline of Russian talks was guessed Russian from the shape of
        # the name; "Chinese President Xi Jinping" after says what he is.
        actor.country = country
        state.guessed.discard(idx)
    if gender and state.persons[idx].gender is None:
        state.persons[idx].gender = gender
    return idx



def _body(state: _State, hit: BodyHit) -> int:
    idx = state.by_name.get(hit.name)
    if idx is None:
        idx = len(state.table.actors)
        role = "news outlet" if hit.key == "outlet" else ""  # reports; takes no side
        state.table.actors.append(Actor(name=hit.name, role=role, country=hit.country,
                                        kind="body"))
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



def _index_given(state: _State, given: str, idx: int) -> None:
    """Every given name, middle ones too: "Lula" is how "Luiz Inacio Lula da Silva" goes."""
    for w in given.split():
        if not (len(w) <= 2 and w.endswith(".")):
            state.by_given.setdefault(spelling_key(w), []).append(idx)


def _by_given_name(state: _State, word: str) -> int | None:
    """The one person whose full name opens with `word` ("Abiy" for "Abiy Ahmed")."""
    hits = state.by_given.get(spelling_key(word), [])
    return hits[0] if len(hits) == 1 else None



def _known_by_surname(surname: str) -> off.Official | None:
    """The best-known official with this surname; the table lists the likeliest first."""
    surname = bare(surname)
    return off.BY_SURNAME.get(surname) or off.BY_SURNAME.get(surname.removeprefix("al-"))



def name_events(text: str, start: int, end: int) -> list[Event]:
    return [Event(s, e, "name", 2, words) for s, e, words in name_runs(text, start, end)]



def sentence_bounds(p: Para) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in p.sentences] or [(p.start, p.end)]



def in_quotes(text: str, sent_start: int, pos: int) -> bool:
    # `''` is a double mark typed as two single ones ("gnarly,'' she said").
    return (text.count('"', sent_start, pos) + text.count("''", sent_start, pos)) % 2 == 1



class Resolver:
    """Walks the events of the article in order and resolves each to an actor."""

    def __init__(self, text: str, default_country: str | None) -> None:
        self.text = text
        self.state = _State()
        self.default_country = default_country
        # Person mentions of each sentence outside quotes, in order: the subject is the first.
        self.prev_subjects: list[int] = []
        self.cur_subjects: list[int] = []
        self.verb_subjects = 0  # how many of cur_subjects were followed by their verb
        # People named in a phrase fronted before the sentence's subject, and where it ends.
        self.cur_fronted: list[int] = []
        self.fronted_end = -1
        self.sent_start = 0
        self.last_person_end = -1  # end of the last full person name resolved
        # Surname key -> the one full name the article gives it anywhere (see `full_names`).
        self.full_names: dict[str, list[str]] = {}
        # Who receives and who visits, once the text says so ("the visiting leader").
        self.host: int | None = None
        self.guest: int | None = None
        self.statement_by: int | None = None  # who issued "a statement issued by ..."
        self.guest_until = -1  # the sentence where the one hosted is still to be named
        # Spelling keys of capitalised words the article uses alone as names.
        self.bare_surnames: set[str] = set()
        self.principal: int | None = None  # whose aide the name just read is
        self.aides: dict[int, int] = {}  # aide -> principal, both with no country yet

    # -- people -------------------------------------------------------------
    def name(self, ev: Event, para: Para) -> int | None:
        words: list[str] = ev.payload  # type: ignore[assignment]
        text, st = self.text, self.state
        lo = max(para.start, ev.start - 110)
        before = text[lo:ev.start]
        after = text[ev.end:min(para.end, ev.end + 90)]
        title = title_before(before)
        appos = _TITLE_AFTER.match(after) if title is None else None
        if appos is not None and _NAME_NEXT.match(after, appos.end()):
            # "In Busan, President Lee Jae-myung met": the title is the next name's.
            appos = None
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
        if title is not None and _HEAD_AIDE.search(before, max(0, len(before) - 50)):
            # "Presidential spokesman Ivan Ilic": whose aide he is says his side
            # (`actors._office_of_the_head`), where no nationality does.
            role = f"presidential {role}"
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
        if country is None and appos is not None:
            # "Dbeibah, her counterpart in Libya's government": the country after the title.
            where = _APPOS_COUNTRY.match(after, appos.end())
            country = country_of(where["nat"]) if where else None
        if country is None and (title is not None or appos is not None):
            # "Foreign Minister Lena Varga of Hungary": the country after the name.
            of = _OF_COUNTRY.match(text, ev.end)
            country = country_of(of["nat"]) if of else None
        self.principal = None
        if country is None and title is not None:
            # "Putin's spokesman Dmitry Peskov": an aide is of his principal's country.
            boss = _PRINCIPAL.search(before)
            principal = _by_surname(st, boss[1]) if boss else None
            if principal is not None:
                country = st.table.actors[principal].country
                # The principal's country may be learnt only later ("the Armenian prime
                # minister"): `run` fills it in at the end.
                self.principal = principal if country is None else None
        if country is None and title is not None:
            # "the Nigerian leader's spokesman, Musa Bello": the principal's nationality.
            boss_nat = _NAT_PRINCIPAL.search(before, max(0, len(before) - 80))
            country = country_of(boss_nat["nat"]) if boss_nat else None
        if country is None:
            # "The Pakistani delegation was led by Director-General Dr Ali Khan": its head.
            led = _DELEGATION_LED.search(before) if "led by" in before else None
            country = country_of(led["nat"]) if led else None
        if country is None and role:
            country = off.role_country(role)
        if country is None:
            poss = _NAT_POSSESSIVE.search(before, max(0, len(before) - 40))
            country = country_of(poss["nat"]) if poss else None
        gender = off.role_gender(title.role if title else appos["role"] if appos else "")
        own = _OWN_POSSESSIVE.match(text, ev.end) if gender is None else None
        if own is not None:
            # "Soto and her counterpart", "Aas said in her opening remarks"
            gender = "f" if own[1] == "her" else "m"

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
            or _SAID_BEFORE.search(text, max(para.start, ev.start - 50), ev.start) is not None
            # "Marco Rubio and Steve Witkoff": a name listed with a person is a person.
            or (self.last_person_end >= para.start
                and _LISTED.fullmatch(text, self.last_person_end, ev.start) is not None)
            # "Joe Biden and Vladimir Putin exchanged smiles", then "Putin told Biden":
            # a two-word name whose surname the article also uses alone is a person.
            or (len(words) <= 3
                and spelling_key(bare(surname_of(words)[0])) in self.bare_surnames)
        )
        if not accepted:
            return None  # "Taylor Swift", "Second Thomas": no evidence of an actor here
        if key in st.by_name and not role:
            idx = st.by_name[key]
        else:
            # A listed official's country beats a guess from the shape of the name.
            guess = None if country or known is not None else self._guess_country(words)
            idx = _person(st, full, role, country or guess, gender, words)
            if guess is not None and st.table.actors[idx].country == guess:
                st.guessed.add(idx)
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
            # A Chinese-looking name is Chinese, or of the article's country where names are
            # written family name first too (Vietnam, Singapore): not Russian in Moscow talks.
            return (self.default_country if self.default_country in _FAMILY_FIRST_COUNTRIES
                    else "China")
        return None

    def _single(self, ev: Event, word: str, role: str, country: str | None,
                gender: str | None, titled: bool, para: Para,
                title: Title | None = None) -> int | None:
        st = self.state
        # "He" opening a sentence is the pronoun, not Vice Premier He.
        if word == "He" and not titled:
            sentence_initial = self.text[max(para.start, ev.start - 3):ev.start].strip() in (
                "", '"', "(", "-") or ev.start == self.sent_start
            if sentence_initial:
                return None
        idx = _by_surname(st, word)
        if idx is not None:
            if gender and st.persons[idx].gender is None:
                st.persons[idx].gender = gender  # "Aas said in her remarks"
            return idx
        idx = _by_given_name(st, word)
        if idx is not None:
            return idx  # "PM Abiy" after "Abiy Ahmed": named by the given name
        known = _known_by_surname(word)
        if known is not None and not titled and (
            word == "He" or PLACE_BEFORE.search(self.text, max(para.start, ev.start - 8),
                                                 ev.start)
        ):
            known = None  # "in Austin, Texas" is a city, not the defense secretary
        if known is not None:
            return _person(st, known.name, role or known.role, country or known.country,
                           gender or known.gender, known.name.split())
        later = self.full_names.get(spelling_key(bare(word)))
        if later is None:
            # "Mr Prabowo said" where the article names "Prabowo Subianto" once, untitled:
            # where people go by the first word of their name (Indonesian, Thai, Ethiopian
            # copy), the one full name it opens is theirs.
            key = spelling_key(word)
            opens = [full for full in self.full_names.values()
                     if len(full) > 1 and spelling_key(full[0]) == key]
            later = opens[0] if len(opens) == 1 else None
        if later is not None and (titled or _VERB_AFTER.match(self.text, ev.end)
                                  or _SPEECH_NEAR.match(self.text, ev.end)):
            # "Albanese said ..." where the article spells out "Anthony Albanese" only
            # further down: the reader of the whole article knows who that is.
            return _person(st, canonical_name(later), role, country, gender, later)
        if titled and role and not off.is_honorific(role):
            return _person(st, word, role, country, gender, [word])
        if titled and not role and (title is not None and off.is_honorific(title.role)):
            # "Mr. Scholz": a form of address is evidence enough of a person. "Sheikh" is
            # also part of how the person is known ("Sheikh Hasina").
            name = f"{title.role} {word}" if off.is_courtesy_name(title.role) else word
            return _person(st, name, "", country, gender or off.role_gender(title.role),
                           name.split())
        return None

    def pronoun(self, ev: Event, sent_start: int) -> int | None:
        word = self.text[ev.start:ev.end].lower()
        want = "f" if word in ("she", "her") else "m"
        st = self.state

        def ok(i: int) -> bool:
            p = st.persons.get(i)
            return p is not None and p.gender in (None, want)

        def strict(i: int) -> bool:
            p = st.persons.get(i)
            return p is not None and p.gender == want

        inside = in_quotes(self.text, sent_start, ev.start)
        if inside:
            return None  # "he" inside a quotation is the speaker's, not the narrator's
        others = self._not_this_one(ev, sent_start) if word in ("he", "she") else set()
        def likely(i: int) -> bool:
            # "Lena", "Jana", "Ewa": a given name ending in -a is more often a woman's in
            # the languages officials' names come from; only ranks, never excludes.
            p = st.persons.get(i)
            return (p is not None and p.gender is None
                    and off.likely_female_given(p.given.split(" ")[0] if p.given else ""))

        # Most officials in this copy are men, so "he" accepts anyone not known to be a
        # woman; "she" looks for a known woman first, then a likely one.
        tests = (strict, likely, ok) if want == "f" else (ok,)
        turned = (self._subject_after_contrast(ev, sent_start) if word in ("he", "she")
                  else None)  # "but Tran thanked him": an object is not the new subject
        for test in tests:
            if turned is not None and test(turned) and turned not in others:
                return turned
            for pool in (self.cur_subjects, self.prev_subjects):
                for i in pool:
                    if test(i) and i not in others:
                        return i
            cands = [i for i in st.persons if test(i) and i not in others]
            if cands:
                return _recent(st, cands)
        return None

    def _subject_after_contrast(self, ev: Event, sent_start: int) -> int | None:
        """"X said ..., but Y made no mention of it, though he said": after a turn of the
        sentence ("but", "while", a semicolon) the person it turns to is who "he" is."""
        lo = max(sent_start, ev.start - 250)
        turns = {t.end() for t in _CONTRAST.finditer(self.text, lo, ev.start)}
        if not turns:
            return None
        for m in reversed(self.state.table.mentions[-6:]):
            if m.start < lo:
                break
            if (m.start in turns and m.actor in self.state.persons
                    and self.text[m.end:m.end + 1] != "'"):  # "but Tran's aides said"
                return m.actor
        return None

    def _not_this_one(self, ev: Event, sent_start: int) -> set[int]:
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
            if self.host is not None and re.search(r"\bhosts?\b|\bwelcome\b|\bhospitality\b",
                                                   obj["obj"]):
                out.add(self.host)  # "he thanked his hosts": the guest speaks
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
            w = w.removesuffix("'s").removesuffix("'")  # "Orban's remarks"
            out.update(st.by_surname.get(spelling_key(bare(w)), ()))
        return out

    def acronym(self, word: str) -> int | None:
        """"MBS" after "Mohammed bin Salman", "AMLO" after "Andres Manuel Lopez Obrador":
        the one person met whose full name has these initials."""
        st = self.state
        hits = [i for i in st.persons
                if "".join(w[0] for w in st.table.actors[i].name.split()).upper() == word]
        return hits[0] if len(hits) == 1 else None

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

    def _unnamed_holder(self, ev: Event) -> int | None:
        """"the Belarusian president said" where the article names no one of that office
        and country (the name only in a headline's bare surname, or nowhere): the office
        itself speaks, as a body of that country, so its words keep their side."""
        office = self.office_of(ev)
        if office is None:
            return None
        role, country = office
        if country is None or role in _NOT_ONE_HOLDER:
            return None
        return _body(self.state, BodyHit(ev.start, ev.end, f"{demonym(country)} {role}",
                                         country))

    def office_of(self, ev: Event) -> tuple[str, str | None] | None:
        """The office and country an alias event names: ("president", "Belarus") for
        "the Belarusian president", ("head of government", "Hungary") for "the head of the
        Hungarian government"."""
        head = HEAD_OF_RE.match(self.text, ev.start, ev.end) if ev.payload == "head" else None
        poss = ev.payload if isinstance(ev.payload, tuple) else None
        m = ALIAS_RE.match(self.text, ev.start, ev.end) if head is None and poss is None else None
        if poss is not None:
            return poss
        if head is not None:
            office = head["office"].lower()
            role = ("foreign minister" if "foreign" in office or office in ("mfa", "diplomacy")
                    else "defense minister" if "defen" in office
                    else "head of government" if office == "government" else "head of state")
            nat = head["nat"] or head["nat2"]
            return role, country_of(nat) if nat else None
        if m is None:
            return None
        role = " ".join(m["role"].lower().split())
        role = "prime minister" if role == "pm" else role
        return role, country_of(m["nat"]) if m["nat"] else None

    def alias(self, ev: Event, late: bool = False) -> int | None:
        office = self.office_of(ev)
        if office is None:
            return None
        role, country = office
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
            if role == "head of state":
                return (any(h in r for h in ("president", "king", "emir", "sultan", "leader"))
                        and "vice" not in r)
            if role == "head of government":
                return any(h in r for h in ("prime minister", "premier", "chancellor"))
            if role == "leader":
                return any(h in r for h in _HEAD_ROLES) or "leader" in r
            if role in ("politician", "statesman"):
                # Only with a nationality: "the politician" alone could be anyone.
                return country is not None and any(h in r for h in _HEAD_ROLES)
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
            if role in ("premier", "prime minister"):
                # One office under two names: "the Japanese premier" is "Prime Minister
                # Fumio Kishida", "the Chinese prime minister" is "Premier Li".
                return ("premier" in r or "prime minister" in r) and "vice" not in r
            # "the foreign minister" is the "Minister of Foreign Affairs and Trade" too.
            return role in r or (" " in role and all(w in r.split() for w in role.split()))

        def one(cands: list[int]) -> int | None:
            # Read back from the end of the article, only a single fit is the referent.
            if late:
                return cands[0] if len(cands) == 1 else None
            if len(cands) > 1:
                # "Replying to Kral, the president said", "the president thanked Kral for
                # the welcome": not the one answered, thanked or named in a phrase fronted
                # before the subject, as a "he" there would not be.
                others = self._not_this_one(ev, self.sent_start)
                if self.fronted_end > ev.start - 3 >= 0 and ev.start >= self.fronted_end:
                    others |= set(self.cur_fronted)
                cands = [i for i in cands if i not in others] or cands
            if len(cands) > 1 and self.prev_subjects and self.prev_subjects[0] in cands \
                    and _SENTENCE_LEAD.fullmatch(
                        self.text, max(self.sent_start, self.fronted_end), ev.start):
                # "He told Fico of his call with President Trump. The head of state stressed
                # ...": a title opening a sentence goes on with the last sentence's subject
                # when it fits, not with whoever that sentence named last.
                return self.prev_subjects[0]
            return _recent(st, cands)

        idx = one([i for i, p in st.persons.items() if fits(p)])
        if idx is None and country is not None:
            # "the South African president" after a "President Cyril Ramaphosa" whose
            # country the text had not said: the alias tells it.
            country_asked, country = country, None
            idx = one([i for i, p in st.persons.items()
                       if st.table.actors[i].country is None and fits(p)])
            if idx is not None:
                st.table.actors[idx].country = country_asked
        if idx is not None:
            # Keep "the secretary" as an alias: the store and the review screen show it.
            alias = " ".join(self.text[ev.start:ev.end].lower().split())
            actor = st.table.actors[idx]
            if alias not in actor.aliases:
                actor.aliases.append(alias)
        return idx

    def counterpart(self, nat: str) -> int | None:
        """The person across the table from the one the sentence is about."""
        st = self.state
        subjects = self.cur_subjects or self.prev_subjects
        about = subjects[0] if subjects else None
        mine = st.table.actors[about].country if about is not None else None
        want = country_of(nat) if nat else None
        cands = [i for i in st.persons
                 if i != about and (c := st.table.actors[i].country) is not None
                 and c != mine and (want is None or c == want)]
        return _recent(st, cands)

    def _aide(self, hit: BodyHit) -> int | None:
        """"Park's spokeswoman": an unnamed aide of a person met, of their country."""
        st = self.state
        who, kind = hit.name.split("'", 1)
        principal = _by_surname(st, who)
        if principal is None:
            return None
        boss = st.table.actors[principal]
        name = f"{boss.name}'{kind}"
        return _body(st, BodyHit(hit.start, hit.end, name, boss.country, "aide"))

    def _host_or_guest(self, idx: int, ev: Event, sent_end: int) -> None:
        """Learn who hosts and who visits: "Mwangi hosted Kertesz", "Kertesz arrived"."""
        if ev.start < self.guest_until and idx != self.host and self.guest is None:
            self.guest = idx  # the one hosted, welcomed or received
        elif _HOSTS_AFTER.match(self.text, ev.end):
            self.host, self.guest_until = idx, sent_end
            if self.guest == idx:
                self.guest = None
        elif _VISITS_AFTER.match(self.text, ev.end) and idx != self.host:
            self.guest = self.guest if self.guest is not None else idx

    def _end_sentence(self) -> None:
        subjects = self.cur_subjects + [i for i in self.cur_fronted if i not in self.cur_subjects]
        if subjects:
            self.prev_subjects = subjects
        self.cur_subjects, self.cur_fronted = [], []
        self.verb_subjects = 0

    # -- walk ---------------------------------------------------------------
    def run(self, paras: list[Para], events: list[list[Event]]) -> None:
        st = self.state
        pending: list[Event] = []  # aliases met before anyone they can name
        fronted_for = -1  # the sentence whose fronted phrase `fronted_end` closes
        for para, evs in zip(paras, events, strict=True):
            bounds = sentence_bounds(para)
            b = 0
            self.sent_start = bounds[0][0]
            for ev in evs:
                while b + 1 < len(bounds) and ev.start >= bounds[b + 1][0]:
                    b += 1
                    self._end_sentence()
                if self.sent_start != bounds[b][0] or fronted_for != bounds[b][0]:
                    fronted_for = bounds[b][0]
                    fronted = FRONTED.match(self.text, bounds[b][0], bounds[b][1])
                    self.fronted_end = fronted.end() if fronted is not None else -1
                self.sent_start = bounds[b][0]
                idx: int | None
                if ev.kind == "name":
                    idx = self.name(ev, para)
                    if idx is not None and self.principal is not None and idx != self.principal:
                        self.aides[idx] = self.principal
                    if idx is None and self.text[ev.start:ev.end] == "He":
                        idx = self.pronoun(ev, self.sent_start)
                        ev = Event(ev.start, ev.end, "pronoun", 0)
                elif ev.kind == "pronoun":
                    idx = self.pronoun(ev, self.sent_start)
                elif ev.kind == "alias":
                    idx = self.alias(ev)
                    if idx is None:
                        pending.append(ev)
                elif ev.kind == "latter":
                    idx = self.latter(str(ev.payload))
                elif ev.kind == "counterpart":
                    idx = self.counterpart(str(ev.payload or ""))
                elif ev.kind == "acronym":
                    idx = self.acronym(self.text[ev.start:ev.end])
                elif ev.kind == "visit":
                    idx = self.guest if str(ev.payload).startswith("guest") else self.host
                    if idx is None and str(ev.payload).startswith("guest:"):
                        # "greeted his Australian guest": the one of that country is the
                        # guest, though nothing said so before.
                        want = country_of(str(ev.payload)[6:])
                        idx = next((i for i in st.persons
                                    if st.table.actors[i].country == want), None)
                        self.guest = idx
                else:
                    hit: BodyHit = ev.payload  # type: ignore[assignment]
                    if hit.name == "" and hit.key == "*":
                        # "the statement": the one a statement was said to be issued by,
                        # else the last office named issued it.
                        idx = self.statement_by if self.statement_by is not None else _recent(
                            st, [i for k, i in st.last_body.items() if k in _ISSUERS])
                    elif hit.name == "" and hit.key:
                        idx = st.last_body.get(hit.key)  # "the ministry"
                    elif hit.key == "aide":
                        idx = self._aide(hit)
                    elif (hit.key == "" and hit.name == hit.country
                          and (person := _by_surname(st, self.text[hit.start:hit.end]))
                          is not None):
                        idx = person  # "Lima said" after "Joao Lima": the man, not Peru
                    else:
                        idx = _body(st, hit)
                        if _ISSUED_BY.search(self.text, max(0, hit.start - 60), hit.start):
                            # "a statement issued by the Royal Palace": "the statement" after
                            # is that one, whatever document is named in between.
                            self.statement_by = idx
                if idx is None:
                    continue
                st.add_mention(ev.start, ev.end, idx)
                if idx in st.persons and ev.kind in ("name", "alias"):
                    self._host_or_guest(idx, ev, bounds[b][1])
                if (idx in st.persons and ev.kind != "pronoun"
                        and self.text[ev.end:ev.end + 1] != "'"  # "Kishida's successor"
                        and not in_quotes(self.text, self.sent_start, ev.start)
                        and idx not in self.cur_subjects):
                    if ev.start < self.fronted_end:
                        # "Like his Singaporean counterpart, he noted": a person in a
                        # phrase fronted before the subject is not the subject.
                        if idx not in self.cur_fronted:
                            self.cur_fronted.append(idx)
                    elif _VERB_AFTER.match(self.text, ev.end):
                        # "Asked about Xi, Biden answered": the one doing the
                        # verb is the subject, not the first name of the sentence.
                        self.cur_subjects.insert(self.verb_subjects, idx)
                        self.verb_subjects += 1
                    else:
                        self.cur_subjects.append(idx)
                elif (ev.kind == "pronoun" and idx not in self.cur_subjects
                      and self.text[ev.start:ev.end].lower() in ("he", "she")
                      and (_PRONOUN_OBJECT.match(self.text, ev.end)
                           or _VERB_AFTER.match(self.text, ev.end))):
                    # "He thanked Mwangi for the welcome.": the pronoun is the subject
                    # the next "he" continues, not the person thanked; so is "he" after
                    # a fronted phrase ("Like his counterpart, he noted"), not the phrase's.
                    self.cur_subjects.insert(self.verb_subjects, idx)
                    self.verb_subjects += 1
            self._end_sentence()
        for ev in pending:
            # "According to the Kazakh leader, ..." opening the article, with "President
            # Tokayev" named only after: the one person the title fits, as a reader takes it.
            idx = self.alias(ev, late=True)
            if idx is None:
                idx = self._unnamed_holder(ev)
            if idx is not None:
                st.add_mention(ev.start, ev.end, idx)
        for aide, principal in self.aides.items():
            actors = st.table.actors
            if actors[aide].country is None:
                actors[aide].country = actors[principal].country
