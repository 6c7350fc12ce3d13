"""Stage 6: which topics each paragraph is about.

Each topic's keywords are one compiled regex (built once per taxonomy). A paragraph
scores the weights of the distinct keywords it contains, plus a bonus for the
topics of its section heading ("TAIWAN, SOUTH CHINA SEA" carries two). A topic
counts when it reaches a whole keyword's worth and is not dwarfed by the
paragraph's main topic, which keeps incidental mentions out ("the Indonesian
island of Bali" is not Taiwan; "Russia" alone is not the war in Ukraine).

Which keyword hits speak of a topic at all (not the names of the sides, titles, items of
long lists, agendas) is `store.ingest.topichits`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from store.ingest.keywords import Hit, KeywordIndex, build_index
from store.ingest.topichits import (
    NO_PARTIES,
    Parties,
    body_hits,
    is_tone,
    names_someone,
    sides_relationship,
)
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
    r"|popular|latest\s+(?:news|stories)|also\s+read|trending"
    r"|other\s+(?:topics|stories|articles)\s+of\s+interest)\b", re.IGNORECASE)
# ...and the same links glued into the text by a copy, opening a sentence: "Other Topics of
# Interest Kharkiv Builds Schools The mayor said ...". (Only unmistakable link labels: a
# sentence may open with "Popular support" or "Related talks".)
LINKS_OPENING = re.compile(
    r"\s*(?:other\s+(?:topics|stories|articles)\s+of\s+interest|read\s+(?:more|also)"
    r"|see\s+also|also\s+read|related\s+(?:stories|articles|news|posts|content))\b", re.IGNORECASE)


def heading_topics(index: KeywordIndex, heading: str | None,
                   parties: Parties = NO_PARTIES) -> list[str]:
    """Topics a section heading names: every one with a whole keyword, else the best one."""
    if not heading:
        return []
    hits = [h for h in index.scan(heading, remember=False)
            if not names_someone(heading, h, parties)]
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
    lo, hi = paras[0].start, max(p.end for p in paras)
    hits = sides_relationship(norm, body_hits(index, norm, lo, hi, parties), index, parties,
                              lo, hi)
    starts = [h.start for h in hits]
    heads: dict[str, list[str]] = {}
    # At a meeting of Ukraine, weapons, jets and defence aid are the war, not a
    # military channel between the two sides; defence cooperation between them, named as
    # such ("deepen military and political collaboration"), still is one.
    at_war = WAR_SIDE in parties.countries
    for i, p in enumerate(paras):
        own = hits_between(hits, starts, p.start, p.end)
        scores[i] = score_hits(index, own)
        if at_war and "military" in scores[i]:
            kept = score_hits(index, [h for h in own if _cooperation(index, h)], ["military"])
            _fold(scores[i], "military", "russia-ukraine")
            if kept:  # (and it supports the war as well: they cooperate for it)
                scores[i]["military"] = kept["military"]
        if p.heading is None:
            continue
        if p.heading not in heads:
            heads[p.heading] = heading_topics(index, p.heading, parties)
        for t in heads[p.heading]:
            scores[i][t] = scores[i].get(t, 0.0) + HEADING_BONUS
    return scores


WAR_SIDE = "Ukraine"
FALLBACK = "relations"  # the relationship as a whole
# Topics that are a sector of government with its own ministers and channels.
SECTORAL = frozenset({"trade", "technology", "military", "climate", "fentanyl", "cyber", "ai"})


_COOPERATION_WORDS = ("cooperat", "co-operat", "collaborat", "partnership", "relations", "ties")


def _cooperation(index: KeywordIndex, hit: Hit) -> bool:
    """Does this military hit name defence cooperation of the sides: a keyword that says so
    ("defence cooperation"), or a field of cooperation made a whole keyword ("military and
    political collaboration")?"""
    kw = index.keywords[hit.topic][hit.keyword]
    return (any(w.startswith(_COOPERATION_WORDS) for w in kw.words)
            or index.weight(hit) > kw.weight)


def _fold(scores: dict[str, float], source: str, target: str) -> None:
    if source in scores:
        scores[target] = scores.get(target, 0.0) + scores.pop(source)


def score_paragraphs(norm: str, paras: list[Para], topics: list[Topic],
                     parties: Parties = NO_PARTIES) -> dict[int, list[str]]:
    """paragraph index -> topic ids it carries (best first; may be several)."""
    index = compile_topics(topics)
    order = {t.id: i for i, t in enumerate(topics)}
    scores = paragraph_scores(norm, paras, index, parties)
    ranked = [rank(s, order) for s in scores]
    _fill_tone(norm, paras, index, parties, scores, ranked, order)
    _fill_from_section(paras, scores, ranked, order)
    _fill_continuations(norm, paras, ranked)
    for i, p in enumerate(paras):
        if p.heading is not None and _ELSEWHERE.match(p.heading):
            ranked[i] = []  # "Related posts": other stories' headlines, not this meeting
    return {p.index: r for p, r in zip(paras, ranked, strict=True) if r}


def unnamed_meeting(paras: Sequence[Para], topics: Sequence[Topic]) -> dict[int, list[str]]:
    """The topics of an article that names none ("A difficult meeting. No surrender."):
    the meeting was still about something, the relationship, the catch-all topic, read
    from every paragraph but links to other stories. Empty if the taxonomy lacks it."""
    if FALLBACK not in {t.id for t in topics}:
        return {}
    return {p.index: [FALLBACK] for p in paras
            if p.heading is None or not _ELSEWHERE.match(p.heading)}


def _fill_tone(norm: str, paras: Sequence[Para], index: KeywordIndex, parties: Parties,
               scores: list[dict[str, float]], ranked: list[list[str]],
               order: dict[str, int]) -> None:
    """A paragraph that only says how the talks went ("the discussions were frank and
    candid") is about what the talks were about: the relationship where the article
    discusses it elsewhere or the meeting was about an issue between the sides (a war,
    a strait), but the sector of talks held by a sector's officials (trade talks stay
    trade, defence ministers' talks military)."""
    if not paras:
        return
    hits = body_hits(index, norm, paras[0].start, max(p.end for p in paras), parties)
    starts = [h.start for h in hits]
    toned = [i for i, p in enumerate(paras) if not ranked[i] and any(
        is_tone(norm, h) for h in hits_between(hits, starts, p.start, p.end))]
    if not toned:
        return
    total: dict[str, float] = {}
    for i, r in enumerate(ranked):
        for t in r:
            total[t] = total.get(t, 0.0) + scores[i][t]
    if not total:
        return
    main = rank(total, order)[:1]
    if FALLBACK in total or not set(main) <= SECTORAL:
        main = [FALLBACK]
    for i in toned:
        ranked[i] = list(main)


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
