"""Each side's stated positions: what it wants, fears, denies, proposes or welcomes.

Most of what an article says about a topic is reported speech: "Blinken raised concerns
about China's support for Russia's military", "China says it has not provided weaponry",
"Wang urged the U.S. to stop ...". A position is a clause after a verb of saying, urging,
warning, denying, welcoming or proposing, with the side of its subject. A direct quote whose
sentence names no such clause is the position itself, and points to the quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from store.ingest.clause_subject import SubjectFinder, clause_start, inside_quotes, sentences_of
from store.ingest.keywords import Hit, KeywordIndex
from store.ingest.types import ActorTable, Para
from store.models import Position, PositionKind, Quote

# Verbs of stance by kind; the longest alternatives first where one is a prefix of another.
_KINDS: list[tuple[PositionKind, str]] = [
    ("concern", r"(?:raised|raises|expressed|expresses|voiced|voices|reiterated|conveyed|"
                r"underscored|flagged)\s+(?:[\w'-]+\s+){0,2}?(?:concerns?|worries|alarm|"
                r"objections?|opposition|displeasure)|(?:is|was|were|are|remains?)\s+"
                r"(?:deeply\s+|seriously\s+|gravely\s+)?concerned|worried"),
    ("warning", r"warned|warns|cautioned|cautions|threatened|threatens"),
    ("demand", r"urged|urges|called\s+on|calls\s+on|called\s+for|calls\s+for|demanded|"
               r"demands|pressed|presses|pushed\s+for|(?<!when )(?<!was )(?<!were )asked"
               r"(?!\s+about)|requested|insisted\s+on|"
               r"wants|wanted"),
    ("denial", r"denied|denies|rejected|rejects|dismissed|dismisses|refuted|ruled\s+out|"
               r"opposed|opposes"),
    ("proposal", r"proposed|proposes|suggested|suggests|offered|offers|invited|invites|"
                 r"put\s+forward|floated|expressed\s+(?:\w+\s+)?(?:readiness|willingness)|"
                 r"(?:is|was|are|were)\s+(?:ready|willing)\s+to"),
    ("welcome", r"welcomed|welcomes|praised|praises|appreciated|appreciates|hailed|hails|"
                r"commended|commends|thanked|thanks|lauded|applauded|expressed\s+"
                r"(?:\w+\s+)?(?:appreciation|gratitude|satisfaction)"),
    ("assertion", r"said|says|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|reiterated|"
                  r"reiterates|noted|notes|underlined|underscored|affirmed|reaffirmed|"
                  r"asserted|stated|pointed\s+out|told|insisted|maintained|expressed\s+"
                  r"(?:\w+\s+)?(?:support|hope|confidence|belief)|hoped|believes|believed|"
                  r"highlighted|described|called|declared|added|acknowledged|recognized|"
                  r"recognised|agreed\s+that"),
]
_VERB = re.compile(
    "|".join(rf"(?P<{kind}>\b(?:{pattern})\b)" for kind, pattern in _KINDS), re.I
)
_CLAUSE_END = re.compile(r";|,\s+(?:while|whereas|but)\s+|\s+while\s+")
_OPENERS = re.compile(r"^(?:\s*(?:that|to|on|for|about|over|with|,|:))+\s*", re.I)
_MIN_CLAUSE = 12  # characters: "he said." states nothing


def find_positions(
    text: str, paras: list[Para], table: ActorTable, pair: list[str],
    para_topics: dict[int, list[str]], quotes: list[Quote], index: KeywordIndex,
) -> list[Position]:
    """Every position stated in the article, in text order; one per topic its sentence
    names ("red lines covering Taiwan and the South China Sea" is a stance on each)."""
    finder = SubjectFinder(text, table)
    quote_starts = [q.start for q in quotes]
    # The same scan of the body the topic stage made (the index remembers it).
    body_hits = index.scan(text, paras[0].start, max(p.end for p in paras)) if paras else ()
    hit_starts = [h.start for h in body_hits]
    out: list[Position] = []
    for p in paras:
        topics = para_topics.get(p.index, [])
        hits = body_hits[bisect_left(hit_starts, p.start):bisect_left(hit_starts, p.end)]
        for s in sentences_of(p):
            pos = s.start
            while True:
                first = _VERB.search(text, pos, s.end)
                if first is None:
                    break
                end_m = _CLAUSE_END.search(text, first.end(), s.end)
                seg_end = end_m.start() if end_m else s.end
                pos = max(seg_end, first.end())
                if inside_quotes(text, s.start, first.start()):
                    pos = first.end()
                    continue  # a verb inside someone's quoted words
                # "Blinken said he raised concerns about ...": the speaker is the subject of
                # the first verb, the stance is the most telling verb of the clause.
                m = _telling_verb(text, first, seg_end, s.start)
                kind: PositionKind = next(k for k, _ in _KINDS if m[k])
                subject = finder.subject(s.start, first.start(), first.end(), s.end)
                sides = _sides(subject.actor, subject.joint, table, pair)
                if sides is None:
                    continue
                speaker = ("both sides" if subject.joint
                           else table.actors[subject.actor].name if subject.actor is not None
                           else None)
                start, end, quote = _clause(text, m.end(), seg_end, s.start, s.end, quotes,
                                            quote_starts)
                if quote is None:
                    # The stance with who holds it: "Wang urged the U.S. to ...".
                    start = clause_start(text, s.start, first.start(), _CLAUSE_END)
                if end - start < _MIN_CLAUSE:
                    continue
                if kind == "assertion":
                    kind = _modal_kind(text, start, end)
                for topic in _topics_of(hits, start, end, topics, index):
                    for side in sides:
                        out.append(Position(
                            side=side, speaker=speaker, topic=topic, kind=kind,
                            text=text[start:end], paragraph=p.index, start=start, end=end,
                            quote=quote,
                        ))
    return out


_WARNING_WORDS = re.compile(r"\b(?:must not|mustn't|should not|shouldn't|red lines?|will not "
                            r"tolerate|never allow|cannot accept|will not accept)\b", re.I)
_DEMAND_WORDS = re.compile(r"\b(?:must|should|needs? to|have to|has to|ought to)\b", re.I)


def _modal_kind(text: str, start: int, end: int) -> PositionKind:
    """A plain "said" that says what the other side must not or must do is a warning or a
    demand: "Wang said the U.S. must not step on red lines"."""
    if _WARNING_WORDS.search(text, start, end):
        return "warning"
    if _DEMAND_WORDS.search(text, start, end):
        return "demand"
    return "assertion"


def _topics_of(hits: Sequence[Hit], start: int, end: int, para_topics: list[str],
               index: KeywordIndex) -> list[str | None]:
    """The paragraph's topics the clause names itself; else the paragraph's main topic."""
    named = list(dict.fromkeys(index.topic_ids[h.topic] for h in hits
                               if start <= h.start < end))
    own = [t for t in para_topics if t in named]
    if own:
        return list(own)
    if para_topics:
        return [para_topics[0]]
    return [named[0]] if named else [None]


def _telling_verb(text: str, first: re.Match[str], seg_end: int,
                  sent_start: int) -> re.Match[str]:
    """The first verb of a kind other than plain assertion in the clause, else `first`."""
    if not first["assertion"]:
        return first
    for m in _VERB.finditer(text, first.end(), seg_end):
        if not m["assertion"] and not inside_quotes(text, sent_start, m.start()):
            return m
    return first


def _sides(actor: int | None, joint: bool, table: ActorTable,
           pair: list[str]) -> list[str | None] | None:
    """The side(s) a stance belongs to; None when nobody is its subject."""
    if joint:
        return list(pair) or None
    if actor is None or table.actors[actor].role == "news outlet":
        return None  # an outlet reports what the sides hold; it holds no position
    return [table.actors[actor].country]


def _clause(text: str, after_verb: int, seg_end: int, sent_start: int, sent_end: int,
            quotes: list[Quote], quote_starts: list[int]) -> tuple[int, int, int | None]:
    """The words that state the stance: what follows the verb, or the sentence's quote
    when the verb only attributes it ('"...," Wang said')."""
    opener = _OPENERS.match(text, after_verb, seg_end)
    start = opener.end() if opener else after_verb
    while start < seg_end and text[start].isspace():
        start += 1
    end = start + len(text[start:seg_end].rstrip(" .,\"'"))
    if end - start >= _MIN_CLAUSE and not text[start:end].lstrip().startswith('"'):
        return start, end, None
    k = bisect_left(quote_starts, sent_start)
    if k < len(quotes) and quotes[k].start < sent_end:
        return quotes[k].start, quotes[k].end, k
    return start, end, None
