"""Markdown timeline: the meetings by date, then one section per topic with its moves."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from typing import IO

from store.db.batches import Entry, Meeting, Position
from store.export.common import (
    CHUNK,
    Shown,
    commitment_details,
    commitment_state,
    joined_lines,
    position_speaker,
    speaker,
    title,
    transition,
    when,
)
from store.export.select import DyadSource as Dyad
from store.export.select import TimelineSource as History
from store.export.select import dyad_label

# Characters that would turn article text into Markdown structure, links or raw HTML
# are backslash-escaped; line breaks become spaces so a text stays on its line.
_ESCAPES = {c: "\\" + c for c in "\\`*_[]<>#|"} | {"\n": " ", "\r": " ", "\t": " "}
_SPECIAL = re.compile(r"[\\`*_\[\]<>#|\n\r\t]")


def _escape(match: re.Match[str]) -> str:
    return _ESCAPES[match.group()]


def md_text(text: str) -> str:
    """Article text as inert Markdown: specials escaped, line breaks folded."""
    # One C-level search for the (usual) text with none; a substitution per special
    # otherwise, ten times cheaper than str.translate on non-ASCII text.
    return _SPECIAL.sub(_escape, text) if _SPECIAL.search(text) else text


def render(timeline: History) -> str:
    """The whole timeline as one Markdown document."""
    return "".join(chunks(timeline))


def chunks(timeline: History) -> Iterator[str]:
    """The document in pieces, written as the store is read."""
    return joined_lines(_lines(timeline))


def _lines(timeline: History) -> Iterator[str]:
    yield f"# {md_text(timeline.title)}"
    yield ""
    scope = timeline.scope
    notes = []
    if scope.topics is not None:
        notes.append("topics: " + ", ".join(scope.topics))
    if scope.since or scope.until:
        notes.append(f"dates: {scope.since or '…'} to {scope.until or '…'}")
    yield f"{timeline.meeting_count} meetings" + (f" ({'; '.join(notes)})" if notes else "") + "."
    yield ""
    many = timeline.shown_dyads > 1
    for dyad in timeline.dyads:
        if not dyad.meeting_count:
            continue
        yield from _dyad(dyad, "##" if many else "", many)


def _dyad(d: Dyad, head: str, many: bool) -> Iterator[str]:
    sub = "###" if many else "##"
    subsub = "####" if many else "###"
    if head:
        yield from (f"{head} {md_text(dyad_label(d.dyad))}", "")
    yield from (f"{sub} Meetings", "")
    for m in d.iter_meetings():
        extra = [x for x in (m[3], ", ".join(m[5])) if x]
        tail = f" ({md_text('; '.join(extra))})" if extra else ""
        yield f"- **{when(m)}**: {md_text(title(m))}{tail}"
    yield ""
    # The topic sections are read meeting by meeting (one read of each batch's entries for
    # every topic, in index order, instead of one per topic) and spooled per topic, then
    # written in topic order: only topics raised in scope get a section.
    spools: dict[str, _Spool] = {}
    before: dict[str, str] = {}
    for _, views in d.by_meeting():
        for view in views:
            tid = view[1]
            spool = spools.get(tid)
            if spool is None:
                spool = spools[tid] = _Spool()
            # One string per entry: the joiner handles a tenth of the pieces.
            spool.add(_entry(view, before.get(tid), subsub))
            before[tid] = view[2]
    for topic in d.topics:
        spool = spools.pop(topic.id, None)
        if spool is not None:
            yield from (f"{sub} {md_text(topic.name)}", "")
            yield from spool.lines()
    heading = False
    for m, positions, commitments in d.stances():
        if not heading:
            yield from (f"{sub} Positions and commitments", "")
            heading = True
        yield _stances(m, positions, commitments, subsub)


def _stances(m: Meeting, positions: list[Position], commitments: list[Shown],
             heading: str) -> str:
    out = [f"{heading} {when(m)}: {md_text(title(m))}", ""]
    for c in commitments:
        topic = f" [{md_text(c[1])}]" if c[1] else ""
        out.append(f"- Commitment #{c[0]}{topic}: {md_text(c[2])} — "
                   f"**{md_text(commitment_state(c))}**")
        out += [f"  - {md_text(x)}" for x in commitment_details(c)]
    if commitments:
        out.append("")
    for side, who, topic_id, kind, text in positions:
        topic = f" [{md_text(topic_id)}]" if topic_id else ""
        out.append(f"- **{md_text(position_speaker(side, who))}**, {md_text(kind)}{topic}: "
                   f"{md_text(text)}")
    if positions:
        out.append("")
    return "\n".join(out)


def _entry(view: Entry, before: str | None, heading: str) -> str:
    m, _, status, _, overridden, note, evidence, figures, quotes = view
    mark = " (set by hand)" if overridden else ""
    out = [
        f"{heading} {when(m)}: {md_text(title(m))}",
        "",
        f"Status: {transition(status, before)}{mark}",
        "",
    ]
    if note:
        out += [f"Note: {md_text(note)}", ""]
    if evidence:
        out += [f"Evidence: {md_text(evidence)}", ""]
    if figures:
        out += ["Figures: " + "; ".join(md_text(f) for f in figures), ""]
    for q in quotes:
        src = f", {q[4]}" if q[4] else ""
        out += [f"> “{md_text(q[1])}” (**{md_text(speaker(q))}**{md_text(src)})", ""]
    return "\n".join(out)


class _Spool:
    """One topic's section while the meetings are read: lines held up to CHUNK characters,
    then in a temporary file (a section can be a tenth of the document: the export holds
    none of it)."""

    def __init__(self) -> None:
        self.held: list[str] = []
        self.size = 0
        self.file: IO[str] | None = None

    def add(self, line: str) -> None:
        self.held.append(line)
        self.size += len(line)
        if self.size >= CHUNK:
            if self.file is None:
                self.file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
            self.file.write("\n".join(self.held) + "\n")
            self.held, self.size = [], 0

    def lines(self) -> Iterator[str]:
        """The lines added, as pieces that join with "\n" into the same text (a piece read
        back from the file holds several lines)."""
        if self.file is not None:
            with self.file:
                self.file.seek(0)
                rest = ""
                while block := self.file.read(CHUNK):
                    text = rest + block
                    cut = text.rfind("\n")
                    if cut < 0:
                        rest = text
                        continue
                    yield text[:cut]
                    rest = text[cut + 1:]
                # (each write ends with a "\n": nothing is left after the last one)
        yield from self.held
