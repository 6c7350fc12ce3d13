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

from store.ingest import officials as off
from store.ingest.bodies import BodyHit, find_bodies
from store.ingest.countries import count_countries, country_of, demonym
from store.ingest.names import (
    bare,
    canonical_name,
    fold_diacritics,
    not_name,
    spelling_key,
    surname_of,
)
from store.ingest.participants import find_participants
from store.ingest.resolver import (
    ALIAS_RE,
    BARE_TITLE_RE,
    COUNTERPART,
    COUNTRY_BEFORE_APOSTROPHE,
    HEAD_OF_RE,
    OF_COUNTRY_ALIAS,
    PLACE_BEFORE,
    POSSESSIVE_ALIAS,
    VISIT_ALIAS,
    Event,
    Resolver,
    name_events,
)
from store.ingest.titles import title_before
from store.ingest.types import ActorTable, Para, Sentence

# "the latter emphasised": the one of two just named; not "the former president".
_LATTER_RE = re.compile(
    rf"\b[Tt]he\s+(?P<which>latter|former)\b(?!\s+(?i:{off.ROLE_PATTERN})\b)(?!\s+[A-Z])"
    r"(?!\s+(?:top|chief|senior|deputy|vice|head|leader|official|prime)\b)")

# Literal first (fast scan); matches inside words ("the", "ashe") are skipped by hand.
_PRONOUN_RE = re.compile(r"[HhSs](?:e|is|er|im|he)\b")

# (the capital first: the look-behind is tried only where one stands)
_ACRONYM_RE = re.compile(r"(?=[A-Z])(?<![\w.'-])[A-Z]{3,4}(?![\w.'-])")

_PRONOUNS = frozenset("he she his her him He She His Her Him".split())



def _select(events: list[Event]) -> list[Event]:
    """Non-overlapping events, higher priority and longer first on a tie of position."""
    events.sort(key=lambda e: (e.start, -e.priority, -(e.end - e.start)))
    out: list[Event] = []
    for ev in events:
        if out and ev.start < out[-1].end:
            if ev.priority > out[-1].priority:
                out[-1] = ev
            continue
        out.append(ev)
    return out



def _paragraph_events(text: str, p: Para, hits: list[BodyHit]) -> list[Event]:
    evs: list[Event] = name_events(text, p.start, p.end)
    for hit in hits:
        evs.append(Event(hit.start, hit.end, "body", 3, hit))
    name_starts = sorted(e.start for e in evs if e.kind == "name")
    for m in ALIAS_RE.finditer(text, p.start, p.end):
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        # "the Chinese foreign minister, Wang Yi": the title introduces the name after it.
        k = bisect_left(name_starts, m.end())
        if k == len(name_starts) or name_starts[k] > m.end() + 3:
            evs.append(Event(m.start(), m.end(), "alias", 1))
    low = text[p.start:p.end].lower()
    if "'" in low:
        evs += _possessive_aliases(text, p, name_starts)
    if " of " in low and any(f"{r} of " in low for r in _OF_ROLES):
        evs += _of_country_aliases(text, p, name_starts)
    if any(w in low for w in ("president ", "secretary ", "minister ", "premier ")):
        # "General Secretary noted, ...", as translated copy drops the article: a
        # capitalised title alone opening a sentence before its speech verb.
        for m in BARE_TITLE_RE.finditer(text, p.start, p.end):
            if m.start() == p.start or text[max(p.start, m.start() - 2):m.start()] in (". ", '" '):
                role = " ".join(m["role"].lower().split())
                evs.append(Event(m.start(), m.end(), "alias", 1, (role, None)))
    if "head of" in low or "chief of" in low:
        # Above a body ("the Russian Foreign Ministry"): its head is a person.
        for m in HEAD_OF_RE.finditer(text, p.start, p.end):
            evs.append(Event(m.start(), m.end(), "alias", 4, "head"))
    if "the latter" in low or "the former" in low:
        for m in _LATTER_RE.finditer(text, p.start, p.end):
            evs.append(Event(m.start(), m.end(), "latter", 1, m["which"].lower()))
    low = text[p.start:p.end].lower()
    if "counterpart" in low:
        for m in COUNTERPART.finditer(text, p.start, p.end):
            evs.append(Event(m.start(), m.end(), "counterpart", 1, m["nat"]))
    if "visiting" in low or "guest" in low or "host" in low:
        for m in VISIT_ALIAS.finditer(text, p.start, p.end):
            evs.append(Event(m.start(), m.end(), "visit", 1,
                             "host" if m["host"] else
                             f"guest:{m['gnat']}" if m["gnat"] else "guest"))
    for m in _ACRONYM_RE.finditer(text, p.start, p.end):
        # "MBS", "AMLO": a person known by the initials of a full name met before.
        evs.append(Event(m.start(), m.end(), "acronym", 1))
    for m in _PRONOUN_RE.finditer(text, p.start, p.end):
        if m.group(0) in _PRONOUNS and (m.start() == 0 or not text[m.start() - 1].isalnum()):
            evs.append(Event(m.start(), m.end(), "pronoun", 0))
    return _select(evs)



def _possessive_aliases(text: str, p: Para, name_starts: list[int]) -> list[Event]:
    """"Hungary's foreign minister said": the country's one holder of the office (not when
    the title introduces a name: "Hungary's foreign minister, Lena Varga")."""
    out = []
    for m in POSSESSIVE_ALIAS.finditer(text, p.start, p.end):
        before = COUNTRY_BEFORE_APOSTROPHE.search(text, max(p.start, m.start() - 30), m.start())
        country = country_of(before[1]) if before is not None else None
        if country is None or before is None:
            continue
        k = bisect_left(name_starts, m.end())
        if k < len(name_starts) and name_starts[k] <= m.end() + 3:
            continue
        role = " ".join(m["role"].lower().split())
        out.append(Event(before.start(1), m.end(), "alias", 1, (role, country)))
    return out


# The last words of the titles OF_COUNTRY_ALIAS reads: a cheap test before its scan.
_OF_ROLES = ("president", "minister", "premier", "chancellor", "leader", "king", "emir",
             "state", "government")


def _of_country_aliases(text: str, p: Para, name_starts: list[int]) -> list[Event]:
    """"the president of Ukraine said": the country's holder of the office (not when the
    title introduces a name: "the president of Ukraine, Lena Varga")."""
    out = []
    for m in OF_COUNTRY_ALIAS.finditer(text, p.start, p.end):
        country = country_of(m["nat"])
        k = bisect_left(name_starts, m.end())
        if country is None or (k < len(name_starts) and name_starts[k] <= m.end() + 3):
            continue
        role = " ".join(m["role"].lower().split())
        out.append(Event(m.start(), m.end(), "alias", 1, (role, country)))
    return out


def find_actors(text: str, paras: list[Para]) -> ActorTable:
    """Actors with canonical names, roles, countries; mentions incl. surnames/pronouns."""
    body = "\n".join(text[p.start:p.end] for p in paras)
    default = _default_country(body)
    # Bodies per paragraph: cheap substring tests skip most patterns in most paragraphs.
    events = [
        _paragraph_events(text, p, find_bodies(text, p.start, p.end, default)) for p in paras
    ]
    resolver = Resolver(text, default)
    resolver.bare_surnames = {
        spelling_key(bare(ev.payload[0]))  # type: ignore[index]
        for evs in events for ev in evs if ev.kind == "name" and len(ev.payload) == 1  # type: ignore[arg-type]
    }
    body_start = paras[0].start if paras else 0
    # Read once: the full names above the body serve both the surname table and the
    # resolver's first pass over the headline.
    header_names = _header_names(text, body_start) if body_start > 0 else []
    resolver.full_names = _full_names(
        [ev for evs in events for ev in evs if ev.kind == "name"] + header_names)
    _surnames_that_are_places(text, paras, events, resolver.full_names)
    if body_start > 0:
        # The headline and captions above the body often give the only full title
        # ("South African President Cyril Ramaphosa"); learn the people they name,
        # but count no mention there.
        head = [Para(-1, 0, body_start, sentences=(Sentence(0, body_start),))]
        resolver.run(head, [list(header_names)])
        resolver.prev_subjects, resolver.cur_subjects = [], []
        # "Merz meets Tusk in Warsaw": a headline's meeting names who took part.
        head_participants = find_participants(text, head, resolver.state.table)
        resolver.state.table.mentions.clear()
    else:
        head_participants = []
    resolver.run(paras, events)
    table = resolver.state.table
    table.guest = resolver.guest
    table.mentions.sort(key=lambda m: m.start)
    table.participants = find_participants(text, paras, table)
    if len(table.participants) < 2:
        # The headline's meeting fills in only when the body does not name both sides.
        table.participants += [i for i in head_participants if i not in table.participants]
    _home_country(body, table)
    _royal_court(table)
    _office_of_the_head(table)
    return table


# The offices `bodies._HEAD_OFFICE` reads with no country -> the titles of their holder.
_HEAD_OFFICES = {"Prime Minister's Office": ("prime minister", "premier"),
                 "President's Office": ("president",), "presidency": ("president",)}


def _aide_of_the_head(role: str) -> tuple[str, ...] | None:
    """"Presidential spokesman Ivan Ilic": an aide of the head of state (or government),
    by the title alone; the titles of the one they serve."""
    low = role.lower()
    if "presidential" in low or "president's" in low:
        return _HEAD_OFFICES["President's Office"]
    if "prime minister's" in low or "premier's" in low:
        return _HEAD_OFFICES["Prime Minister's Office"]
    return None


def _office_of_the_head(table: ActorTable) -> None:
    """"the Prime Minister's Office said", with no country in the text: the office of the
    prime minister last named before it (as "the prime minister" would be), else of the one
    the article names (participants first), so its words keep a side. So with an aide whose
    title says whose ("presidential spokesman Ivan Ilic")."""
    wanted = [(k, titles) for k, a in enumerate(table.actors) if a.country is None
              and (titles := (_HEAD_OFFICES.get(a.name) if a.kind == "body"
                              else _aide_of_the_head(a.role))) is not None]
    if not wanted:
        return
    first: dict[int, int] = {}
    for m in table.mentions:
        first.setdefault(m.actor, m.start)
    # Per set of titles, its holders and their mentions in order: one pass over the
    # mentions each, however many offices and aides there are.
    seen: dict[tuple[str, ...], tuple[list[int], list[tuple[int, int]]]] = {}
    for k, titles in wanted:
        if k not in first:
            continue
        if titles not in seen:
            holders = [i for i, a in enumerate(table.actors)
                       if a.kind == "person" and a.country
                       and any(re.search(rf"\b{t}\b", a.role.lower()) for t in titles)
                       and not re.search(r"(?i)\b(?:vice|deputy|former|ex)\b", a.role)]
            held = set(holders)
            seen[titles] = (holders, [(m.start, m.actor) for m in table.mentions
                                      if m.actor in held])
        holders, said = seen[titles]
        n = bisect_left(said, (first[k], -1))
        groups = [[said[n - 1][1]]] if n else []
        groups += [[i for i in holders if i in table.participants], holders]
        actor = table.actors[k]
        for group in groups:
            countries = {c for i in group if (c := table.actors[i].country)}
            if len(countries) == 1:
                country = actor.country = countries.pop()
                if actor.name == "presidency":
                    actor.name = f"{demonym(country)} presidency"
                break


_MONARCHS = frozenset({"king", "queen", "emir", "sultan", "crown prince", "emperor",
                       "empress"})


def _royal_court(table: ActorTable) -> None:
    """"the royal court said", with no country in the text: the court of the one monarch
    the article names (whose country may be known only at the end)."""
    # "the Royal Palace", "the Royal Cabinet" as well: the same office under other names,
    # which keep their name and take the monarch's country.
    courts = [a for a in table.actors if a.kind == "body" and a.country is None
              and a.name in ("royal court", "Royal Palace", "Royal Cabinet")]
    if not courts:
        return
    kings = {a.country for a in table.actors
             if a.kind == "person" and a.role.lower() in _MONARCHS and a.country}
    if len(kings) == 1:
        country = kings.pop()
        for court in courts:
            if court.name == "royal court":
                court.name = f"{demonym(country)} Royal Court"
            court.country = country


def _surnames_that_are_places(text: str, paras: list[Para], events: list[list[Event]],
                              full_names: dict[str, list[str]]) -> None:
    """"Joao Lima" met ..., then "Lima, on his first visit, ...": where the article names
    a person whose surname is a place, the bare word is that person too (a name event;
    the resolver still reads "Lima said" as the person, not Peru)."""
    words = {full[-1] for full in full_names.values()
             if len(full) > 1 and not_name(full[-1]) and full[-1][:1].isupper()}
    if not words:
        return
    pattern = re.compile(r"(?<![\w'-])(?:" + "|".join(map(re.escape, sorted(words)))
                         + r")(?![\w-])")
    for k, p in enumerate(paras):
        extra = [Event(m.start(), m.end(), "name", 2, [m.group(0)])
                 for m in pattern.finditer(text, p.start, p.end)
                 # "talks in Lima" is the city still
                 if not PLACE_BEFORE.search(text, max(p.start, m.start() - 8), m.start())]
        if extra:
            events[k] = _select(events[k] + extra)


_HEAD = re.compile(r"(?i)\b(?:president|prime\s+minister|premier|chancellor|king|emir|"
                   r"sultan|leader|taoiseach)\b")


def _home_country(body: str, table: ActorTable) -> None:
    """A participant the article never gives a country ("Prime Minister Fumio Kishida" or
    a bare "Anthony Albanese", as a home outlet writes) is of the country the article
    names most, other than the other participants': counted by names and adjectives, not
    capitals, which are often only the place. Only when one participant lacks it, or one
    of the two leaders when aides fill the table (then the other side of the aides first)."""
    people = [table.actors[i] for i in table.participants]
    missing = [a for a in people if a.country is None]
    taken = {a.country for a in people if a.country}
    if len(missing) != 1 or len(people) < 2 or len(taken) >= 2:
        # Aides on both sides ("Rubio", "Lavrov") say nothing of the leaders': one leader
        # without a country, across the table from one with it, is of the other side.
        # The sides are the countries of the participants (aides included).
        sides = taken
        people = [a for a in people if _HEAD.search(a.role) or not a.role]
        missing = [a for a in people if a.country is None]
        taken = {a.country for a in people if a.country}
        other = sides - taken
        if len(missing) != 1 or len(people) != 2 or len(taken) != 1 or len(other) > 1:
            return
        if other:
            missing[0].country = other.pop()
            return
    counts = count_countries(body, capitals=False, sides=True)
    ranked = [c for c, _n in counts.most_common() if c not in taken]
    if ranked:
        missing[0].country = ranked[0]



def _full_names(events: list[Event]) -> dict[str, list[str]]:
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



def _header_names(text: str, body_start: int) -> list[Event]:
    """Full names above the body with a title, or whose surname the body uses too.

    A lone "PM Abiy" is better met in the body first, and a Title Case headline
    makes "Abiy Holds" look like a name: it has no title and the body never says "Holds".
    """
    out = []
    body = text[body_start:]  # cut once: the body can be a megabyte
    folded: str | None = None  # the body without diacritics, made once if needed
    for ev in name_events(text, 0, body_start)[:20]:
        words: list[str] = ev.payload  # type: ignore[assignment]
        surname = surname_of(words)[0]
        if len(words) <= 1:
            # "Putin and Lukashenko start talks": a headline names who met by the surname
            # alone, and a body that never names him calls him "the Belarusian president";
            # a listed official's surname is enough to know who that is.
            if (words and off.BY_SURNAME.get(words[0]) is not None
                    and not re.search(rf"(?<!\w){re.escape(words[0])}(?!\w)", body)):
                out.append(ev)
            continue
        if ((title_before(text[max(0, ev.start - 110):ev.start]) is not None
                and not _title_case_line(text, ev.start))
                or (surname in body
                    and re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", body))):
            out.append(ev)
            continue
        plain = fold_diacritics(surname)
        if plain != surname:
            # "Dragan Marković" above, "Markovic said" below: copy drops the accents.
            folded = fold_diacritics(body) if folded is None else folded
            if re.search(rf"(?<!\w){re.escape(plain)}(?!\w)", folded):
                out.append(ev)
    return out



def _default_country(body: str) -> str | None:
    """The most named country other than the United States (for unqualified bodies)."""
    counts = count_countries(body)
    counts.pop("United States", None)
    top = counts.most_common(1)
    return top[0][0] if top else None
