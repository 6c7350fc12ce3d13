"""Small pure helpers every format shares: dates, status labels, transitions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from store.models import (
    EntryView,
    MeetingRef,
    Status,
    StoredCommitment,
    StoredPosition,
    StoredQuote,
)


def when(ref: MeetingRef) -> str:
    return ref.meeting_date.isoformat() if ref.meeting_date else "undated"


def status_label(status: Status) -> str:
    return f"{status.glyph} {status.value}"


def transition(view: EntryView, before: EntryView | None) -> str:
    """'✖ tension → ◆ dialogue', '◆ dialogue (unchanged)', '▲ progress (first raised)'."""
    now = status_label(view.status)
    if before is None:
        return f"{now} (first raised)"
    if before.status == view.status:
        return f"{now} (unchanged)"
    return f"{status_label(before.status)} → {now}"


def with_previous(views: Iterable[EntryView]) -> Iterator[tuple[EntryView, EntryView | None]]:
    """Each entry with the one before it (the last time the topic was discussed)."""
    before: EntryView | None = None
    for v in views:
        yield v, before
        before = v


def speaker(q: StoredQuote) -> str:
    who = q.speaker or "unknown speaker"
    return f"{who} ({q.speaker_country})" if q.speaker_country else who


def figure_texts(view: EntryView) -> list[str]:
    return [f"{f.text} {f.noun}".strip() for f in view.figures]


def position_speaker(p: StoredPosition) -> str:
    """'China (Wang Yi)', 'China', 'Wang Yi', 'unknown side'."""
    side = p.side or ""
    if p.speaker and side:
        return f"{side} ({p.speaker})"
    return side or p.speaker or "unknown side"


def commitment_state(c: StoredCommitment) -> str:
    """'kept', 'open, overdue', 'stalled (set by hand; extracted: kept)'."""
    out = c.state + (", overdue" if c.overdue else "")
    if c.manual_state is not None:
        out += f" (set by hand; extracted: {c.extracted.state})"
    return out


def commitment_details(c: StoredCommitment) -> list[str]:
    """The due time, the later evidence and the user's note, as plain lines."""
    out = []
    if c.due:
        by = c.extracted.due_date.isoformat() if c.extracted.due_date else "?"
        out.append(f"due {c.due} (by {by})")
    if c.extracted.evidence:
        at = c.extracted.evidence_date.isoformat() if c.extracted.evidence_date else "undated"
        out.append(f"evidence ({at}): {c.extracted.evidence}")
    if c.note:
        out.append(f"note: {c.note}")
    return out


CHUNK = 1 << 16  # characters handed to the writer at a time


def joined_lines(lines: Iterable[str]) -> Iterator[str]:
    """`"\\n".join(lines).rstrip() + "\\n"`, in chunks, without holding the document.

    Only the trailing whitespace seen so far is held back (it is dropped if the
    document ends there), so memory stays at one chunk.
    """
    buf: list[str] = []
    size = 0
    first = True
    for line in lines:
        if not first:
            buf.append("\n")
        first = False
        buf.append(line)
        size += len(line) + 1
        if size >= CHUNK:
            text = "".join(buf)
            keep = len(text.rstrip())
            yield text[:keep]
            buf, size = [text[keep:]], len(text) - keep
    yield "".join(buf).rstrip() + "\n"
