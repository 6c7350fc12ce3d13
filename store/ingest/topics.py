"""Stage 6: which topics each paragraph is about.

Each topic's keywords are one compiled regex (built once per taxonomy). A paragraph
scores the weights of the distinct keywords it contains, plus a bonus for the
topics of its section heading ("TAIWAN, SOUTH CHINA SEA" carries two). A topic
counts when it reaches a whole keyword's worth and is not dwarfed by the
paragraph's main topic, which keeps incidental mentions out ("the Indonesian
island of Bali" is not Taiwan; "Russia" alone is not the war in Ukraine).

Words that name the meeting's own sides (their countries, capitals and the officials
who met) say who met, not what they discussed: at a Russia–Iran summit "Putin" and
"Tehran" are not the war in Ukraine or the Middle East. `Parties` drops those hits.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from store.ingest.countries import country_of, country_of_capital
from store.ingest.keywords import Hit, KeywordIndex, build_index
from store.ingest.types import Para
from store.models import Topic

THRESHOLD = 1.0  # a whole keyword's worth
RELATIVE = 0.2  # a second topic needs this share of the main topic's score
HEADING_BONUS = 2.0  # a section heading outweighs a stray keyword in its paragraphs
SENTENCE_HEADING_BONUS = 1.0
REPEAT_BONUS = 0.25  # each repeated hit of a keyword, up to REPEAT_CAP in all
REPEAT_CAP = 1.0
_QUOTE_MARK = re.compile("[\"\u201c\u201d]")
_OPENING_MARKS = "\"'\u201c\u2018"


@dataclass(frozen=True, slots=True)
class Parties:
    """The two sides of the meeting, as the words that name them."""

    countries: frozenset[str] = frozenset()  # canonical names: "Russia", "Iran"
    names: frozenset[str] = frozenset()  # lower-case: "vladimir putin", "putin", "vladimir"

    @classmethod
    def of(cls, countries: Iterable[str], people: Iterable[str] = ()) -> Parties:
        """The sides from the pair of countries and the names of the officials who met."""
        names: set[str] = set()
        for person in people:
            words = person.lower().split()
            names.add(" ".join(words))
            names.update(w for w in words if len(w) > 2)
        return cls(frozenset(countries), frozenset(names))

    def named_by(self, words: str) -> bool:
        """Do these words (a keyword as found) only name one of the sides?"""
        w = " ".join(words.split())
        if w.lower() in self.names:
            return True
        country = country_of(w) or country_of_capital(w)
        return country is not None and country in self.countries

    def __bool__(self) -> bool:
        return bool(self.countries or self.names)


NO_PARTIES = Parties()

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
    r"\b(?:Envoy|Ambassador|Representative|Coordinator|Commissioner|Adviser|Advisor)\s+"
    r"(?:to|for|on)\s+(?:the\s+)?$", re.IGNORECASE)


def _names_someone(norm: str, hit: Hit, parties: Parties) -> bool:
    """Does this keyword, where it stands, only say who someone is?"""
    words = norm[hit.start:hit.end]
    if parties and parties.named_by(words):
        return True
    if country_of(words) is not None and _TITLE_AFTER.match(norm, hit.end, hit.end + 60):
        return True
    return _TITLE_BEFORE.search(norm, max(0, hit.start - 40), hit.start) is not None


def body_hits(index: KeywordIndex, norm: str, lo: int, hi: int,
              parties: Parties = NO_PARTIES) -> Sequence[Hit]:
    """Keyword hits in norm[lo:hi] (one remembered scan) that speak of a topic: less those
    that name the sides or an official's title, and less a word inside another topic's
    longer phrase ("economic ties" is trade, not also "ties" of the relationship)."""
    hits = [h for h in index.scan(norm, lo, hi) if not _names_someone(norm, h, parties)]
    return tuple(_in_lists(norm, _outermost(hits), lo, hi))


# Items of an enumeration: runs of short comma-separated pieces ("talks covered defence,
# trade, technology and people-to-people links"). One item among many is a passing
# mention; it counts for LIST_SCALE of a keyword, so it needs support elsewhere.
LIST_SCALE = 0.5
LIST_MIN_ITEMS = 4
_PIECE = re.compile(r"[^,;:.!?()\[\]\n\u201c\u201d\"]+")
_AND = re.compile(r"\s(?:and|or|as\s+well\s+as)\s", re.IGNORECASE)
_LEADING_AND = re.compile(r"\s*(?:and|or|as\s+well\s+as)\s", re.IGNORECASE)
_LEAD_WORDS = 3  # of the first piece, only its last words can be the first item
_ITEM_WORDS = 4  # a middle item has at most this many words
_LAST_WORDS = 8  # the last piece may be "X and Y with their qualifier"


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
    return spans


def _in_lists(norm: str, hits: Sequence[Hit], lo: int, hi: int) -> list[Hit]:
    if not hits:
        return list(hits)
    spans = list_spans(norm, lo, hi)
    if not spans:
        return list(hits)
    out: list[Hit] = []
    j = 0
    for h in hits:
        while j < len(spans) and spans[j][1] <= h.start:
            j += 1
        inside = j < len(spans) and spans[j][0] <= h.start < spans[j][1]
        out.append(replace(h, scale=LIST_SCALE) if inside else h)
    return out


def _outermost(hits: Sequence[Hit]) -> list[Hit]:
    """Hits (sorted by start) less those inside another topic's longer hit. Phrases are
    short, so only the hits that started in the last few words are compared."""
    kept: list[Hit] = []
    recent: list[Hit] = []  # hits whose span may still cover the current one
    for h in hits:
        recent = [o for o in recent if o.end > h.start]
        if not any(o.topic != h.topic and o.end >= h.end and o.end - o.start > h.end - h.start
                   for o in recent):
            kept.append(h)
        recent.append(h)
    return kept


def compile_topics(topics: Sequence[Topic]) -> KeywordIndex:
    """The keyword index of a taxonomy (cached by its ids and keywords)."""
    return build_index([(t.id, t.keywords) for t in topics])


def score_hits(index: KeywordIndex, hits: Iterable[Hit],
               only: Iterable[str] | None = None) -> dict[str, float]:
    """topic id -> score of a run of hits: distinct keyword weights plus a little per repeat."""
    wanted = None if only is None else set(only)
    seen: set[tuple[int, int]] = set()
    score: dict[int, float] = {}
    repeats: dict[int, float] = {}
    for h in hits:
        if wanted is not None and index.topic_ids[h.topic] not in wanted:
            continue
        if (h.topic, h.keyword) in seen:
            repeats[h.topic] = repeats.get(h.topic, 0.0) + REPEAT_BONUS
        else:
            seen.add((h.topic, h.keyword))
            score[h.topic] = score.get(h.topic, 0.0) + index.weight(h)
    return {
        index.topic_ids[t]: s + min(repeats.get(t, 0.0), REPEAT_CAP) for t, s in score.items()
    }


def hits_between(hits: Sequence[Hit], starts: Sequence[int], lo: int, hi: int) -> Sequence[Hit]:
    """The hits (sorted by start; `starts` their start offsets) that begin in [lo, hi)."""
    return hits[bisect_left(starts, lo):bisect_left(starts, hi)]


# Headings of what follows the article on a saved page: links to other stories.
_ELSEWHERE = re.compile(
    r"\s*(?:related|read\s+(?:more|also)|see\s+also|more\s+(?:from|on|stories|news)"
    r"|you\s+may\s+(?:also\s+)?(?:be\s+interested|like)|recommended|most\s+(?:read|popular)"
    r"|popular|latest\s+(?:news|stories)|also\s+read|trending)\b", re.IGNORECASE)


def heading_topics(index: KeywordIndex, heading: str | None,
                   parties: Parties = NO_PARTIES) -> list[str]:
    """Topics a section heading names: every one with a whole keyword, else the best one."""
    if not heading:
        return []
    hits = [h for h in index.scan(heading, remember=False)
            if not _names_someone(heading, h, parties)]
    scores = score_hits(index, hits)
    if not scores:
        return []
    strong = [t for t, s in scores.items() if s >= THRESHOLD]
    if strong:
        return strong
    best = max(scores.values())
    tops = [t for t, s in scores.items() if s == best]
    return tops if len(tops) == 1 else []


def rank(scores: dict[str, float], order: dict[str, int]) -> list[str]:
    """Topics that count, best first; ties go to the topic the text names first
    (`scores` keeps first-mention order and the sort is stable)."""
    if not scores:
        return []
    top = max(scores.values())
    keep = [t for t, s in scores.items() if s >= THRESHOLD and s >= RELATIVE * top]
    return sorted(keep, key=lambda t: -scores[t])


def paragraph_scores(norm: str, paras: Sequence[Para], index: KeywordIndex,
                     parties: Parties = NO_PARTIES) -> list[dict[str, float]]:
    """Keyword scores per paragraph (heading bonus included), one scan of the body."""
    scores: list[dict[str, float]] = [{} for _ in paras]
    if not paras:
        return scores
    hits = body_hits(index, norm, paras[0].start, max(p.end for p in paras), parties)
    starts = [h.start for h in hits]
    heads: dict[str, list[str]] = {}
    for i, p in enumerate(paras):
        scores[i] = score_hits(index, hits_between(hits, starts, p.start, p.end))
        if p.heading is None:
            continue
        if p.heading not in heads:
            heads[p.heading] = heading_topics(index, p.heading, parties)
        for t in heads[p.heading]:
            scores[i][t] = scores[i].get(t, 0.0) + HEADING_BONUS
    return scores


def score_paragraphs(norm: str, paras: list[Para], topics: list[Topic],
                     parties: Parties = NO_PARTIES) -> dict[int, list[str]]:
    """paragraph index -> topic ids it carries (best first; may be several)."""
    index = compile_topics(topics)
    order = {t.id: i for i, t in enumerate(topics)}
    scores = paragraph_scores(norm, paras, index, parties)
    ranked = [rank(s, order) for s in scores]
    _fill_from_section(paras, scores, ranked, order)
    _fill_continuations(norm, paras, ranked)
    for i, p in enumerate(paras):
        if p.heading is not None and _ELSEWHERE.match(p.heading):
            ranked[i] = []  # "Related posts": other stories' headlines, not this meeting
    return {p.index: r for p, r in zip(paras, ranked, strict=True) if r}


def _fill_from_section(paras: Sequence[Para], scores: list[dict[str, float]],
                       ranked: list[list[str]], order: dict[str, int]) -> None:
    """A topic-less paragraph of a headless section (a factbox whose headers were lost)
    takes the section's main topic."""
    sections: dict[int, list[int]] = {}
    for i, p in enumerate(paras):
        if p.section > 0 and p.heading is None:
            sections.setdefault(p.section, []).append(i)
    for members in sections.values():
        if len(members) < 2 or all(ranked[i] for i in members):
            continue
        total: dict[str, float] = {}
        for i in members:
            for t in ranked[i]:
                total[t] = total.get(t, 0.0) + scores[i][t]
        main = rank(total, order)[:1]
        for i in members:
            if not ranked[i]:
                ranked[i] = list(main)


def _fill_continuations(norm: str, paras: Sequence[Para], ranked: list[list[str]]) -> None:
    """A keyword-less paragraph that quotes someone goes on from the previous one and
    shares its topics: a quotation carried on ('"But it has to be sustained," he
    said.') or a reaction ('Wang added: "We will keep at it."'). Quote topics come
    from here; a paragraph without quotes keeps no topic (background, colour)."""
    for i in range(1, len(paras)):
        if ranked[i] or not ranked[i - 1] or paras[i].section != paras[i - 1].section:
            continue
        start, end = paras[i].start, paras[i].end
        if norm[start:start + 1] in _OPENING_MARKS or _QUOTE_MARK.search(norm, start, end):
            ranked[i] = list(ranked[i - 1])


def sentence_topics(index: KeywordIndex, hits: Sequence[Hit], candidates: Sequence[str],
                    heading: Sequence[str]) -> list[str]:
    """Which of its paragraph's topics a sentence (or clause) with these hits is about.

    The candidates with the highest keyword score (heading topics get a bonus);
    a span with no keyword of any candidate belongs to all of them.
    """
    if len(candidates) <= 1:
        return list(candidates)
    scores = score_hits(index, hits, candidates)
    for t in heading:
        if t in candidates:
            scores[t] = scores.get(t, 0.0) + SENTENCE_HEADING_BONUS
    if not scores:
        return list(candidates)
    best = max(scores.values())
    return [t for t in candidates if scores.get(t, 0.0) == best]
