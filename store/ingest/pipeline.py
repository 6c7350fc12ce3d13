"""The ingest stages wired together: one call, text in, draft out."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from datetime import date

from store.ingest.actors import find_actors
from store.ingest.commitments import find_commitments
from store.ingest.dates import resolve_meeting_date
from store.ingest.decode import decode
from store.ingest.figures import find_figures
from store.ingest.formats import to_plain
from store.ingest.header import parse_header
from store.ingest.normalize import normalize
from store.ingest.pair import read_pair
from store.ingest.participants import fill_open_side, guest_by_place
from store.ingest.positions import find_positions
from store.ingest.quotes import find_quotes, headline_quotes
from store.ingest.status import build_entries
from store.ingest.structure import split_paragraphs
from store.ingest.topichits import sides_of
from store.ingest.topics import compile_topics, score_paragraphs
from store.ingest.types import IngestError, Para, Sentence
from store.models import MeetingDraft, Paragraph, ReviewReason, Topic
from store.taxonomy import default_topics


def extract(
    data: bytes | str,
    *,
    meeting_date: date | None = None,
    dyad: list[str] | None = None,
    topics: list[Topic] | None = None,
) -> MeetingDraft:
    """Read one article (bytes or str) into a draft; `IngestError` if it is not one.

    `meeting_date` and `dyad` are the user's overrides (`--date`, `--dyad`).
    """
    original = decode(data) if isinstance(data, bytes) else data
    if not original.strip():
        raise IngestError("article is empty")
    taxonomy = topics if topics is not None else default_topics()
    doc = to_plain(original)
    text = doc.text
    norm = normalize(text)
    header = parse_header(norm, doc)
    paras = split_paragraphs(norm, header.body_start, header.body_end)
    warnings: list[str] = []

    published = header.published
    found = resolve_meeting_date(norm, paras, published, published_source=header.published_source,
                                 caption_date=header.caption_date, filed=header.filed,
                                 filed_source=header.filed_source)
    when = meeting_date or found.when
    date_source = "given by the user" if meeting_date else found.source
    if published is None:
        warnings.append("no publication date found")
    if when is None:
        warnings.append("no meeting date found; give one with --date")

    table = find_actors(norm, paras)
    if table.guest is None:
        table.guest = guest_by_place(table, header.location)  # "thanks for the welcome"
    quotes = find_quotes(text, norm, paras, table)
    if paras:  # the headline's quotes count as the body's do
        quotes = headline_quotes(text, norm, header.body_start, header.title, table,
                                 paras[0].index, quotes) + quotes
    figures = find_figures(norm, paras)
    pair = read_pair(table, norm, dyad, [q.speaker_country for q in quotes],
                     header.title, first_sentence(norm, paras))
    for i in pair.set_aside:  # a country only a title implied, which the text never names
        table.actors[i].country = None
    for i in fill_open_side(table, pair.pair):  # the side a countryless participant leads
        for q in quotes:
            if q.speaker == table.actors[i].name and (q.speaker_country is None
                                                      or i in pair.set_aside):
                q.speaker_country = table.actors[i].country
    # Words naming the sides (their countries, the officials who met) are not topics, nor
    # is the city that hosted them.
    sides = sides_of(pair.pair, (table.actors[i].name for i in table.participants),
                     header.location)
    para_topics = score_paragraphs(norm, paras, taxonomy, sides)
    entries = build_entries(norm, paras, para_topics, figures, taxonomy, sides, when)

    for q in quotes:
        if q.topic is None:
            q.topic = next(iter(para_topics.get(q.paragraph, [])), None)
        if q.speaker is None:
            warnings.append(f"speaker unresolved for quote in paragraph {q.paragraph}")
    for p in paras:
        if not para_topics.get(p.index):
            warnings.append(f"no topic matched paragraph {p.index}")

    # Stages read the normalized copy; what the user sees keeps the article's own
    # characters (curly quotes, dashes), found at the same offsets in `text`.
    title = as_written(header.title, norm, text)
    entries = [
        e.model_copy(update={"evidence": as_written(e.evidence, norm, text),
                             "summary": as_written(e.summary, norm, text)})
        for e in entries
    ]

    # What ingest had to guess: a stored meeting with any of these needs a person's eye.
    review: list[ReviewReason] = []
    if found.guessed and not meeting_date:
        review.append("date-guessed")
    if not header.location:
        review.append("no-place")
    if len(pair.pair) != 2:
        warnings.append("could not tell the two countries; give them with --dyad")
    if not pair.certain:
        review.append("pair-uncertain")
    if any(q.speaker is None for q in quotes):
        review.append("speaker-unresolved")

    head = head_lines(norm, header.body_start, paras)
    positions = [
        pos.model_copy(update={"text": text[pos.start:pos.end]})
        for pos in find_positions(norm, paras, table, pair.pair, para_topics, quotes,
                                  compile_topics(taxonomy), head)
    ]
    # (each promise's words from the article as written; an action of a list carries its
    # clause's subject and verb, so it is not a slice of it)
    commitments = find_commitments(norm, paras, table, pair.pair, para_topics, when,
                                   compile_topics(taxonomy), head, original=text)

    return MeetingDraft(
        title=title,
        published=published,
        meeting_date=when,
        location=header.location,
        source=header.source,
        url=doc.url,
        dyad=pair.pair,
        dyad_source=pair.source,
        review_reasons=review,
        participants=[table.actors[i] for i in table.participants],
        topics=entries,
        quotes=quotes,
        positions=positions,
        commitments=commitments,
        warnings=warnings,
        date_source=date_source,
        place_source=header.location_source,
        text=text,
        original=original,
        sha256=hashlib.sha256(original.encode("utf-8", "surrogatepass")).hexdigest(),
        paragraph_spans=[
            Paragraph(index=p.index, start=p.start, end=p.end, section=p.section,
                      heading=p.heading, topics=para_topics.get(p.index, []))
            for p in paras
        ],
    )


def first_sentence(norm: str, paras: list[Para]) -> str:
    """The story's first sentence (the lede's): who it names is who met."""
    if not paras or not paras[0].sentences:
        return ""
    first = paras[0].sentences[0]
    return norm[first.start:first.end]


def head_lines(norm: str, body_start: int, paras: list[Para]) -> list[Para]:
    """The headline and deck above the body, read for commitments as part of the lede
    (their paragraph and topic): "Both sides agree to resume flights" is one."""
    if not paras or body_start <= 0:
        return []
    # One line, one sentence: a headline has no full stop (split_paragraphs takes a lone
    # line for a section heading and drops it).
    index = paras[0].index
    out: list[Para] = []
    for m in _LINE.finditer(norm, 0, body_start):
        out.append(Para(index, m.start(), m.end(), sentences=(Sentence(m.start(), m.end()),)))
    return out


_LINE = re.compile(r"[^\n]*\S[^\n]*")


def as_written(snippet: str, norm: str, text: str) -> str:
    """`snippet` (cut from `norm`, maybe with its whitespace collapsed) in the
    original characters of `text`; unchanged when it is not found as one run."""
    words = snippet.split()
    if not words:
        return snippet
    # The first run of the words separated by any whitespace is the first plain find in
    # `norm` with each whitespace run collapsed to one space: no regex built per call
    # (every snippet made a fresh pattern, a thousand compilations per article).
    flat = _collapsed(norm)
    at = flat.text.find(" ".join(words))
    if at < 0:
        return snippet
    start = flat.to_norm(at)
    end = flat.to_norm(at + len(" ".join(words)) - 1) + 1
    return " ".join(text[start:end].split())


# A whitespace run that collapsing shortens, or one character that is not a plain space.
_TO_COLLAPSE = re.compile(r"\s\s+|[^\S ]")
_LONG_RUN = re.compile(r"\s\s+")


class _Collapsed:
    """`norm` with every whitespace run as one space, and the way back to its offsets."""

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self.text = _TO_COLLAPSE.sub(" ", norm)
        # Only runs of two or more characters move offsets: where each run's one space
        # stands in `text`, and how many characters were dropped up to and with it.
        self.runs: list[int] = []
        self.shift: list[int] = []
        dropped = 0
        for m in _LONG_RUN.finditer(norm):
            self.runs.append(m.start() - dropped)
            dropped += m.end() - m.start() - 1
            self.shift.append(dropped)

    def to_norm(self, i: int) -> int:
        """Offset in `norm` of the non-space character at `i` in `text`."""
        k = bisect_left(self.runs, i)
        return i + (self.shift[k - 1] if k else 0)


# The title, then each entry's evidence and summary, ask of one `norm` in a row.
_LAST: list[_Collapsed | None] = [None]


def _collapsed(norm: str) -> _Collapsed:
    last = _LAST[0]  # read once: a worker thread may be ingesting another article
    if last is None or last.norm is not norm:
        last = _Collapsed(norm)
        _LAST[0] = last
    return last
