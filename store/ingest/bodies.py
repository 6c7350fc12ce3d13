"""Speakers that are not named people: ministries, governments, media, officials.

"China's Foreign Ministry", "the State Department", "Xinhua", "a senior U.S.
official", "both sides", and a country or capital used as the subject of a
speech verb ("China says", "Beijing said") each map to one canonical speaker
name (see tests/expected/README.md for the spellings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest import officials as off
from store.ingest.countries import (
    NATIONALITY_PATTERN,
    country_of,
    country_of_capital,
    demonym,
)
from store.ingest.cueprefix import first_class_guarded, lead_guarded
from store.ingest.wordtrie import trie_pattern

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
    r"claims|considers|sees|views|regards|wants|demanded|demands|touting|touted|hailed|"
    r"welcomed|rejected|rejects|denied|denies|expressed|voiced)"
)
_AUX = r"(?:(?:has|have|had|also|repeatedly|long|previously|consistently|always|often|would|" \
    r"will|has\s+long|on\s+\w+day)\s+)*"

# Keyword first; the nationality before it is read from the preceding words.
# (No lookahead guard: reading its first characters would parse the nationality
# alternation at every start of ingest, ~3 ms, for ~0.03 ms per article.)
_MINISTRY = re.compile(
    r"(?P<kind>(?:[Ff]oreign|[Dd]efen[cs]e|[Cc]ommerce|[Ee]xternal\s+[Aa]ffairs|"
    r"[Ss]tate\s+[Ss]ecurity|[Pp]ublic\s+[Ss]ecurity)\s+[Mm]inistry"
    # "Ministry for Foreign Affairs" (Sweden), "Secretariat of Foreign Affairs" (Mexico),
    # "Department of Foreign Affairs and Trade" (Australia): one office by other names.
    r"|(?:[Mm]inistry\s+(?:of|for)\s+(?P<of>(?:[Ff]oreign\s+[Aa]ffairs|"
    r"(?:[Nn]ational\s+)?[Dd]efen[cs]e|[Cc]ommerce|[Ee]xternal\s+[Aa]ffairs|[Ss]tate\s+[Ss]ecurity|"
    r"[Pp]ublic\s+[Ss]ecurity))"
    r"|(?:[Ss]ecretariat|[Dd]epartment)\s+(?:of|for)\s+(?P<of2>[Ff]oreign\s+[Aa]ffairs))"
    r"(?:\s+and\s+(?:[Tt]rade|[Ii]nternational\s+[Cc]ooperation|[Ww]orship))?"
    # Any other ministry by its one-word portfolio: "the Cambodian Information Ministry",
    # "the Ministry of Information" (checked in `_ministry_hit`: not "The Ministry").
    rf"|(?!(?:The|A|An|This|That|Its|His|Her|Their|Our|{_NAT})\s)(?P<gen>[A-Z][a-z]+)\s+Ministry"
    r"|[Mm]inistry\s+of\s+(?P<gen_of>[A-Z][a-z]+))"
    r"(?![\w])"
)
# Words before "Ministry" that are no portfolio.
_NOT_PORTFOLIO = frozenset("The A An This That Its His Her Their Our Which Whose Said Ministry "
                           "State Affairs".split())
_OF_NAT = re.compile(rf"\s+of\s+(?:the\s+)?(?P<nat>{_NAT})(?![\w-])")
_EMBASSY = re.compile(lead_guarded(r"\b[Ee]mbassy\b"))
_POSTED_IN = re.compile(r"\s+in\s+(?P<where>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")
_NAT_BEFORE = re.compile(r"(?<![\w.'-])(?P<nat>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?)\s+(?:[Tt]he\s+)?$")
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
_FIXED: tuple[tuple[re.Pattern[str], str, str | None, str, tuple[str, ...]], ...] = (
    (re.compile(r"State\s+Department|Department\s+of\s+State"),
     "U.S. State Department", "United States", "department", ("department",)),
    (re.compile(r"Pentagon"), "Pentagon", "United States", "pentagon", ("pentagon",)),
    (re.compile(r"White\s+House"), "White House", "United States", "whitehouse", ("white",)),
    (re.compile(r"Kremlin"), "Kremlin", "Russia", "kremlin", ("kremlin",)),
    # Seats of government that speak for it, as "the White House" does.
    (re.compile(r"(?:No\.?\s*10\s+)?Downing\s+Street"), "Downing Street", "United Kingdom",
     "downing", ("downing",)),
    (re.compile(r"[EÉ]lys[eé]e(?:\s+Palace)?"), "Élysée", "France", "elysee",
     ("elys", "élys")),
    (re.compile(r"(?:the\s+)?Blue\s+House"), "Blue House", "South Korea", "bluehouse",
     ("blue house",)),
    (re.compile(r"(?:India's\s+|Indian\s+)?(?:External\s+Affairs\s+Ministry|"
                r"[Mm]inistry\s+of\s+[Ee]xternal\s+[Aa]ffairs|external\s+affairs\s+ministry)"
                r"|\bMEA\b"),
     "Indian Ministry of External Affairs", "India", "ministry", ("external", "mea")),
    (re.compile(r"(?:[Ss]tate|[Oo]fficial)\s+(?:[Mm]edia|[Bb]roadcaster|[Nn]ews\s+[Aa]gency|"
                r"[Tt]elevision|TV)"
                r"(?:\s+(?:CCTV|CGTN|Xinhua))?|Xinhua(?:\s+[Nn]ews\s+[Aa]gency)?|CCTV|CGTN|"
                r"People's\s+Daily|Global\s+Times"),
     "Chinese state media", "China", "media",
     ("media", "broadcaster", "agency", "television", "tv", "xinhua", "cctv", "cgtn", "daily",
      "times")),
    (re.compile(r"(?:Chinese|China's)\s+(?:readout|account|statement)"),
     "Chinese Foreign Ministry", "China", "ministry", ("readout", "account", "statement")),
    # News agencies whose readouts are quoted: "KCNA said", "according to TASS".
    (re.compile(r"KCNA|Korean\s+Central\s+News\s+Agency"), "KCNA", "North Korea", "kcna",
     ("kcna", "korean central")),
    (re.compile(r"TASS|RIA\s+Novosti"), "TASS", "Russia", "tass", ("tass", "ria novosti")),
    (re.compile(r"Yonhap"), "Yonhap", "South Korea", "yonhap", ("yonhap",)),
    (re.compile(r"Kyodo(?:\s+News)?"), "Kyodo", "Japan", "kyodo", ("kyodo",)),
    (re.compile(r"IRNA"), "IRNA", "Iran", "irna", ("irna",)),
    (re.compile(r"Anadolu(?:\s+Agency)?"), "Anadolu Agency", "Turkey", "anadolu", ("anadolu",)),
    (re.compile(r"(?:the\s+)?Saudi\s+Press\s+Agency|\bSPA\b"), "Saudi Press Agency",
     "Saudi Arabia", "spa", ("saudi press", "spa")),
    (re.compile(r"Press\s+Trust\s+of\s+India|\bPTI\b"), "PTI", "India", "pti",
     ("pti", "press trust")),
    # The two people who met speak jointly: "the two leaders", "the pair".
    # Named as the text names them (ANNOTATION.md: a body as the text gives it).
    (re.compile(r"[Bb]oth\s+(?:sides|countries|governments|leaders|"
                r"presidents|ministers|men|women|delegations)\b|[Tt]he\s+pair\b|"
                r"[Bb]oth(?=\s+(?:described|said|say|called|agreed|stressed|noted)\b)"),
     "both sides", None, "sides", ("sides", "countries", "governments", "leaders",
                                   "presidents", "ministers", "men", "women", "delegations",
                                   "pair")),
    (re.compile(r"[Tt]he\s+two\s+(?:sides|countries|governments|leaders|"
                r"presidents|ministers|men|women|delegations)\b"),
     "the two sides", None, "sides", ("sides", "countries", "governments", "leaders",
                                      "presidents", "ministers", "men", "women", "delegations")),
    # A text the two sides issued together: "a joint statement", "the joint readout".
    (re.compile(r"(?:[Aa]|[Tt]he)\s+joint\s+(?:statement|readout|communiqu[eé]|declaration)"),
     "joint statement", None, "joint", ("joint",)),
)
# Words (lower case) one of which every match of a `_FIXED` pattern holds, where its clue
# words are common ("leaders", "sides", "statement"): the scan is skipped without them.
_NEEDS: dict[str, tuple[str, ...]] = {
    "both sides": ("both", "pair"),
    "the two sides": ("two",),
    "Chinese state media": ("state", "official", "xinhua", "cctv", "cgtn", "people's", "global"),
    "Chinese Foreign Ministry": ("chinese", "china's"),
}
_SPOKES_FOR = re.compile(
    lead_guarded(r"\b[Aa]n?\s+spokes(?:man|woman|person)\s+for\s+(?P<who>(?:the\s+)?[A-Za-z]+"
    # "a spokesman for the Serbian presidency": the office may be written in lower case.
    r"(?:\s+(?:[A-Z][a-z]+|presidency|government|(?:foreign\s+)?ministry)){0,2})"))
_CLUE_RE = re.compile(trie_pattern(sorted({c for f in _FIXED for c in f[4]})).replace(
    r"\s+", " "))
# "the ministry", "the department" after the body was named.
_BACK_REF = re.compile(
    lead_guarded(r"\b[Tt]he\s+(?:(?:senior|same|unnamed|anonymous|U\.S\.|American|Chinese|administration)"
    r"\s+){0,2}"
    r"(?P<key>ministry|department|officials?)\b(?!\s+of\b)")
)
_STATEMENT_REF = re.compile(lead_guarded(
    r"\b[Tt]he\s+(?:(?:joint|official|written)\s+)?(?:statement|readout)"
    # "The statement further elaborated that ...": an adverb
    # between, and the verbs of written prose.
    r"(?=\s+(?:(?:also|further|then)\s+)?(?:read|reads|said|says|"
    r"added|noted|stated|elaborated|explained|stressed|emphasi[sz]ed|"
    r"underlined|affirmed|indicated|continued)\b)"))
# "..., according to the readout": the readout of the office last named, as "the readout
# said" is; no verb follows here, so `_STATEMENT_REF` does not read it.
_ACCORDING_REF = re.compile(lead_guarded(
    r"\b[Aa]ccording\s+to\s+(?P<ref>[Tt]he\s+(?:(?:joint|official|written)\s+)?"
    r"(?:statement|readout))\b"))
_IT_SAID = re.compile(
    r"(?<=[,.!?]\" )it(?=\s+(?:read|reads|said|says|added|stated|noted|reported|wrote)\b)")
# A country's office as a speaker: "the Somali presidency said", "the Irish government".
_NAT_OFFICE = re.compile(
    lead_guarded(
    rf"\b(?:[Tt]he\s+)?(?P<nat>{_NAT})\s+(?P<kind>[Pp]residency|[Gg]overnment|[Ff]oreign\s+[Oo]ffice|"
    # "the Sri Lankan President's Media Division", "the Philippine Presidential
    # Communications Office": a head of state's or government's press office.
    r"(?:[Pp]resident's|[Pp]rime\s+[Mm]inister's|[Pp]residential)\s+(?:[Oo]ffice|"
    r"[Mm]edia\s+(?:[Dd]ivision|[Oo]ffice|[Uu]nit|[Cc]ent(?:re|er))|[Ss]ecretariat|"
    r"[Cc]ommunications\s+[Oo]ffice|[Pp]ress\s+[Oo]ffice)|cabinet)\b"))
# "the Malaysian statement highlighted ...", "a Peruvian statement read": a statement named
# by its country's adjective alone is its government's (an office named with it, "the
# Peruvian Presidency statement", is read by `_NAT_OFFICE` first).
_NAT_STATEMENT = re.compile(lead_guarded(
    rf"\b(?:[Tt]he|[Aa]n?)\s+(?P<nat>{_NAT})\s+(?:statement|readout)\b"))
# The same offices with no nationality, as a home outlet writes them: "the Prime Minister's
# Office said", "the presidency said". Whose office it is is learnt at the end, from the
# holder of that office the article names (`actors._office_of_the_head`).
_HEAD_OFFICE = re.compile(
    lead_guarded(r"\b[Tt]he\s+(?P<kind>(?:[Pp]rime\s+[Mm]inister's|[Pp]resident's)\s+[Oo]ffice|"
                 r"presidency)\b"
                 # Only as a speaker: "the President's Office" is also a place and a title
                 # ("the head of the President's Office").
                 r"(?=\s+(?:also\s+)?(?:said|says|stated|added|noted|tweeted|posted|wrote|"
                 r"announced)\b)"))
# A news outlet quoted as a source, named as the text gives it: "BBC News said", "the Nairobi
# Herald reported". Only before a reporting verb: "(Reuters)" in a dateline or "told CNN"
# names no speaker.
_OUTLET = re.compile(first_class_guarded(
    r"\b(?:[Tt]he\s+)?(?P<name>BBC(?:\s+News)?|CNN|Reuters|Bloomberg|AFP|Agence\s+France-Presse|"
    r"(?:the\s+)?Associated\s+Press|AP|Al\s+Jazeera|NHK|Nikkei|Politico|Axios|"
    r"(?:[A-Z][a-z]+\s+){1,3}(?:News|Times|Post|Journal|Herald|Tribune|Radio|Television|TV|"
    r"Gazette|Daily|News\s+Agency|Press\s+Agency|Broadcasting(?:\s+Corporation)?))"
    r"\s+(?:has\s+|had\s+|also\s+)?(?:said|says|reported|reports|noted|wrote|quoted|cited)\b"))
# Every name `_OUTLET` reads holds one of these (case as written): most paragraphs name no
# outlet, and a substring test is far cheaper than the pattern's scan.
_OUTLET_WORDS = ("BBC", "CNN", "Reuters", "Bloomberg", "AFP", "Agence", "Associated", "AP",
                 "Jazeera", "NHK", "Nikkei", "Politico", "Axios", "News", "Times", "Post",
                 "Journal", "Herald", "Tribune", "Radio", "Television", "TV", "Gazette", "Daily",
                 "Agency", "Broadcasting")
# "Park's spokeswoman said", "Lula's office said": an unnamed aide speaks for a person
# (the resolver names the principal); "Putin's spokesman, Dmitry Peskov" is a title.
_AIDE_OF = re.compile(
    r"\b(?P<who>[A-Z][\w-]+)'s?\s+(?:(?:chief|press|deputy)\s+)?"
    r"(?P<kind>spokes(?:man|woman|person)|press\s+secretary|office|aides?)\b"
    r"(?!\s*,?\s*(?:[A-Z]|the\b))")
# "the royal court said": a monarchy's court speaks for its king (the resolver gives the
# country of the monarch the article names when the text gives none).
# "the Royal Palace said", "the Royal Cabinet": the same office under the names other
# monarchies give it.
_ROYAL_COURT = re.compile(
    lead_guarded(rf"\b(?:(?P<nat>{_NAT})\s+)?[Rr]oyal\s+(?P<kind>[Cc]ourt|[Pp]alace|[Cc]abinet)\b"))
# "the Kremlin press service", "the Kazakh presidential press service": a press office.
_PRESS_SERVICE = re.compile(
    rf"\b(?:[Tt]he\s+)?(?P<name>(?:(?P<nat>{_NAT})\s+)?(?P<seat>[A-Z][\w-]+\s+)?"
    r"(?:[Pp]residential\s+|[Gg]overnment\s+|[Mm]inistry's\s+)?[Pp]ress\s+(?:service|office))\b")
# "China's top security agency said": an agency known by what it does.
_NAT_AGENCY = re.compile(
    lead_guarded(rf"\b(?P<nat>{_NAT})\s+(?:(?:top|main|chief|national|state)\s+)?"
    r"(?P<kind>security|intelligence|spy|counter-?espionage|space|nuclear)\s+agency\b"))
# "the Chinese side said": the country speaks.
_SIDE = re.compile(rf"\b[Tt]he\s+(?P<nat>{_NAT})\s+side\b")
# An anonymous official: "a senior U.S. official", "a senior State Department official".
_ANON = re.compile(
    lead_guarded(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal)\s+\"?"  # citing a "senior ..."
    r"(?P<phrase>(?:(?:senior|top|high-ranking|unnamed|anonymous|administration|Biden\s+"
    r"administration|U\.S\.|US|American|Chinese|Indian|Japanese|Russian|Philippine|Taiwanese|"
    r"State\s+Department|Pentagon|White\s+House|defen[cs]e|foreign\s+ministry|government|"
    r"Western|European|military|intelligence|Treasury|Commerce\s+Department|congressional|"
    # The office an aide works in, as outlets that cover their own government put it.
    r"presidential|ministry|Kremlin|Korean|South\s+Korean|British|French|German|Australian|"
    r"diplomatic|security|Japanese\s+government|Foreign\s+Ministry|"
    rf"{_NAT})\s+)"
    r"{0,4}(?:officials?|diplomats?|sources?|aides?|spokesperson|spokesman|spokeswoman))\b")
)
_ANON_BARE = re.compile(
    lead_guarded(
    r"(?<![\w.])(?P<phrase>(?:(?:[Ss]enior|U\.S\.|American|Chinese|Indian|Japanese|Russian|"
    r"Philippine|administration|Administration|State\s+Department|Pentagon|White\s+House|"
    rf"{_NAT})\s+)"
    r"{1,3}officials)\b")
)
# Unnamed groups speaking: "critics said", "analysts warned".
_GROUP = re.compile(
    lead_guarded(
    r"\b(?P<group>[Cc]ritics|[Aa]nalysts|[Ee]xperts|[Oo]bservers|[Ll]awmakers|[Rr]esidents|"
    r"[Pp]rotesters|[Ee]conomists|[Dd]iplomats|[Oo]fficials|[Ss]ources)\s+"
    r"(?:have\s+|had\s+|also\s+)?"
    r"(?:said|say|says|called|warned|argued|told|noted|described)\b")
)
_GROUP_WORDS = ("critics", "analysts", "experts", "observers", "lawmakers", "residents",
                "protesters", "economists", "diplomats", "officials", "sources")
# Speech verbs; a country or capital right before one speaks ("China says").
# After a space only (a country before the verb needs one): a pattern that opens with a
# character class lets the regex engine skip to the next space instead of trying every verb
# at every letter.
_VERB_RE = re.compile(rf"\s(?P<verb>{trie_pattern(_VERBS.strip('(?:)').split('|'))})\b")
_AUX_WORDS = frozenset(
    "has have had also repeatedly long previously consistently always often would will "
    "again firmly strongly publicly".split()
)
_NONSPACE = re.compile(r"\S+")
# Offices that have spokespeople of their own, read as bodies above.
_NOT_PRINCIPAL = frozenset("Kremlin Pentagon Elysee Élysée Downing White State Ministry "
                           "Department Government President Minister".split())
_PLACE_PREPS = frozenset("in at from to near outside inside into via of for across around".split())


# A participle aside between a subject and its verb: "China, displaying ..., said".
_ASIDE_BEFORE = re.compile(
    r"(?<![\w-])(?P<who>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}),\s+(?!according\b)[a-z]+ing\b"
    r"[^,\"]{0,160},\s+$")


def _country_before(text: str, lo: int, verb: int) -> tuple[int, int, str] | None:
    """A country noun or capital ending just before `verb` (auxiliaries skipped).

    Plain string splitting, not a regex: this runs once per speech verb. A word
    carrying punctuation ("Vientiane,") is never a noun form, so a clause
    boundary stops the match by itself.
    """
    seg_lo = max(lo, verb - 60)
    seg = text[seg_lo:verb]
    if not seg or not seg[-1].isspace():
        return None
    if seg.rstrip().endswith(","):
        # "China, displaying its delight at the visit, said": the country before an aside.
        aside = _ASIDE_BEFORE.search(text, max(lo, verb - 220), verb)
        if aside is None:
            return None
        seg_lo, verb = aside.start(), aside.end("who")
        seg = text[seg_lo:verb] + " "
    words = seg.split()
    k = len(words)
    while k > 1 and words[k - 1].lower() in _AUX_WORDS:
        k -= 1
    if k == 0 or not words[k - 1][:1].isupper():
        return None  # cheap exit: country nouns and capitals are capitalised
    for n in (2, 1, 3):  # "United States", "China", "Buenos Aires" ...
        if k - n < 0:
            continue
        form = " ".join(words[k - n:k])
        if not _is_noun_form(form):
            continue
        if k - n > 0 and words[k - n - 1].lower() in _PLACE_PREPS:
            continue  # "the embassy in London said": a place, not a speaker
        country = country_of_capital(form) or country_of(form)
        if country:
            # Offsets of the words (rare path: only when a country speaks).
            spans = [(m.start(), m.end()) for m in _NONSPACE.finditer(seg)]
            return seg_lo + spans[k - n][0], seg_lo + spans[k - 1][1], country
    return None


def _anon_country(phrase: str) -> str | None:
    for word in re.findall(r"U\.S\.|[A-Z][a-z]+", phrase):
        c = country_of(word)
        if c:
            return c
    if re.search(r"State Department|Pentagon|White House|administration|Treasury|congressional",
                 phrase):
        return "United States"
    return None


def _nat_before(text: str, lo: int, pos: int) -> tuple[int, str | None]:
    """The nationality word right before `pos` ("China's", "The Chinese"), with its start."""
    nb = _NAT_BEFORE.search(text, max(lo, pos - 30), pos)
    if nb is None:
        return pos, None
    words = nb["nat"].split(" ")
    for k in range(len(words)):
        country = country_of(" ".join(words[k:]))
        if country:
            return nb.start("nat") + len(" ".join(words[:k])) + (1 if k else 0), country
    return pos, None


def _ministry_hit(text: str, lo: int, m: re.Match[str],
                  default_country: str | None) -> BodyHit | None:
    portfolio = m["gen"] or m["gen_of"]
    if portfolio is not None and (portfolio in _NOT_PORTFOLIO or country_of(portfolio)):
        return None
    kind = " ".join((m["of"] or m["of2"] or portfolio or m["kind"].rsplit(" ", 1)[0])
                    .lower().split())
    if "external affairs" in kind:
        return BodyHit(m.start(), m.end(), "Indian Ministry of External Affairs", "India",
                       "ministry")
    start, country = _nat_before(text, lo, m.start())
    end = m.end()
    if country is None:
        # "the Ministry of Foreign Affairs of Vietnam": the country after the office.
        of = _OF_NAT.match(text, m.end())
        if of is not None:
            country, end = country_of(of["nat"]), of.end()
    country = country or default_country
    base = _KIND_NAMES.get(kind, kind.title() + " Ministry")
    name = f"{demonym(country)} {base}" if country else base
    return BodyHit(start, end, name, country, "ministry")


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
    chunk = text[start:end]
    low = chunk.lower()
    # Cheap substring checks first: most paragraphs name no body at all, and a
    # failed substring test costs far less than a regex scan.
    if any(w in low for w in ("official", "diplomat", "source", "aide", "spokes")):
        for m in _ANON.finditer(text, start, end):
            phrase = " ".join(m["phrase"].split())
            hits.append(BodyHit(m.start(), m.end(), phrase, _anon_country(phrase), "official"))
        if "officials" in chunk:  # the one word every bare match ends in
            for m in _ANON_BARE.finditer(text, start, end):
                phrase = " ".join(m["phrase"].split())
                hits.append(BodyHit(m.start(), m.end(), phrase, _anon_country(phrase),
                                    "officials"))
    if "embass" in low:
        for m in _EMBASSY.finditer(text, start, end):
            s0, country = _nat_before(text, start, m.start())
            name = f"{demonym(country)} Embassy" if country else "the embassy"
            end_at = m.end()
            post = _POSTED_IN.match(text, m.end(), end) if country else None
            if post is not None and (country_of(post["where"])
                                     or country_of_capital(post["where"])):
                # "the Russian Embassy in India": one of the country's many embassies.
                name, end_at = f"{name} in {post['where']}", post.end()
            hits.append(BodyHit(s0, end_at, name, country, "embassy"))
    if "ministry" in low or "of foreign affairs" in low or "for foreign affairs" in low:
        for m in _MINISTRY.finditer(text, start, end):
            if (hit := _ministry_hit(text, start, m, default_country)) is not None:
                hits.append(hit)
    # One scan for every clue word, then only the bodies whose clue was seen.
    seen = set(_CLUE_RE.findall(low))
    for pattern, name, country, key, clue in _FIXED:
        if seen.isdisjoint(clue):
            continue
        needs = _NEEDS.get(name)
        if needs is not None and not any(w in low for w in needs):
            continue  # a word every match holds is absent
        for m in pattern.finditer(text, start, end):
            if key == "media":
                # "Russian state television", "North Korea's state media": whose media.
                s0, nat = _nat_before(text, start, m.start())
                if nat is not None and nat != "China":
                    hits.append(BodyHit(s0, m.end(), f"{demonym(nat)} state media", nat, key))
                    continue
            if key == "elysee" and not any(c in "ÉéÈè" for c in m[0]):
                name = "Elysee"  # the palace as the text spells it, without accents
            hits.append(BodyHit(m.start(), m.end(), name, country, key))
    if "'s " in low and any(w in low for w in ("spokes", "secretary", "office", "aide")):
        for m in _AIDE_OF.finditer(text, start, end):
            if not (country_of(m["who"]) or country_of_capital(m["who"])
                    or m["who"] in _NOT_PRINCIPAL):
                kind = " ".join(m["kind"].split())
                hits.append(BodyHit(m.start(), m.end(), f"{m['who']}'s {kind}", None, "aide"))
    if "spokes" in low:
        # "a spokesman for the taoiseach": a person's spokesperson speaks for them.
        for m in _SPOKES_FOR.finditer(text, start, end):
            phrase = " ".join(m[0].split()[1:])
            who = re.sub(r"^the\s+", "", m["who"])
            country = country_of(who) or off.role_country(who) or next(
                (c for w in who.split() if (c := country_of(w))), None)
            hits.append(BodyHit(m.start(), m.end(), phrase, country, "spokes"))
    if "the " in low:
        if "ministry" in chunk or "department" in chunk or "official" in chunk:
            for m in _BACK_REF.finditer(text, start, end):
                hits.append(BodyHit(m.start(), m.end(), "", None, m["key"]))
        if any(w in low for w in ("statement", "readout")):
            # "the statement read": the body last named issued it.
            for m in _STATEMENT_REF.finditer(text, start, end):
                hits.append(BodyHit(m.start(), m.end(), "", None, "*"))
            if "according to" in low:
                for m in _ACCORDING_REF.finditer(text, start, end):
                    hits.append(BodyHit(m.start("ref"), m.end(), "", None, "*"))
        if " side" in low:
            for m in _SIDE.finditer(text, start, end):
                side = country_of(m["nat"])
                if side:
                    hits.append(BodyHit(m.start(), m.end(), side, side))
    if '" it ' in low:
        # `"...," it read`: the readout of the office last named.
        for m in _IT_SAID.finditer(text, start, end):
            hits.append(BodyHit(m.start(), m.end(), "", None, "*"))
    if "press service" in low or "press office" in low:
        for m in _PRESS_SERVICE.finditer(text, start, end):
            seat = (m["seat"] or "").strip()
            country = (country_of(m["nat"]) if m["nat"] else None) or (
                country_of_capital(seat) or country_of(seat) or
                ("Russia" if seat == "Kremlin" else None))
            name = " ".join(m["name"].split())
            hits.append(BodyHit(m.start("name"), m.end(), name, country, "office"))
    if "royal " in low:
        for m in _ROYAL_COURT.finditer(text, start, end):
            country = country_of(m["nat"]) if m["nat"] else None
            kind = m["kind"].lower()
            name = (f"{demonym(country)} Royal {kind.title()}" if country
                    else f"royal {kind}" if kind == "court" else f"Royal {kind.title()}")
            hits.append(BodyHit(m.start(), m.end(), name, country, "court"))
    if "agency" in low:
        for m in _NAT_AGENCY.finditer(text, start, end):
            country = country_of(m["nat"])
            if country:
                kind = " ".join(m["kind"].lower().split())
                hits.append(BodyHit(m.start(), m.end(), f"{demonym(country)} {kind} agency",
                                    country, "office"))
    if any(w in low for w in ("presidency", "government", "office", "cabinet", "media",
                              "secretariat")):
        for m in _NAT_OFFICE.finditer(text, start, end):
            country = country_of(m["nat"])
            if country:
                kind = " ".join(m["kind"].split())
                hits.append(BodyHit(m.start(), m.end(), f"{demonym(country)} {kind}", country,
                                    "office"))
        for m in _HEAD_OFFICE.finditer(text, start, end):
            # "the Prime Minister's Office said": a body of no country yet (filled in at
            # the end), named as the text names it.
            kind = " ".join(m["kind"].split())
            name = "presidency" if kind == "presidency" else (
                "Prime Minister's Office" if kind.lower().startswith("prime")
                else "President's Office")
            hits.append(BodyHit(m.start(), m.end(), name, None, "office"))
    if any(w in low for w in (" said", " says", " report", " noted", " wrote", " quoted",
                              " cited")) and any(w in chunk for w in _OUTLET_WORDS):
        for m in _OUTLET.finditer(text, start, end):
            name = " ".join(m["name"].split())
            if name.split()[0] in ("The", "the"):
                name = name.split(" ", 1)[1]
            if re.search(r"\b(?:State|Official)\b", name):
                continue  # "Chinese State TV": state media, read above
            # A national news agency speaks for its state ("Vietnam News Agency").
            country = (next((c for w in name.split() if (c := country_of(w))), None)
                       if name.endswith("Agency") else None)
            hits.append(BodyHit(m.start("name"), m.end("name"), name, country, "outlet"))
    if any(w in low for w in _GROUP_WORDS):
        for m in _GROUP.finditer(text, start, end):
            hits.append(BodyHit(m.start(), m.end("group"), m["group"].lower(), None))
    for m in _VERB_RE.finditer(text, start, end):
        found = _country_before(text, start, m.start("verb"))
        if found is not None:
            hits.append(BodyHit(found[0], found[1], found[2], found[2]))
    if "statement" in low or "readout" in low:
        for m in _NAT_STATEMENT.finditer(text, start, end):
            country = country_of(m["nat"])
            # A body read above over the same words names it better ("Chinese statement").
            if country and not any(h.start < m.end() and m.start() < h.end for h in hits):
                hits.append(BodyHit(m.start(), m.end(), f"{demonym(country)} government",
                                    country, "office"))
    return hits
