"""Person names in running text: capitalised runs, what cannot be a name, surnames.

Pure string work with no knowledge of who is who (that is the resolver's job in
actors.py). The words that can never be part of a name are data
(store/data/not_name.txt), so the list grows without touching code.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from store.ingest import officials as off
from store.ingest.countries import country_of, country_of_capital

# Latin-1 plus Latin Extended-A and -B and Vietnamese (Extended Additional), whose letters of
# both cases interleave: "Erdoğan", "Vučić", "Radosław", "Nguyễn Phú Trọng", "Thưởng" are names.
_EXTENDED = "\u0100-\u024f\u1e00-\u1eff"
_UPPER = "A-Z\u00c0-\u00de" + _EXTENDED
_LOWER = "a-z\u00df-\u00ff" + _EXTENDED
# A capitalised name word ("Blinken", "McCarthy", "Ching-te", "O'Brien"), an Arabic
# name with its article ("al-Sisi", "el-Sisi") or an initial.
_TOKEN = (
    rf"(?:(?:[ae]l-)?[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?"
    rf"(?:[-'][{_UPPER}{_LOWER}][{_LOWER}]+)*)"
)
# "J." or, as Indian and British copy writes it, a bare "S" before a surname ("S Jaishankar").
_INITIAL = rf"(?:[{_UPPER}]\.|[{_UPPER}](?= [{_UPPER}][{_LOWER}]))"
# Lower-case particles inside a name: "Ursula von der Leyen", "Luiz Inacio Lula da Silva".
_PARTICLE = r"(?:al|el|von der|von|van der|van den|van|de la|de|der|da|do|dos|di|del|du|bin|ibn)"
# Not inside a word or after an initial's full stop, but after a sentence's full stop
# glued to the next one ("in Hanoi.Tran said": pasted copy loses the space).
# A monarch's regnal number ends the name: "King Mohammed VI", "Harald V" ("I" is the pronoun).
_REGNAL = r"(?:[IVX]{2,5}|V|X)"
# (every run starts with a capital or the "a"/"e" of "al-"/"el-": the lookahead skips the
# other positions before the look-behinds are tried)
_RUN_RE = re.compile(
    rf"(?=[ae{_UPPER}])(?<![\w'-])(?:(?<!\.)|(?<=[{_LOWER}0-9)\"]\.))(?:{_TOKEN}|{_INITIAL})"
    rf"(?: (?:{_PARTICLE} )?(?:{_TOKEN}|{_INITIAL}))*(?: {_REGNAL})?(?![\w-])"
)
_REGNAL_RE = re.compile(_REGNAL)
_TOKEN_RE = re.compile(rf"(?:{_PARTICLE} )?(?:{_TOKEN}|{_INITIAL})|(?<= ){_REGNAL}(?![\w-])")
_PARTICLE_RE = re.compile(rf"{_PARTICLE} ")

NOT_NAME = frozenset(
    w
    for line in resources.files("store").joinpath("data", "not_name.txt")
    .read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")
    for w in line.split()
)


@lru_cache(maxsize=4096)
def not_name(word: str) -> bool:
    """A capitalised word that is never part of a person's name."""
    w = word.rstrip(".")
    if "-" in w and all(p in NOT_NAME or country_of(p) or country_of_capital(p)
                        for p in w.split("-")):
        return True  # "Vice-Premier", "India-Japan", "US-China"
    head, _, tail = w.partition("-")
    if tail.lower() in _IN_WAITING and not_name(head):
        # "President-elect", "(Prime) Minister-designate", "Chancellor-in-waiting": an office
        # not yet held
        return True
    if "-" in w and any(p in _DATELINE_TITLES for p in w.split("-")[1:]):
        # "KARTA, Freedonia\u2014President Rufus Firefly": the dash, read as a hyphen, glues a
        # dateline to the title after it; "Freedonia-President" is no given name.
        return True
    return (w in NOT_NAME or country_of(w) is not None or country_of_capital(w) is not None
            or _misspelt_title(w))


# What follows a title, hyphenated, for an office won but not yet taken up.
_IN_WAITING = frozenset({"elect", "designate", "in-waiting"})


# Long titles, which real copy sometimes misspells ("U.S. Prsident Joe Biden", "Foreign
# Minster"): a word one slip away from one is the title, not a given name.
_LONG_TITLES = ("President", "Minister", "Secretary", "Chancellor", "Ambassador", "Premier",
                "Spokesman", "Spokeswoman", "Spokesperson", "Governor")


# Title words that open a name's title: after a dateline glued to it by a dash they cut
# the compound ("Arabia-President").
_DATELINE_TITLES = frozenset(_LONG_TITLES + ("Prime", "Foreign", "King", "Queen", "Prince",
                                             "Princess", "Crown", "Vice", "Deputy", "Sheikh",
                                             "Emir", "Chief", "Mr", "Mrs", "Ms", "Dr"))


def _one_slip(a: str, b: str) -> bool:
    """One letter dropped, added, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    return a[i + 1:] == b[i + 1:] or (a[i + 1:i + 2] == b[i:i + 1] and a[i:i + 1] == b[i + 1:i + 2]
                                      and a[i + 2:] == b[i + 2:])


def _misspelt_title(word: str) -> bool:
    return len(word) >= 6 and any(t[0] == word[0] and _one_slip(word, t) for t in _LONG_TITLES)


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word.endswith(".")


def name_runs(text: str, start: int, end: int) -> list[tuple[int, int, list[str]]]:
    """Capitalised runs that may hold a name, trimmed of titles and place words:
    (start, end, words), a particle kept with the word it precedes ("von der Leyen")."""
    out: list[tuple[int, int, list[str]]] = []
    for run in _RUN_RE.finditer(text, start, end):
        lo, hi = run.start(), run.end()
        # A run reads the same wherever it stands but for three characters before it and
        # one after: an article names the same people and places over and over.
        for s, e, words in _split_run(run.group(0), text[max(0, lo - 3):lo], text[hi:hi + 1]):
            out.append((lo + s, lo + e, list(words)))
    return out


@lru_cache(maxsize=8192)
def _split_run(run: str, before: str, after: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """The names in one capitalised run, at offsets in `run`; `before` holds the (up to)
    three characters before it, `after` the one after it."""
    out: list[tuple[int, int, tuple[str, ...]]] = []
    toks = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(run)]
    if toks and (glued := _GLUED_AFTER.match(run, toks[-1][0], toks[-1][1])):
        # "Emmanuel Macronwhich was": the space before the next word was lost.
        toks[-1] = (toks[-1][0], glued.end(1))
    words = [run[s:e] for s, e in toks]
    # Split the run at words that cannot be in a name; keep the name-like stretches.
    blocked = [not_name(bare(w)) for w in words]
    for k, w in enumerate(words):
        # Months that are names too: "Czech Foreign Minister Jan Novak" (a given name
        # before a name), "Theresa May" (a surname after a given name).
        # A capital city after a given name is a surname: "Joao Lima", "Ana Paris".
        after_name = k > 0 and not blocked[k - 1] and not _is_initial(words[k - 1])
        if (blocked[k] and k == 0 and w in _SHORT_FUNCTION and len(words) > 1
                and not blocked[1] and _LOWER_WORD_BEFORE.search(before)):
            # "his counterpart To Lam": a short function word capitalised after a
            # lower-case word, in running prose, is a name ("To", "An", "No").
            blocked[k] = False
        elif (blocked[k] and w in _SHORT_FUNCTION and 0 < k < len(words) - 1
              and words[k - 1] in _DATELINE_TITLES and not blocked[k + 1]):
            # "Vietnam's President To Lam": between a title and a name-like word, the
            # capitalised function word is the given name, not a preposition.
            blocked[k] = False
        elif blocked[k] and ((w == "Jan" and k + 1 < len(words) and not blocked[k + 1])
                           or (after_name and (w in _MONTH_SURNAMES
                                               or country_of_capital(w) is not None))):
            blocked[k] = False
        elif blocked[k] and after_name and _REGNAL_RE.fullmatch(w):
            blocked[k] = False  # "Rufus III": the numeral is no stray word after a name
    i = 0
    while i < len(words):
        if blocked[i]:
            i += 1
            continue
        j = i
        while j < len(words) and not blocked[j]:
            j += 1
        seg = list(range(i, j))
        # Initials may not open or close a name on their own.
        while seg and _is_initial(words[seg[-1]]):
            seg.pop()
        if seg and seg[-1] + 1 < len(words) and words[seg[-1] + 1] in _FACILITY:
            seg = []  # "King Khalid Airport", "Jawaharlal Nehru University": a place
        if seg and any(not _is_initial(words[k]) for k in seg):
            s, e = toks[seg[0]][0], toks[seg[-1]][1]
            seg_words = [words[k] for k in seg]
            if (j < len(words) and seg[-1] == j - 1 and words[j] in _SUFFIXES
                    and (run + after).startswith(".", toks[j][1])):
                # "Ferdinand Marcos Jr.": the suffix is part of the name people use.
                seg_words.append(words[j] + ".")
                e = toks[j][1] + 1
            if len(seg_words) <= 5:  # "Luiz Inacio Lula Da Silva"
                out.append((s, e, tuple(seg_words)))
        i = max(j, i + 1)
    return tuple(out)


_SUFFIXES = frozenset({"Jr", "Sr"})
# A relative pronoun or verb glued to the end of a surname ("Macronwhich", "Vargasaid"):
# long words that no name ends with, unlike "and", "in" or "on" (Ferdinand, Martin, Anton).
_GLUED_AFTER = re.compile(rf"([{_UPPER}][{_LOWER}]{{3,}}?)(?:which|whose|whom|who|that|said|"
                          r"says|were|would)$")
# Places named after people: the name before one of these words is part of the place's.
_FACILITY = frozenset(
    "Airport International University Hospital Stadium Palace Hotel Centre Center Bridge "
    "Road Street Square Station Mosque Hall Institute Foundation Museum Tower Avenue Boulevard "
    "Highway Expressway Cathedral College Academy Library Theatre Theater Arena Harbour Harbor "
    "Canal Mall Plaza Gardens Memorial Monument Mausoleum Prize Award Trophy".split())
# Two-letter English function words that are also name syllables (Vietnamese "To", Korean
# "An", "No"): capitalised mid-sentence, they can only be names.
_SHORT_FUNCTION = frozenset("To In On At By As An No So Of Or If It".split())
_LOWER_WORD_BEFORE = re.compile(r"[a-z] $")
_MONTH_SURNAMES = frozenset({"May", "June", "April"})


def _suffix(word: str) -> bool:
    return word.rstrip(".") in _SUFFIXES


def bare(word: str) -> str:
    """The word without a particle before it: "von der Leyen" -> "Leyen"."""
    m = _PARTICLE_RE.match(word)
    return word[m.end():] if m else word


def canonical_name(tokens: list[str]) -> str:
    """Full name without middle initials: ["Antony", "J.", "Blinken"] -> "Antony Blinken"."""
    words = [t for t in tokens if not _is_initial(t)]
    if len(words) <= 1:
        return " ".join(tokens)  # "S. Jaishankar": the initial is the only given name
    return " ".join(words)


def surname_of(tokens: list[str]) -> tuple[str, str]:
    """(family name, given names); the family name as a bare mention would show it."""
    # A monarch is named bare by the given name: "Mohammed VI", then "King Mohammed".
    words = [t for t in tokens if not _is_initial(t) and not _suffix(t)
             and not _REGNAL_RE.fullmatch(t)] or tokens
    if off.family_name_first(words):
        return words[0], " ".join(words[1:])
    return bare(words[-1]), " ".join(words[:-1])


def fold_diacritics(text: str) -> str:
    """The text without its accents ("Marković" -> "Markovic"); letters without a
    decomposition ("ł", "ø") stay as they are."""
    s = unicodedata.normalize("NFKD", text)
    return "".join(c for c in s if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def spelling_key(name: str) -> str:
    """One key for the spellings of one name across transliterations:
    Sergey/Sergei, Zelensky/Zelenskyy/Zelenskiy, al-Sisi/el-Sisi/Sisi, Erdoğan/Erdogan."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"\b[ae]l[- ]", "", s)
    s = re.sub(r"(?:iy|yy|ii|y|i)\b", "i", s)  # Zelenskiy, Zelenskyy, Sergey -> ...i
    s = s.replace("ey", "ei").replace("-", " ").replace(".", "")  # "S. Jaishankar" = "S Jaishankar"
    return " ".join(s.split())


for _name, _o in off.BY_NAME.items():
    off.BY_KEY.setdefault(spelling_key(_name), _o)
