"""Stage 8: money, counts, percentages and durations with the noun they count.

One compiled pattern finds every number-like span per paragraph; small checks
then throw out what is not a figure (years, dates, times of day, ordinals,
ages, "No. 2", "the two leaders") and read the value, unit and noun.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from store.ingest.cueprefix import lead_guarded
from store.ingest.datetext import MONTHS
from store.ingest.types import Para
from store.models import Figure

_WORD_VALUES: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a hundred": 100, "one hundred": 100, "a thousand": 1000,
    "a dozen": 12, "half a dozen": 6, "a half": 0.5, "an": 1, "a": 1,
}
_VAGUE = frozenset(["dozens", "scores", "hundreds", "thousands", "millions", "billions"])
_ARTICLE_BEFORE = re.compile(lead_guarded(r"(?:\b(?P<half>[Hh]alf )?\b[Aa] )$"))
_SCALES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6,
           "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_CURRENCY_PREFIX = {"us$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
                    "£": "GBP", "gbp": "GBP", "¥": "JPY", "rmb": "CNY", "cny": "CNY",
                    "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR", "a$": "AUD", "hk$": "HKD"}
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "yuan": "CNY", "renminbi": "CNY",
                   "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP", "yen": "JPY",
                   "rupee": "INR", "rupees": "INR", "crore": "INR", "won": "KRW",
                   "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB"}
_DURATIONS = {"second": "seconds", "minute": "minutes", "hour": "hours", "day": "days",
              "week": "weeks", "month": "months", "year": "years", "decade": "decades"}
_DISTANCES = {"mile": "miles", "miles": "miles", "km": "km", "kilometre": "km",
              "kilometres": "km", "kilometer": "km", "kilometers": "km"}
_IN_MINUTES = {"seconds": 1 / 60, "minutes": 1, "hours": 60, "days": 1440, "weeks": 10080}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUMS = (
    # "a dozen", "a hundred": matched on the noun and read back (see _ARTICLE_BEFORE),
    # since a pattern opening with "a" would be tried at every "a" of the text.
    "dozens|dozen|scores|hundreds|hundred|thousands|thousand|millions|billions|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    "fifty|sixty|seventy|eighty|ninety"
).split("|")
_QUAL = (
    r"more than|fewer than|less than|over|under|about|around|nearly|almost|roughly|"
    r"approximately|some|at least|up to|as many as|as much as|close to|just over|"
    r"just under|an estimated|upwards of|only|a total of|a further|another"
)
_QUAL_BEFORE = re.compile(lead_guarded(rf"(?<![\w-])(?:{_QUAL})\s+$"), re.IGNORECASE)
_UNIT = (
    r"%|percent|per cent|percentage points?|dollars?|yuan|renminbi|euros?|pounds?|yen|rupees?|"
    r"crore|won|rubles?|roubles?|seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|"
    r"miles?|kilometres?|kilometers?|km"
)
_TAIL = (
    r"(?:\s(?P<s2>hundred|thousand|million|billion|trillion)\b)?"
    rf"(?:\s?(?P<unit>{_UNIT})(?![\w]))?"
)
# Three case-sensitive patterns rather than one IGNORECASE alternation: each starts with
# a literal or a character class, so the regex engine skips ahead to candidate first
# characters; on long text that is several times faster.
_MONEY_TAIL = (
    rf"(?P<n1>{_NUM})(?:\s?(?P<s1>thousand|million|billion|trillion|bn|mln|tn|[mbk])\b)?"
)
_DIGIT_FIGURE = re.compile(
    rf"(?=[\d$€£¥₹])(?:(?P<cur>\$|€|£|¥|₹)\s?{_MONEY_TAIL}|(?P<n2>{_NUM})(?![\w,/]){_TAIL})"
)
_CODE_FIGURE = re.compile(rf"(?P<cur>US\$|HK\$|A\$|USD|EUR|GBP|RMB|CNY|INR|Rs\.?)\s?{_MONEY_TAIL}")


def _trie(words: list[str]) -> str:
    """A regex matching exactly `words`, factored by shared prefixes.

    'two|twelve|twenty' becomes 'tw(?:o|e(?:lve|nty))': the engine then tests each
    position against a few first letters instead of every word in turn (2x faster).
    """
    groups: dict[str, list[str]] = {}
    ends = False
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w[1:])
        else:
            ends = True
    alts = [re.escape(ch) + _trie(rest) for ch, rest in sorted(groups.items())]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 and not ends else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if ends else body


_WORD_FIGURE_LOWER = re.compile(rf"(?P<n2>{_trie(_WORDNUMS)})\b{_TAIL}")
_WORD_FIGURE_TITLE = re.compile(
    rf"(?P<n2>{_trie([w[0].upper() + w[1:] for w in _WORDNUMS])})\b{_TAIL}"
)
FIGURE_PATTERNS = (_DIGIT_FIGURE, _CODE_FIGURE, _WORD_FIGURE_LOWER, _WORD_FIGURE_TITLE)
# A paragraph with more numbers than this is a data table, not prose citing figures;
# the cap also bounds the cost of pasted spreadsheets.
MAX_PER_PARAGRAPH = 60
_BAD_BEFORE = frozenset("._,$€£¥/-")
_NOUN_WORD = re.compile(r"\s+((?:[A-Z]\.){2,}|[A-Za-z][A-Za-z'-]*)")
_NOUN_STOP = frozenset(
    "a an the this that these those its their his her our my your of in on at to for from by "
    "with and or but as than since during after before per who which whom whose are were was is "
    "be been being said say says have has had will would could should can may might must do does "
    "did not no last next ago each apiece more less about into over under between among against "
    "while when where if so also only just even still then there here it they we he she you i "
    "out up down off than such other others both all any some most many much very too".split()
)
# Counted things that say nothing on their own: "the two sides", "one of", "three times".
_GENERIC = frozenset(
    "side sides country countries nation nations leader leaders man men time times way ways "
    "thing things point points issue issues part parts word words other others another one ones "
    "kind kinds type types sort of more main key top largest biggest major new day days "
    "hand hands".split()
)
_NOT_AFTER = re.compile(  # (guarded: skips positions no match starts at)
    lead_guarded(r"(?:\b(?:no|nos|section|article|phase|flight|resolution|chapter|title|route|"
    r"room|level|"
    r"category|page|paragraph|item|g|covid|the|these|those|both|all|first|last|every|each|"
    r"aged?|at|since|in|by|until|from|of)\.?\s*$)"),
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(r"\b([A-Za-z]{3,9})\.?\s*$")
_MONTH_AFTER = re.compile(r"\s*(?:of\s+)?([A-Za-z]{3,9})\b")
_TIME_AFTER = re.compile(r"(?::\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|[ap]m\b|gmt\b|utc\b|o'clock\b))",
                         re.IGNORECASE)


def _value(raw: str) -> float | None:
    low = raw.lower()
    if low in _WORD_VALUES:
        return _WORD_VALUES[low]
    if low in _VAGUE:
        return None
    try:
        return float(low.replace(",", ""))
    except ValueError:
        return None


_MODIFIERS = frozenset(
    "detained jailed imprisoned wrongfully additional new military foreign international "
    "illegal active-duty metric nuclear civilian chinese american russian indian japanese "
    "korean ukrainian taiwanese u.s. local overseas senior young".split()
)


_ADJECTIVE_END = re.compile(r"(?:ic|al|ar|ive|ous|ary|ful|ian|ese|ish|ed)$")
# Nouns that count as plural without an -s: "1,000 people", "200 personnel".
_PLURALS = frozenset(
    "people police staff personnel cattle children men women yuan yen won rupees sheep fish "
    "aircraft crew militia".split()
)
# "$61 billion for Ukraine", "$8 billion in aid" -- but not "in the year to March".
_MONEY_LEAD = r"(?:for|of|worth of|to)\s+(?:the\s+)?|in\s+(?!the\b|a\b)"
_TIME_NOUNS = frozenset("year years month months week weeks day days quarter time".split())


def _noun(text: str, pos: int, end: int, lead: str | None = None) -> tuple[str, int]:
    """The noun phrase a number counts ('Chinese students', 'troops'); (noun, end offset).

    Without a tagger: modifiers (capitalised adjectives like 'Chinese', or a few known
    ones like 'detained') may come first; the first other word is the head and ends it.
    """
    if lead:
        m = re.compile(rf"\s+(?:{lead})", re.IGNORECASE).match(text, pos, end)
        if m:
            pos = m.end() - 1
    words: list[str] = []
    last = pos
    while len(words) < 3:
        m = _NOUN_WORD.match(text, last, end)
        if not m or m[1].lower() in _NOUN_STOP:
            break
        word = m[1]
        words.append(word)
        last = m.end()
        is_modifier = (
            word.lower() in _MODIFIERS
            or (word[0].isupper() and not word.endswith("s"))
            or word.endswith("'s")  # "the world's solar panels"
            or (len(word) > 4 and word.islower() and _ADJECTIVE_END.search(word) is not None)
        )
        if not is_modifier:
            break
    if words and words[-1].lower() in _TIME_NOUNS:
        return "", pos  # "$85 billion a year": a rate, not a thing counted
    return " ".join(words), last


def _is_date_or_time(text: str, start: int, end: int, raw: str) -> bool:
    before = _MONTH_BEFORE.search(text, max(0, start - 12), start)
    if before and before[1].lower() in MONTHS:
        return True
    after = _MONTH_AFTER.match(text, end, min(len(text), end + 14))
    if after and after[1].lower() in MONTHS and raw.isdigit() and int(raw) <= 31:
        return True
    return _TIME_AFTER.match(text, end, min(len(text), end + 6)) is not None


def _figure(text: str, m: re.Match[str], para: Para) -> Figure | None:
    start = m.start()
    end = m.end()
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in _BAD_BEFORE):
        return None  # inside a word or code: "G20", "COVID-19", "someone", "1/2"
    q = _QUAL_BEFORE.search(text, max(para.start, start - 25), start)
    qual = q.group(0) if q else None
    if q:
        start = q.start()
    g = m.groupdict()
    if g.get("n1"):  # money with a currency sign
        cur = g["cur"].strip().lower()
        unit = _CURRENCY_PREFIX.get(cur, cur.upper())
        value = _value(g["n1"])
        scale = (g["s1"] or "").lower()
        if value is not None and scale:
            value *= _SCALES.get(scale, 1)
        if unit == "JPY" and "yuan" in text[end:end + 20].lower():
            unit = "CNY"
        noun, _ = _noun(text, end, para.end, lead=_MONEY_LEAD)
        return Figure(text=text[start:end], value=value, unit=unit, noun=noun,
                      paragraph=para.index, start=start, end=end)

    raw = m["n2"]
    low = raw.lower()
    unit_word = (m["unit"] or "").lower()
    scale = (m["s2"] or "").lower()
    is_digit = raw[0].isdigit()
    if low in ("dozen", "hundred", "thousand"):
        art = _ARTICLE_BEFORE.search(text, max(para.start, m.start() - 8), m.start())
        if art is None:
            return None  # "two hundred" is read from "two"; a bare "hundred" is not a number
        start = art.start()
        q = _QUAL_BEFORE.search(text, max(para.start, start - 25), start)
        if q:
            qual, start = q.group(0), q.start()
        low = ("half a " if art["half"] else "a ") + low
    if is_digit and not unit_word and not scale:
        if re.fullmatch(r"(?:19|20)\d\d", raw):
            return None  # a year
    if _is_date_or_time(text, m.start("n2"), m.end("n2"), raw):
        return None
    prefix = text[max(para.start, m.start() - 15):m.start()]
    if not qual and _NOT_AFTER.search(prefix) and not unit_word and not scale:
        return None
    if text[end:end + 1] == "-" or text[end:end + 5].lower().startswith("-year"):
        return None  # "23-year-old", "two-day visit"
    value = _value(low)
    if value is not None and scale:
        value *= _SCALES[scale]
    if unit_word in ("%", "percent", "per cent"):
        noun, _ = _noun(text, end, para.end, lead=r"of\s+(?:the\s+)?")
        return Figure(text=text[start:end], value=value, unit="percent", noun=noun,
                      paragraph=para.index, start=start, end=end)
    if unit_word.startswith("percentage point"):
        return Figure(text=text[start:end], value=value, unit="percentage points",
                      paragraph=para.index, start=start, end=end)
    if unit_word in _CURRENCY_WORDS:
        noun, _ = _noun(text, end, para.end, lead=_MONEY_LEAD)
        return Figure(text=text[start:end], value=value, unit=_CURRENCY_WORDS[unit_word],
                      noun=noun, paragraph=para.index, start=start, end=end)
    if unit_word in _DISTANCES:
        return Figure(text=text[start:end], value=value, unit=_DISTANCES[unit_word],
                      paragraph=para.index, start=start, end=end)
    if unit_word:
        unit = _DURATIONS.get(unit_word.rstrip("s"), unit_word)
        if unit == "years" and not (qual or low in _WORD_VALUES or is_digit):
            return None
        if text[end:end + 4].lower() in (" old", "-old"):
            return None  # an age
        return Figure(text=text[start:end], value=value, unit=unit, paragraph=para.index,
                      start=start, end=end)
    # A count: it needs a thing counted, and a word number needs a specific one.
    lead = r"of\s+(?:the\s+)?" if low in _VAGUE or scale else None
    noun, _ = _noun(text, end, para.end, lead=lead)
    if not noun:
        return None
    head = noun.split(" ")[-1]
    if (value is None or value > 1) and not (head.endswith("s") or head.lower() in _PLURALS):
        return None  # after a number above one the counted noun is plural: not "four difficult"
    first = noun.split(" ")[0].lower()
    if first in _GENERIC or (not is_digit and low == "one"):
        return None
    if not is_digit and not qual and not scale and first.rstrip("s") in _GENERIC:
        return None
    return Figure(text=text[start:end], value=value, unit="count", noun=noun,
                  paragraph=para.index, start=start, end=end)


def _merge_durations(text: str, figures: list[Figure]) -> list[Figure]:
    """'one hour, 20 minutes' is one duration, not two figures."""
    out: list[Figure] = []
    for f in figures:
        prev = out[-1] if out else None
        if (prev is not None and prev.unit in _IN_MINUTES and f.unit in _IN_MINUTES
                and prev.paragraph == f.paragraph
                and text[prev.end:f.start] in (", ", " and ", ", and ", " ")
                and _IN_MINUTES[prev.unit] > _IN_MINUTES[f.unit]):
            total = None
            if prev.value is not None and f.value is not None:
                total = (prev.value * _IN_MINUTES[prev.unit] + f.value * _IN_MINUTES[f.unit]) \
                    / _IN_MINUTES[f.unit]
            out[-1] = Figure(text=text[prev.start:f.end], value=total, unit=f.unit,
                             paragraph=f.paragraph, start=prev.start, end=f.end)
            continue
        out.append(f)
    return out


def find_figures(text: str, paras: list[Para]) -> list[Figure]:
    """Every figure cited in the body, with its paragraph and offsets."""
    if not paras:
        return []
    # One scan per pattern over the whole body (not one per paragraph): far fewer
    # calls into the regex engine; each hit is then placed in its paragraph.
    starts = [p.start for p in paras]
    hits: dict[int, list[re.Match[str]]] = {}
    lo, hi = paras[0].start, paras[-1].end
    for pattern in FIGURE_PATTERNS:
        for m in pattern.finditer(text, lo, hi):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.end() <= paras[i].end:
                hits.setdefault(i, []).append(m)
    figures: list[Figure] = []
    for i in sorted(hits):
        para = paras[i]
        found: list[Figure] = []
        for tried, m in enumerate(sorted(hits[i], key=lambda m: m.start())):
            if tried >= MAX_PER_PARAGRAPH * 5 or len(found) >= MAX_PER_PARAGRAPH:
                break
            f = _figure(text, m, para)
            if f is not None:
                found.append(f)
        found.sort(key=lambda f: f.start)
        last_end = -1
        for f in found:
            if f.start >= last_end:  # "one hundred" and "hundred" never both
                figures.append(f)
                last_end = f.end
    return _merge_durations(text, figures)
