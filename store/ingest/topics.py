"""Stage 6: which topics each paragraph is about.

Each topic's keywords are one compiled regex (built once per taxonomy). A paragraph
scores the weights of the distinct keywords it contains, plus a bonus for the
topics of its section heading ("TAIWAN, SOUTH CHINA SEA" carries two). A topic
counts when it reaches a whole keyword's worth and is not dwarfed by the
paragraph's main topic, which keeps incidental mentions out ("the Indonesian
island of Bali" is not Taiwan; "Russia" alone is not the war in Ukraine).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from store.ingest.keywords import TopicMatcher, compile_matcher
from store.ingest.types import Para
from store.models import Topic

THRESHOLD = 1.0  # a whole keyword's worth
RELATIVE = 0.35  # a second topic needs this share of the main topic's score
HEADING_BONUS = 2.0  # a section heading outweighs a stray keyword in its paragraphs
SENTENCE_HEADING_BONUS = 1.0
REPEAT_BONUS = 0.25  # each repeated hit of a keyword, up to REPEAT_CAP in all
REPEAT_CAP = 1.0
# The relationship as a whole is the least specific topic: it loses ties.
GENERAL_TOPICS = frozenset({"relations"})
_OPENING_MARKS = "\"'\u201c\u2018"


@dataclass(frozen=True, slots=True)
class Matchers:
    """The compiled taxonomy: one matcher per topic that has keywords, in taxonomy order."""

    items: tuple[TopicMatcher, ...]

    def get(self, topic_id: str) -> TopicMatcher | None:
        for m in self.items:
            if m.topic_id == topic_id:
                return m
        return None


def compile_topics(topics: Sequence[Topic]) -> Matchers:
    """Matchers for a taxonomy; each topic's regex is cached by its keyword list."""
    out: list[TopicMatcher] = []
    for t in topics:
        m = compile_matcher(t.id, tuple(t.keywords))
        if m is not None:
            out.append(m)
    return Matchers(tuple(out))


def score_hits(matcher: TopicMatcher, hits: Iterable[int]) -> float:
    """Score of a run of keyword hits (their keyword indices): distinct weights + repeats."""
    seen: set[int] = set()
    score = 0.0
    repeats = 0.0
    for k in hits:
        if k in seen:
            repeats += REPEAT_BONUS
        else:
            seen.add(k)
            score += matcher.weights[k]
    return score + min(repeats, REPEAT_CAP) if score else 0.0


def score_span(matchers: Matchers, text: str, start: int, end: int,
               only: Iterable[str] | None = None) -> dict[str, float]:
    """topic id -> score of text[start:end] (topics in `only`, or all)."""
    wanted = None if only is None else set(only)
    out: dict[str, float] = {}
    for m in matchers.items:
        if wanted is not None and m.topic_id not in wanted:
            continue
        s = score_hits(m, (k for _, k in m.hits(text, start, end)))
        if s > 0:
            out[m.topic_id] = s
    return out


def heading_topics(matchers: Matchers, heading: str | None) -> list[str]:
    """Topics a section heading names: every one with a whole keyword, else the best one."""
    if not heading:
        return []
    scores = score_span(matchers, heading, 0, len(heading))
    if not scores:
        return []
    strong = [t for t, s in scores.items() if s >= THRESHOLD]
    if strong:
        return strong
    best = max(scores.values())
    tops = [t for t, s in scores.items() if s == best]
    return tops if len(tops) == 1 else []


def rank(scores: dict[str, float], order: dict[str, int]) -> list[str]:
    """Topics that count, best first; general topics lose ties."""
    if not scores:
        return []
    top = max(scores.values())
    keep = [t for t, s in scores.items() if s >= THRESHOLD and s >= RELATIVE * top]
    return sorted(keep, key=lambda t: (-scores[t], t in GENERAL_TOPICS, order.get(t, 99)))


def paragraph_scores(norm: str, paras: Sequence[Para],
                     matchers: Matchers) -> list[dict[str, float]]:
    """Keyword scores per paragraph (heading bonus included), one regex pass per topic."""
    scores: list[dict[str, float]] = [{} for _ in paras]
    if not paras:
        return scores
    starts = [p.start for p in paras]
    lo, hi = paras[0].start, max(p.end for p in paras)
    for m in matchers.items:
        per_para: dict[int, list[int]] = {}
        for pos, k in m.hits(norm, lo, hi):
            i = bisect_right(starts, pos) - 1
            if i >= 0 and pos < paras[i].end:
                per_para.setdefault(i, []).append(k)
        for i, ks in per_para.items():
            scores[i][m.topic_id] = score_hits(m, ks)
    heads: dict[str, list[str]] = {}
    for i, p in enumerate(paras):
        if p.heading is None:
            continue
        if p.heading not in heads:
            heads[p.heading] = heading_topics(matchers, p.heading)
        for t in heads[p.heading]:
            scores[i][t] = scores[i].get(t, 0.0) + HEADING_BONUS
    return scores


def score_paragraphs(norm: str, paras: list[Para], topics: list[Topic]) -> dict[int, list[str]]:
    """paragraph index -> topic ids it carries (best first; may be several)."""
    matchers = compile_topics(topics)
    order = {t.id: i for i, t in enumerate(topics)}
    scores = paragraph_scores(norm, paras, matchers)
    ranked = [rank(s, order) for s in scores]
    _fill_from_section(paras, scores, ranked, order)
    _fill_continuations(norm, paras, ranked)
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
    """A paragraph that only continues the previous one's quotation shares its topics."""
    for i in range(1, len(paras)):
        if ranked[i] or not ranked[i - 1]:
            continue
        if norm[paras[i].start:paras[i].start + 1] in _OPENING_MARKS:
            ranked[i] = list(ranked[i - 1])


def sentence_topics(matchers: Matchers, norm: str, start: int, end: int,
                    candidates: Sequence[str], heading: Sequence[str]) -> list[str]:
    """Which of its paragraph's topics a sentence (or clause) is about.

    The candidates with the highest keyword score (heading topics get a bonus);
    a span with no keyword of any candidate belongs to all of them.
    """
    if len(candidates) <= 1:
        return list(candidates)
    scores = score_span(matchers, norm, start, end, candidates)
    for t in heading:
        if t in candidates:
            scores[t] = scores.get(t, 0.0) + SENTENCE_HEADING_BONUS
    if not scores:
        return list(candidates)
    best = max(scores.values())
    return [t for t in candidates if scores.get(t, 0.0) == best]
