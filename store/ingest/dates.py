"""Stage 2b: the meeting date, from weekday or date references in the body.

Candidates are weekday mentions ("on Friday", "Friday's meeting", "today")
resolved with dateutil against the publication date, and explicit dates
("on July 27", "Jan. 26", "June 18, 2023"). Each is scored: earlier
paragraphs and a meeting verb in the same sentence raise it; background
clauses ("who met Xi in November", "last year", "will meet") lower it. The
best candidate wins; without one, the publication date is the meeting date
(most wire stories are filed the day of the meeting).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as Weekday  # noqa: N812 - dateutil's class name

from store.ingest.boilerplate import is_caption_line
from store.ingest.cueprefix import lead_guarded
from store.ingest.datetext import MONTH_RE, has_year, match_date
from store.ingest.types import Para

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Every pattern here is case-sensitive and opens with a literal or a digit, so the
# regex engine can skip ahead to candidates ("May" the month, not "may" the verb).
_WEEKDAY = re.compile(
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?P<poss>'s)?\b"
)
_WEEKDAY_MOD = re.compile(r"\b(?P<mod>last|this|next|on|late|early|since|until|by)\s+$")
_TODAY = re.compile(r"(?P<word>today|Today|tonight|Tonight|yesterday|Yesterday)\b")
_MONTH_DATE = re.compile(
    rf"(?P<m1>{MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])"
    rf"(?:[,.]?\s+(?P<y1>(?:19|20)\d\d)\b)?"
)
_DIGIT_DATE = re.compile(
    rf"(?=\d)(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH_RE})\b\.?"
    rf"(?:,?\s+(?P<y2>(?:19|20)\d\d)\b)?"
    rf"|(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)\b"
    # "27/10/2023", "19.05.2024" (day first; see datetext.match_date)
    rf"|(?P<a4>[0-3]?\d)[/.](?P<b4>[01]?\d|3[01]|2\d)[/.](?P<y4>(?:19|20)\d\d)(?!\d))"
)
# (Guarded by their first letters, so the scan skips other positions fast; see cueprefix.)
_MEETING = re.compile(
    lead_guarded(r"\b(?:met|meet|meets|meeting|meetings|talks|summit|held|hold|holds|hosted|hosts|"
    r"visit|visited|visits|visiting|sat down|spoke|speak|call|called|phone|conversation|"
    r"discussed|discussions|dialogue|gathered|agreed|agree|received|welcomed|"
    r"convened|exchange|exchanged)\b"),
    re.I,
)
# Clauses that place a date in the background or the future.
_BACKGROUND = re.compile(
    lead_guarded(r"\b(?:who|when he|when she|when they|since|previous|previously|last met|"
    r"first met|"
    r"earlier this year|last year|last month|ago|in (?:19|20)\d\d|will|would|plans? to|"
    r"planned|expected to|scheduled|set to|next|upcoming|later this|ahead of|before the|"
    r"anniversary|election|deadline|due to|until|before|arrived|arrives|landed|lands|"
    r"departed|leaves|left for|followed|follows|following)\b"),
    re.I,
)


# "a month after February 14", "After the visit to Rome on 21 December, ...": a date after
# "after" is of an earlier event, unless the words between name the meeting itself.
_AFTER = re.compile(lead_guarded(
    r"\b[Aa]fter\b(?![^,.;]*\b(?:talks|meeting|summit|call)\b)[^,.;]{0,50}$"))
# Words that always tie the date after them to an earlier event ("since their last
# meeting on March 3"): such a date is never this meeting's, whatever else scores it.
_EARLIER = re.compile(lead_guarded(
    r"\b(?:[Ss]ince|[Pp]revious(?:ly)?|last met|first met|last meeting|"
    r"earlier meeting)\b[^,.;]{0,50}$"))
# A paragraph that opens by setting itself in the past: "Earlier, ...", "Previously, ...",
# "Last month, ...". ("Earlier on Monday" and "Earlier in the day" are the news day itself.)
_BACKGROUND_PARAGRAPH = re.compile(
    r"(?:Earlier|Previously|Before that|Last (?:week|month|year)|In (?:19|20)\d\d),")
# A date whose verb is one of telling after the fact, right after it: "X on Saturday
# briefed reporters on his meeting", "Y on Monday told a news conference". The date
# belongs to the telling. ("X on Friday said they agreed" is mostly the meeting's own day:
# "said" and "announced" are left out.)
_TELLING_AFTER = re.compile(
    r"\s+(?:briefed|briefs|told|tells|reported|reports|wrote|writes|posted|posts|tweeted"
    r"|revealed|recalled|disclosed)\b")
_PAST_PERFECT = re.compile(lead_guarded(
    r"\bhad\s+(?:\w+ly\s+)?\w+(?:ed|held|met|spoken|made|given|taken)\b"))


@dataclass(frozen=True, slots=True)
class _Candidate:
    when: date
    score: float
    pos: int
    phrase: str  # the words it was read from: "on Tuesday", "on 18 February 2025"


@dataclass(frozen=True, slots=True)
class MeetingDate:
    """The meeting date ingest settled on, and where it came from."""

    when: date | None = None
    # The phrase it was read from: "on Tuesday + stamp 2025-08-19", "on 18 February 2025",
    # "publication date 2025-02-18 (no date of the meeting in the text)".
    source: str | None = None
    # True when the text gives no date of the meeting and the article's own date stands in.
    guessed: bool = False


def _phrase(text: str, start: int, end: int, lo: int) -> str:
    """The date as written, with the preposition before it: "on Friday", "since March 3"."""
    m = re.search(r"\b(?:on|since|last|this|from|until|by)\s+$", text[max(lo, start - 8):start])
    head = m[0] if m else ""
    return " ".join((head + text[start:end]).split())


def _weekday_date(name: str, mod: str | None, published: date) -> date | None:
    idx = _WEEKDAY_NAMES.index(name)
    wd = Weekday(idx)
    if mod == "next":
        return None  # a future event, not the meeting reported
    if mod == "last":
        # "last Friday": the Friday before the publication day's week position.
        return published + relativedelta(days=-1, weekday=wd(-1))
    return published + relativedelta(weekday=wd(-1))


def _sentence_bounds(para: Para, pos: int) -> tuple[int, int]:
    i = bisect_right([s.start for s in para.sentences], pos) - 1
    if i >= 0 and pos < para.sentences[i].end:
        return para.sentences[i].start, para.sentences[i].end
    return para.start, para.end


class _MeetingWords:
    """Whether a sentence holds a meeting word, each sentence searched once: a sentence of
    a thousand dates asks once per date, and searching it again each time is quadratic."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict[tuple[int, int], bool] = {}

    def within(self, s0: int, s1: int) -> bool:
        if (s0, s1) not in self.seen:
            self.seen[(s0, s1)] = _MEETING.search(self.text, s0, s1) is not None
        return self.seen[(s0, s1)]


def _score_context(
    text: str, para: Para, start: int, end: int, meeting_words: _MeetingWords
) -> float:
    """How strongly the words around a date tie it to the meeting reported."""
    s0, s1 = _sentence_bounds(para, start)
    score = 0.0
    near = text[max(s0, start - 90):min(s1, end + 60)]
    if _MEETING.search(near):
        score += 3.0
    elif meeting_words.within(s0, s1):
        score += 1.5
    before = text[max(s0, start - 60):start]
    if _EARLIER.search(before) or _AFTER.search(before):
        return -10.0
    bg = _BACKGROUND.search(before)
    if bg:
        score -= 4.0
    elif _BACKGROUND.search(text[end:min(s1, end + 25)]):
        score -= 1.0
    if _TELLING_AFTER.match(text, end, min(s1, end + 20)):
        score -= 2.0  # "Wang on Saturday briefed reporters on the talks": the day of telling
    if _PAST_PERFECT.search(text, end, min(s1, end + 40)):
        score -= 2.0  # "On Sunday he had held talks": an earlier event
    if _BACKGROUND_PARAGRAPH.match(text, para.start, para.end):
        score -= 3.0  # "Earlier, ...": the paragraph tells what came before the news
    if s0 == para.start and para.index == 0:
        score += 1.0  # the lede's first sentence carries the news of the day
    return score


def _candidates(
    text: str, paras: list[Para], published: date | None, anchor_source: str
) -> list[_Candidate]:
    out: list[_Candidate] = []
    lead = paras[:8]  # the meeting reported is named early; later dates are context
    if not lead:
        return out
    starts = [p.start for p in lead]
    words = _MeetingWords(text)

    def para_of(m: re.Match[str]) -> tuple[int, Para] | None:
        i = bisect_right(starts, m.start()) - 1
        return (i, lead[i]) if i >= 0 and m.end() <= lead[i].end else None

    lo, hi = lead[0].start, lead[-1].end
    said_last_month: dict[int, bool] = {}  # each paragraph searched once: stays linear

    def in_last_month(p: Para) -> bool:
        if p.index not in said_last_month:
            said_last_month[p.index] = any(
                not _LAST_MONTH_ASIDE.search(text, max(p.start, m.start() - 80), m.start())
                for m in _LAST_MONTH.finditer(text, p.start, p.end))
        return said_last_month[p.index]

    def last_month(para: Para) -> bool:
        """Does the lede, or this paragraph, put the meeting in the month before?"""
        return in_last_month(lead[0]) or in_last_month(para)

    text_years = {int(y[0]) for y in _YEAR.finditer(text, lo, max(p.end for p in paras))}
    lede_day = _lede_weekday(text, lead[0], words) if published is None else None
    if published is not None:
        for m in _WEEKDAY.finditer(text, lo, hi):
            found = para_of(m)
            if found is None:
                continue
            rank, para = found
            mm = _WEEKDAY_MOD.search(text, max(para.start, m.start() - 8), m.start())
            mod = mm["mod"] if mm else None
            when = _weekday_date(m["day"], mod, published)
            if when is None:
                continue
            if when.month == published.month and last_month(para):
                continue  # "late last month ... on Friday": not a Friday of this month
            extra = 0.5 if m["poss"] else 0.0  # "Friday's meeting"
            if mod in ("since", "until", "by"):
                extra -= 2.0
            context = _score_context(text, para, m.start(), m.end(), words)
            score = 2.0 - 0.35 * rank + extra + context
            phrase = _phrase(text, m.start(), m.end(), para.start) + f" + {anchor_source}"
            out.append(_Candidate(when, score, m.start(), phrase))
        for m in _TODAY.finditer(text, lo, hi):
            found = para_of(m)
            if found is None:
                continue
            rank, para = found
            word = m["word"].lower()
            when = published - timedelta(days=1) if word == "yesterday" else published
            score = 2.0 - 0.35 * rank - 0.5 + _score_context(text, para, m.start(), m.end(), words)
            out.append(_Candidate(when, score, m.start(), f"{m['word']} + {anchor_source}"))
    for m in [*_MONTH_DATE.finditer(text, lo, hi), *_DIGIT_DATE.finditer(text, lo, hi)]:
        found = para_of(m)
        if found is None:
            continue
        rank, para = found
        base = 2.0 - 0.35 * rank
        year = published.year if published else None
        when = match_date(m, year)
        if when is None and year is None and not has_year(m):
            when = _year_by_weekday(text, m, lo, hi, text_years)
        if when is None:
            continue
        if lede_day is not None and when.weekday() != lede_day:
            continue  # "met Friday" in the lede: a date on another weekday is another event's
        if published and not has_year(m) and when > published + timedelta(days=30):
            when = when.replace(year=when.year - 1)  # "Dec. 30" read in January
        score = base + 0.3 + _score_context(text, para, m.start(), m.end(), words)
        if para.index == 0 and _LEDE_OPENING.fullmatch(text, para.start, m.start()):
            score += 1.0  # "On 6 March, ...": the lede opens by dating its news
        if para.end - para.start <= 500 and is_caption_line(text[para.start:para.end]):
            score -= 4.0  # a photo caption left in the body: the day of its picture
        phrase = _phrase(text, m.start(), m.end(), para.start)
        if not has_year(m) and published is not None:
            phrase += f" + {anchor_source}"
        if published and when > published:
            score -= 2.0  # an announced future date
        if published and (published - when).days > 45:
            score -= 2.0  # long before the article: background
        out.append(_Candidate(when, score, m.start(), phrase))
    return out


def _lede_weekday(text: str, lede: Para, words: _MeetingWords) -> int | None:
    """The weekday the lede gives the meeting ("X and Y at their first meeting Friday
    agreed ..."), as 0-6: a weekday in a sentence with a meeting word, not "last"/"next"."""
    for m in _WEEKDAY.finditer(text, lede.start, lede.end):
        mm = _WEEKDAY_MOD.search(text, max(lede.start, m.start() - 8), m.start())
        if mm is not None and mm["mod"] not in ("on", "this", "late", "early"):
            continue
        s0, s1 = _sentence_bounds(lede, m.start())
        if words.within(s0, s1) and not _BACKGROUND.search(text, max(s0, m.start() - 60),
                                                           m.start()):
            return _WEEKDAY_NAMES.index(m["day"])
    return None


# What may stand before a date that opens the lede: "On 6 March, the ministers met".
_LEDE_OPENING = re.compile(r"\s*(?:On\s+)?")
# A year the story names, not a target ("by 2030") or a limit ("until 2028").
# "late last month": a weekday then names a day of the month before the stamp's.
_LAST_MONTH = re.compile(lead_guarded(r"\blast\s+month\b"))
# ...unless "last month" dates another event, in a clause of its own: "since Varga took
# office last month", "who took office last month", "after clashes last month".
# ("that" as a relative pronoun, a verb right after it: "talks that started last month".)
_LAST_MONTH_ASIDE = re.compile(
    lead_guarded(r"\b(?:who|whom|whose|which|since|after|following|when|that\s+(?:\w+ed|began|took|met|held"
    r"|was|were|had|came|broke|went|saw|began|ran)\b)\b[^,.;:()]*$"), re.IGNORECASE)
# (`(?=[12])` first, as every year does: the engine then skips to a 1 or a 2 instead of
# trying the four lookbehinds at every position, seven times faster)
_YEAR = re.compile(r"(?=[12])(?<!\bby )(?<!\buntil )(?<!\bthrough )(?<!\bto )\b(?:19|20)\d\d\b")
# A weekday beside a date without a year: "on Thursday (February 13)", "Friday, 14 March".
_WEEKDAY_BEFORE = re.compile(
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[\s,(]{1,3}$")
_WEEKDAY_AFTER = re.compile(
    r"[\s,(]{1,3}(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _year_by_weekday(text: str, m: re.Match[str], lo: int, hi: int,
                     years: set[int]) -> date | None:
    """A day and month with no year and no stamp, named with its weekday: the year is
    certain when the latest year the text names puts that day on that weekday ("on
    Thursday (February 13)" in a story that names 2024 and 2025 is 2025). Earlier years
    are background ("the 2008 pact"); a story is not older than the years it names."""
    day = (_WEEKDAY_BEFORE.search(text, max(lo, m.start() - 12), m.start())
           or _WEEKDAY_AFTER.match(text, m.end(), min(hi, m.end() + 12)))
    if day is None or not years:
        return None
    when = match_date(m, max(years))
    return when if when is not None and when.weekday() == _WEEKDAY_NAMES.index(day["day"]) \
        else None


def resolve_meeting_date(
    text: str,
    paras: list[Para],
    published: date | None,
    *,
    published_source: str | None = None,
    caption_date: date | None = None,
    filed: date | None = None,
    filed_source: str | None = None,
) -> MeetingDate:
    """The day the meeting took place, resolved against the article's own date.

    Without a date of its own, a photo caption's full date anchors weekdays ("on Sunday"
    and a caption of Sunday's talks). Without a date of the meeting in the text, the
    article's date stands in (`guessed`); without either, None (the user gives one).
    """
    anchor = filed or published or caption_date
    if filed is not None:
        anchor_source = filed_source or f"dateline {filed.isoformat()}"
    elif published is not None:
        anchor_source = published_source or f"publication date {published.isoformat()}"
    elif caption_date is not None:
        anchor_source = f"caption {caption_date.isoformat()}"
    else:
        anchor_source = ""
    cands = _candidates(text, paras, anchor, anchor_source)
    good = [c for c in cands if c.score > 0.5]
    if good:
        best = max(good, key=lambda c: (c.score, -c.pos))
        return MeetingDate(best.when, best.phrase)
    if anchor is None:
        return MeetingDate()
    kind = ("dateline date" if filed is not None else "publication date" if published
            is not None else "caption date")
    return MeetingDate(anchor, f"{kind} {anchor.isoformat()} (no date of the meeting in the text)",
                       guessed=True)
