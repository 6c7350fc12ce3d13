"""Markdown timeline: the meetings by date, then one section per topic with its moves."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO

from store.export.common import (
    CHUNK,
    Shown,
    commitment_details,
    commitment_state,
    joined_lines,
    title,
    transition,
    when,
)
from store.export.select import DyadSource as Dyad
from store.export.select import TimelineSource as History
from store.export.select import dyad_label
from store.export.texts import md_block, md_text

__all__ = ["chunks", "md_text", "render"]


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
    # One pass over the meetings: each meeting's line is written as it is read, its entries
    # (one read of each batch's texts, kept in the store: store/export/texts.py) spooled per
    # topic, then written in topic order: only topics raised in scope get a section.
    spools: dict[str, _Spool] = {}
    before: dict[str, str] = {}
    for m, head, entries in d.entry_texts("md"):
        extra = [x for x in (m[3], ", ".join(m[5])) if x]
        tail = f" ({md_text('; '.join(extra))})" if extra else ""
        yield f"- **{when(m)}**: {md_text(title(m))}{tail}"
        lead = f"{subsub} {head}\n\nStatus: "
        for _, tid, status, text in entries:
            spool = spools.get(tid)
            if spool is None:
                spool = spools[tid] = _Spool()
            # One string per entry: the joiner handles a tenth of the pieces.
            spool.add(lead + transition(status, before.get(tid)) + text)
            before[tid] = status
    yield ""
    for topic in d.topics:
        spool = spools.pop(topic.id, None)
        if spool is not None:
            yield from (f"{sub} {md_text(topic.name)}", "")
            yield from spool.lines()
    heading = False
    for _, head, positions, commitments in d.stance_texts():
        if not heading:
            yield from (f"{sub} Positions and commitments", "")
            heading = True
        yield _stances(head, positions, commitments, subsub)


def _stances(head: str, positions: str, commitments: list[Shown], heading: str) -> str:
    """A meeting's commitments, then its position lines (`positions`, made by
    `texts.position_lines`), under its heading."""
    out = []
    for c in commitments:
        topic = f" [{md_text(c[1])}]" if c[1] else ""
        out.append(f"- Commitment #{c[0]}{topic}: {md_text(c[2])} — "
                   f"**{md_text(commitment_state(c))}**")
        out += [f"  - {md_text(x)}" for x in commitment_details(c)]
    return f"{heading} {head}\n" + md_block(out) + positions


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
