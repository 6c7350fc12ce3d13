"""Stage 7: one TopicEntry per topic raised, with status, evidence and summary.

Each sentence (or clause: "agreed to stabilise ties, but Beijing turned down
military talks" is two) goes to the paragraph topics it names most; a sentence
naming none goes to all of its paragraph's topics. The cue phrases of a topic's
sentences decide its status, per the conventions of tests/expected/README.md:
the strongest concrete cue wins (agreement > progress > stalled > dialogue), but
concerns and warnings that outnumber the good news make it tension.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from store.ingest.countries import country_of, country_of_capital
from store.ingest.cueprefix import lead_guarded
from store.ingest.cues import Cue, find_cues
from store.ingest.datetext import MONTH_RE
from store.ingest.keywords import Hit, KeywordIndex
from store.ingest.topichits import NO_PARTIES, Parties, body_hits, earlier_clauses
from store.ingest.topics import (
    LINKS_OPENING,
    THRESHOLD,
    compile_topics,
    heading_topics,
    hits_between,
    score_hits,
    sentence_topics,
    unnamed_meeting,
)
from store.ingest.types import Para, Sentence
from store.models import Figure, Status, Topic, TopicEntry

SUMMARY_LIMIT = 300
_CLAUSE = re.compile(
    r",\s+(?:but|while|whereas|although|though|yet|where)\s+|;\s+|\s+but\s+|\s+while\s+"
    r"|,?\s+and\s+(?=(?:said|added|noted|stressed|warned|told|urged|called)\b)"
    # "announced a partnership, and underscored chances in trade": a second verb after a
    # comma opens a clause of its own.
    r"|,\s+and\s+(?=(?:underscored|underlined|highlighted|emphasi[sz]ed|discussed|explored"
    r"|welcomed|reaffirmed|reiterated|expressed)\b)"
)

_CONTRAST = re.compile(r"\b(?:but|however)\b")
# A concessive clause runs from its conjunction to the next comma or the sentence's end.
_CONCESSIVE = re.compile(
    lead_guarded(
    r"\b(?:even\s+though|although|though|despite|even\s+as|even\s+if)\b[^,;]*"), re.IGNORECASE)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november"
           "|december")
# When a deal was signed before this meeting: "last week", "two years ago".
_BACKGROUND = re.compile(
    lead_guarded(
    rf"\b(?:last|previous|past)\s+(?:week|month|year|summer|spring|autumn|fall|winter|{_MONTHS})"
    r"\b|\bearlier\s+this\s+(?:week|month|year)\b|\b(?:years?|months?|weeks?|days?)\s+ago\b"),
    re.IGNORECASE)
# "Xi and Biden, who met last November, agreed to ...": the time is the relative clause's.
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,;]*")
# A phrase after the deal that dates something else: "agreed to X after clashes last month".
_ADJUNCT = re.compile(r"\b(?:after|since|following|amid|despite)\b")
_GOOD = (Status.AGREEMENT, Status.PROGRESS)
_BAD = (Status.STALLED, Status.TENSION)


def point_of(norm: str, sent: Sentence, cues: Sequence[Cue],
             meeting: date | None = None) -> list[Cue]:
    """The cues that carry a sentence's point about this meeting.

    - "They agreed on many points, but the main issue is still unresolved": what follows
      "but"/"however" is the news, so good news before it is dropped when bad news
      comes after it.
    - "The summit ended without a deal, though both claimed progress": a concessive
      clause yields to the main clause when the two pull opposite ways.
    - "Last week the two countries signed an agreement": a deal of an earlier day is
      background, not this meeting's outcome; so is a relative clause set in an earlier
      time ("since May 2023, when ties began to improve"); and so is a deal dated before
      the day of `meeting` ("the agreement signed on 10 March", at talks in April).
    """
    earlier = earlier_clauses(norm, sent.start, sent.end)
    kept = [c for c in _drop_background(norm, sent, cues, meeting)
            if not any(a <= c.start < b for a, b in earlier)]
    if len(kept) < 2:
        return kept
    kept = _drop_concessive(norm, sent, kept)
    for m in _CONTRAST.finditer(norm, sent.start, sent.end):
        before = [c for c in kept if c.end <= m.start()]
        after = [c for c in kept if c.start >= m.end()]
        if any(c.status in _GOOD for c in before) and any(c.status in _BAD for c in after):
            return [c for c in kept if not (c.end <= m.start() and c.status in _GOOD)]
    return kept


def _opposed(a: Sequence[Cue], b: Sequence[Cue]) -> bool:
    return ((any(c.status in _GOOD for c in a) and any(c.status in _BAD for c in b))
            or (any(c.status in _BAD for c in a) and any(c.status in _GOOD for c in b)))


def _drop_concessive(norm: str, sent: Sentence, cues: list[Cue]) -> list[Cue]:
    for m in _CONCESSIVE.finditer(norm, sent.start, sent.end):
        inside = [c for c in cues if m.start() <= c.start < m.end()]
        outside = [c for c in cues if not m.start() <= c.start < m.end()]
        if inside and _opposed(inside, outside):
            return outside
    return cues


def _drop_background(norm: str, sent: Sentence, cues: Sequence[Cue],
                     meeting: date | None = None) -> list[Cue]:
    if not any(c.status is Status.AGREEMENT for c in cues):
        return list(cues)
    relative = [m.span() for m in _RELATIVE.finditer(norm, sent.start, sent.end)]
    first_deal = min(c.start for c in cues if c.status is Status.AGREEMENT)
    dated = [m for m in _DATED.finditer(norm, sent.start, sent.end)
             if meeting is not None and _before(m, meeting)
             and not _due_date(norm, sent, cues, m.start())]
    for m in [*_BACKGROUND.finditer(norm, sent.start, sent.end), *dated]:
        if any(r0 <= m.start() < r1 for r0, r1 in relative):
            continue
        if m.start() > first_deal and _ADJUNCT.search(norm, first_deal, m.start()):
            continue  # "agreed Thursday to a plan after clashes last month": the clashes'
        return [c for c in cues if c.status is not Status.AGREEMENT]
    return list(cues)


# A day or a month the text dates something by: "on 10 March", "in July", "on March 10".
_DATED = re.compile(
    rf"\b(?:on|in|during|since)\s+(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH_RE})"
    rf"|(?P<m2>{MONTH_RE})\.?(?:\s+(?P<d2>\d{{1,2}})\b)?)(?![\w-])")
# What is to be done is dated by when it is due: "agreed to hold talks in July", "will meet
# again in March" (said in November: next year's).
_AHEAD = re.compile(r"\b(?:will|would|shall|next|planned|scheduled|due|upcoming|expected)\b",
                    re.IGNORECASE)


def _due_date(norm: str, sent: Sentence, cues: Sequence[Cue], at: int) -> bool:
    """Does the date at `at` say when an agreed step is due, not when a deal was made?"""
    if _AHEAD.search(norm, max(sent.start, at - 40), at):
        return True
    return any(c.status is Status.AGREEMENT and c.end <= at
               and norm[c.start:c.end].lower().endswith(" to") for c in cues)


_MONTH_NUMBER = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def _before(m: re.Match[str], meeting: date) -> bool:
    """Is the day (or month) of this date more than a day before the meeting's, within the
    half year before it? Further back is read as a date ahead ("in March", said in October,
    is next March)."""
    month = _MONTH_NUMBER.get((m["m1"] or m["m2"])[:3].lower())
    if month is None:
        return False
    day = m["d1"] or m["d2"]
    if day is None:
        return 1 <= (meeting.month - month) % 12 <= 6
    try:
        named = date(meeting.year, month, int(day))
    except ValueError:
        return False
    days = (meeting - named).days
    return 1 < (days if days >= 0 else days + 365) <= 183


@dataclass(slots=True)
class _TopicText:
    """What one topic collected from the article."""

    sentences: list[Sentence] = field(default_factory=list)
    cues: list[tuple[Cue, Sentence]] = field(default_factory=list)
    weight: dict[Sentence, float] = field(default_factory=dict)


def decide(statuses: Sequence[Status]) -> Status | None:
    """The status a topic's cues add up to; None when there is no cue at all."""
    if not statuses:
        return None
    n = {s: 0 for s in Status}
    for s in statuses:
        n[s] += 1
    good = n[Status.AGREEMENT] + n[Status.PROGRESS]
    # Tension must dominate (ANNOTATION.md): one concern beside an equal number of neutral
    # exchanges is a discussion in which a concern was raised, not a confrontation.
    if n[Status.TENSION] and n[Status.TENSION] > good + n[Status.DIALOGUE]:
        return Status.TENSION
    # "No deal was reached", said twice, outweighs one claim of progress.
    if n[Status.STALLED] > good:
        return Status.STALLED
    for s in (Status.AGREEMENT, Status.PROGRESS, Status.STALLED, Status.DIALOGUE):
        if n[s]:
            return s
    return Status.DIALOGUE


def _clauses(norm: str, sent: Sentence) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = sent.start
    for m in _CLAUSE.finditer(norm, sent.start, sent.end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, sent.end))
    return spans


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for c0, c1 in clauses:
        if pos < c1:
            return c0, c1
    return clauses[-1]


def _collect(norm: str, paras: Sequence[Para], para_topics: dict[int, list[str]],
             index: KeywordIndex, parties: Parties,
             meeting: date | None = None) -> dict[str, _TopicText]:
    if not paras:
        return {}
    collected: dict[str, _TopicText] = {}
    heads: dict[str, list[str]] = {}
    lo_all, hi_all = paras[0].start, max(p.end for p in paras)
    # The same body scan topic scoring did (remembered by the index), and one cue pass.
    hits = body_hits(index, norm, lo_all, hi_all, parties)
    starts = [h.start for h in hits]
    cues = _cues_in_topic_paragraphs(norm, paras, para_topics)
    discussed = {t for ts in para_topics.values() for t in ts}
    cue_starts = [c.start for c in cues]
    for p in paras:
        cands = para_topics.get(p.index, [])
        if not cands:
            continue
        if p.heading is not None and p.heading not in heads:
            heads[p.heading] = heading_topics(index, p.heading, parties)
        heading = heads.get(p.heading, []) if p.heading is not None else []
        if not heading and not score_hits(index, hits_between(hits, starts, p.start, p.end),
                                          cands):
            # Topics carried over from the paragraph before (a quote going on, a
            # section's main topic) label its quotes; the status is read where the
            # topic is named.
            continue
        for sent in p.sentences or (Sentence(p.start, p.end),):
            s_hits = hits_between(hits, starts, sent.start, sent.end)
            # The sentence is about its strongest topics, and about every topic it names
            # outright ("confronted each other over Taiwan and the South China Sea").
            own = score_hits(index, s_hits, cands)
            whole = sentence_topics(index, s_hits, cands, heading)
            if not own and not heading:
                # A sentence that names none of its paragraph's topics but another topic
                # of the article is about that one ("raised concerns about support for
                # Russia" in a paragraph on trade and technology), not about them all.
                others = [t for t in score_hits(index, s_hits, discussed) if t not in cands]
                if others:
                    whole = others
            whole += [t for t in cands if t not in whole and own.get(t, 0.0) >= THRESHOLD]
            for t in whole:
                tt = collected.setdefault(t, _TopicText())
                tt.sentences.append(sent)
                tt.weight[sent] = own.get(t, 0.0)
            lo = bisect_left(cue_starts, sent.start)
            hi = bisect_left(cue_starts, sent.end)
            if lo == hi or LINKS_OPENING.match(norm, sent.start, sent.end):
                continue  # (links to other stories say nothing of this meeting)
            clauses = _clauses(norm, sent) if len(cands) > 1 else []
            # (counted once a sentence: a long one with many cues stays linear)
            in_list = len(clauses) > 2 and norm.count(";", sent.start, sent.end) >= 2
            mine: dict[str, list[Cue]] = {}
            for cue in cues[lo:hi]:
                if _third_party(norm, sent, cue, parties):
                    continue
                owners = whole
                target = (_object_of(norm, cue, hits, starts, index, cands)
                          or _antecedent_of(norm, sent, cue, hits, starts, index, cands))
                if target:
                    owners = target
                elif len(clauses) > 1:
                    c0, c1 = _clause_of(clauses, cue.start)
                    c_hits = hits_between(hits, starts, c0, c1)
                    # A clause naming a topic of its own keeps its cue to itself.
                    c_own = score_hits(index, c_hits, cands)
                    if c_own:
                        # ...its strongest topics and every topic it names outright ("while
                        # voicing concern over ships in the South China Sea and over Tibet").
                        owners = sentence_topics(index, c_hits, cands, heading)
                        owners += [t for t in cands
                                   if t not in owners and c_own.get(t, 0.0) >= THRESHOLD]
                    elif in_list:
                        # An item of a semicolon list that names none of the topics is
                        # about a matter of its own ("...; and, on migration, the deal
                        # has brought positive results"), not about every item before it.
                        continue
                for t in owners:
                    mine.setdefault(t, []).append(cue)
            # "But" weighs good news against bad news about the same topic only.
            for t, own_cues in mine.items():
                collected.setdefault(t, _TopicText()).cues.extend(
                    (c, sent) for c in point_of(norm, sent, own_cues, meeting))
    _fill_unclaimed(paras, para_topics, index, hits, starts, collected, norm, cues, cue_starts,
                    meeting)
    return collected


# A clause whose subject is a lone name: "However, Romania denied ...", "Kyiv warned ...".
_SUBJECT = re.compile(r"\s*(?:[Tt]he\s+)?(?P<who>[A-Z][\w.'\u2019-]*)"
                      r"(?:\s+(?:also|again|later|then|has|had|have|swiftly|quickly|strongly))?\s*")
_SUBJECT_REACH = 60


def _third_party(norm: str, sent: Sentence, cue: Cue, parties: Parties) -> bool:
    """Is the cue's clause about what a third country did ("Romania denied Ukraine's
    claim"), not one of the sides? Such an act is news around the meeting, not its tone."""
    if not parties.countries:
        return False
    lo = max(sent.start, cue.start - _SUBJECT_REACH)
    opening = max(norm.rfind(c, lo, cue.start) for c in ",;:")
    start = opening + 1 if opening >= 0 else sent.start
    if start < lo:
        return False
    m = _SUBJECT.fullmatch(norm, start, cue.start)
    if m is None:
        return False
    country = country_of(m["who"]) or country_of_capital(m["who"])
    return country is not None and country not in parties.countries


# A cue's own object: "progress on trade", "concerns about fentanyl", "agreement on AI".
_OBJECT = re.compile(r"\s+(?:on|over|about|regarding|in|for|with)\s+(?:the\s+|a\s+|an\s+)?")
_OBJECT_REACH = 30
_OBJECT_END = re.compile(r"[,;:.!?]")


def _object_of(norm: str, cue: Cue, hits: Sequence[Hit], starts: list[int],
               index: KeywordIndex, cands: Sequence[str]) -> list[str]:
    """The topics a cue is directly about, when its object opens with a topic keyword:
    every topic named in that object phrase ("concern over North Korea's troops helping
    Russia's war against Ukraine" is about both), up to the next comma or full stop."""
    m = _OBJECT.match(norm, cue.end, cue.end + _OBJECT_REACH)
    if m is None or not hits_between(hits, starts, m.end(), m.end() + 1):
        return []
    stop = _OBJECT_END.search(norm, m.end())
    end = stop.start() if stop else len(norm)
    named = {index.topic_ids[h.topic] for h in hits_between(hits, starts, m.end(), end)}
    return [t for t in cands if t in named]


# A relative clause is about the phrase before it: in "sanctions over support for the war,
# which officials warn risks hurting the relationship", the warning is about that support.
_WHICH = re.compile(r",\s+(?:which|that)\s+")
_ANTECEDENT_REACH = 60  # characters before the comma read as the antecedent phrase
_CLAUSE_REACH = 200  # characters from the cue back to the comma of its clause


def _antecedent_of(norm: str, sent: Sentence, cue: Cue, hits: Sequence[Hit],
                   starts: list[int], index: KeywordIndex, cands: Sequence[str]) -> list[str]:
    """The topics a cue in a ", which ..." clause is about: those its antecedent phrase
    names (back to the clause's start or the previous comma), if any."""
    # (Every look is bounded: a long sentence of many cues and no commas stays linear.)
    comma = norm.rfind(",", max(sent.start, cue.start - _CLAUSE_REACH), cue.start)
    if comma < 0:
        return []
    m = _WHICH.match(norm, comma)
    if m is None or _CLAUSE_STOP.search(norm, m.end(), cue.start):
        return []
    back = max(sent.start, comma - _ANTECEDENT_REACH)
    lo = max(back, norm.rfind(",", back, comma) + 1)
    named = {index.topic_ids[h.topic] for h in hits_between(hits, starts, lo, comma)}
    return [t for t in cands if t in named]


_CLAUSE_STOP = re.compile(r"[,;:]")


def _cues_in_topic_paragraphs(norm: str, paras: Sequence[Para],
                              para_topics: dict[int, list[str]]) -> list[Cue]:
    """Cues of the paragraphs that carry a topic, one regex pass per run of such
    paragraphs: background paragraphs are never read for cues, so skip them."""
    cues: list[Cue] = []
    run: tuple[int, int] | None = None
    for p in paras:
        if not para_topics.get(p.index):
            continue
        if run is not None and p.start <= run[1] + 2:
            run = (run[0], p.end)
            continue
        if run is not None:
            cues.extend(find_cues(norm, *run))
        run = (p.start, p.end)
    if run is not None:
        cues.extend(find_cues(norm, *run))
    return cues


def _fill_unclaimed(paras: Sequence[Para], para_topics: dict[int, list[str]],
                    index: KeywordIndex, hits: Sequence[Hit], starts: list[int],
                    collected: dict[str, _TopicText], norm: str, cues: Sequence[Cue],
                    cue_starts: list[int], meeting: date | None = None) -> None:
    """A topic whose every sentence went to a stronger topic still gets evidence text:
    the sentences that name it, and their cues too ("agreed to keep human control over
    nuclear weapons and to develop AI prudently" is an agreement for both topics)."""
    claimed = {t for t, tt in collected.items() if tt.sentences}
    for p in paras:
        for t in para_topics.get(p.index, []):
            if t in claimed:
                continue
            tt = collected.setdefault(t, _TopicText())
            for sent in p.sentences or (Sentence(p.start, p.end),):
                own = score_hits(index, hits_between(hits, starts, sent.start, sent.end), [t])
                if own:
                    tt.sentences.append(sent)
                    tt.weight[sent] = own[t]
                    lo = bisect_left(cue_starts, sent.start)
                    hi = bisect_left(cue_starts, sent.end)
                    tt.cues.extend((c, sent) for c in point_of(norm, sent, cues[lo:hi], meeting))


def _unnamed(norm: str, paras: Sequence[Para], indexes: Sequence[int],
             meeting: date | None = None) -> _TopicText:
    """A topic no sentence names (given to an article that names none) reads its status
    from every sentence of its paragraphs."""
    tt = _TopicText()
    wanted = set(indexes)
    for p in paras:
        if p.index not in wanted:
            continue
        for sent in p.sentences or (Sentence(p.start, p.end),):
            tt.sentences.append(sent)
            tt.cues.extend((c, sent) for c in point_of(
                norm, sent, find_cues(norm, sent.start, sent.end), meeting))
    return tt


def _summary(norm: str, tt: _TopicText, evidence: Sentence | None) -> str:
    """The evidence sentence plus the topic's most informative other sentence, if both fit."""
    if not tt.sentences:
        return ""
    first = evidence or max(tt.sentences, key=lambda s: tt.weight.get(s, 0.0))
    picked = [first]
    rest = sorted((s for s in tt.sentences if s != first),
                  key=lambda s: (-tt.weight.get(s, 0.0), s.start))
    used = first.end - first.start
    for s in rest:
        if used + 1 + (s.end - s.start) <= SUMMARY_LIMIT:
            picked.append(s)
            break
    picked.sort(key=lambda s: s.start)
    text = " ".join(" ".join(norm[s.start:s.end].split()) for s in picked)
    if len(text) > SUMMARY_LIMIT:
        cut = text.rfind(" ", 0, SUMMARY_LIMIT - 1)
        text = text[: cut if cut > 0 else SUMMARY_LIMIT - 1].rstrip(",;: ") + "\u2026"
    return text


def _figures_for(norm: str, paras: Sequence[Para], para_topics: dict[int, list[str]],
                 figures: Sequence[Figure], index: KeywordIndex,
                 parties: Parties) -> dict[str, list[Figure]]:
    """topic id -> figures cited in its sentences (each copy has `topic` set)."""
    by_index = {p.index: p for p in paras}
    out: dict[str, list[Figure]] = {}
    if not paras:
        return out
    hits = body_hits(index, norm, paras[0].start, max(p.end for p in paras), parties)
    starts = [h.start for h in hits]
    for f in figures:
        p = by_index.get(f.paragraph)
        cands = para_topics.get(f.paragraph, [])
        if p is None or not cands:
            continue
        heading = heading_topics(index, p.heading, parties)
        sent = next((s for s in p.sentences if s.start <= f.start < s.end), None)
        owners = cands[:1]
        if sent is not None:
            s_hits = hits_between(hits, starts, sent.start, sent.end)
            owners = sentence_topics(index, s_hits, cands, heading)
        for t in owners:
            out.setdefault(t, []).append(f.model_copy(update={"topic": t}))
    return out


def build_entries(
    norm: str,
    paras: list[Para],
    para_topics: dict[int, list[str]],
    figures: list[Figure],
    topics: list[Topic],
    parties: Parties = NO_PARTIES,
    meeting: date | None = None,
) -> list[TopicEntry]:
    """Status from cue phrases in the topic's sentences; evidence is that sentence.
    `parties` must be the sides `score_paragraphs` was given; `meeting` is the day of the
    meeting, if known (a deal dated before it is an earlier one)."""
    named = bool(para_topics)
    if not named:
        # An article that names no topic: the relationship, its status from every sentence
        # (not only from the few that pass by a word of it: "visited").
        para_topics = unnamed_meeting(paras, topics)
        if not para_topics:
            return []
    index = compile_topics(topics)
    names = {t.id: t.name for t in topics}
    collected = _collect(norm, paras, para_topics, index, parties, meeting)
    figs = _figures_for(norm, paras, para_topics, figures, index, parties)
    first_para: dict[str, int] = {}
    para_lists: dict[str, list[int]] = {}
    for idx in sorted(para_topics):
        for t in para_topics[idx]:
            first_para.setdefault(t, idx)
            para_lists.setdefault(t, []).append(idx)
    entries: list[TopicEntry] = []
    for tid in sorted(first_para, key=lambda t: first_para[t]):
        tt = collected.get(tid, _TopicText()) if named else _TopicText()
        if not tt.sentences:
            tt = _unnamed(norm, paras, para_lists[tid], meeting)
        status = decide([c.status for c, _ in tt.cues]) or Status.DIALOGUE
        evidence = next((s for c, s in tt.cues if c.status is status), None)
        if evidence is None and tt.sentences:
            evidence = max(tt.sentences, key=lambda s: (tt.weight.get(s, 0.0), -s.start))
        entries.append(TopicEntry(
            id=tid,
            name=names.get(tid, tid),
            status=status,
            evidence=" ".join(norm[evidence.start:evidence.end].split()) if evidence else "",
            summary=_summary(norm, tt, evidence),
            paragraphs=para_lists[tid],
            figures=figs.get(tid, []),
        ))
    return entries
