"""Small pure helpers every format shares: dates, status labels, transitions.

They take the raw rows of `store.db.batches` (plain tuples, see the shapes there).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from store.commitments import due_date, is_overdue
from store.db.batches import Commitment, Entry, Meeting, Quote
from store.models import Status, Tracking

# A commitment as the formats show it: id, topic, text, parties, due, note, manual_state,
# state (the user's when set, else the extracted one), overdue, then its extracted
# Tracking: state, evidence, evidence_date (ISO), due_date (ISO)        (StoredCommitment)
Shown = tuple[
    int, str | None, str, tuple[str, ...], str | None, str | None, str | None, str, bool,
    str, str, str | None, str | None,
]

LABELS = {s.value: f"{s.glyph} {s.value}" for s in Status}  # '◆ dialogue'
GLYPHS = {s.value: s.glyph for s in Status}


def when(m: Meeting) -> str:
    return m[2] or "undated"


def title(m: Meeting) -> str:
    return m[1] or f"meeting {m[0]}"


def transition(status: str, before: str | None) -> str:
    """'✖ tension → ◆ dialogue', '◆ dialogue (unchanged)', '▲ progress (first raised)':
    an entry's status against the status the topic had the time before (None: never)."""
    now = LABELS[status]
    if before is None:
        return f"{now} (first raised)"
    if before == status:
        return f"{now} (unchanged)"
    return f"{LABELS[before]} → {now}"


def with_previous(entries: Iterable[Entry]) -> Iterator[tuple[Entry, str | None]]:
    """Each entry with the status of the one before it (the last time the topic was
    discussed)."""
    before: str | None = None
    for v in entries:
        yield v, before
        before = v[2]


def speaker(q: Quote) -> str:
    who = q[2] or "unknown speaker"
    return f"{who} ({q[3]})" if q[3] else who


def position_speaker(side: str | None, who: str | None) -> str:
    """'China (Wang Yi)', 'China', 'Wang Yi', 'unknown side'."""
    side = side or ""
    if who and side:
        return f"{side} ({who})"
    return side or who or "unknown side"


def shown_commitment(c: Commitment, made_on: str | None, walked: dict[int, Tracking] | None,
                     today: date) -> Shown:
    """A commitment row with the state shown and `overdue` (as `commitments.with_tracking`).
    Its tracking is `walked`'s when given (the walk's own result: the store could not be
    written, so what it holds may be stale), else the one stored with the row, else the
    default: open, due date from `due`."""
    cid, topic, text, parties, due, note, manual, state, evidence, ev_date, due_on = c
    if walked is not None or state is None:
        found = walked.get(cid) if walked is not None else None
        if found is None:
            found = Tracking(due_date=due_date(due, date.fromisoformat(made_on)
                                               if made_on else None))
        state, evidence = found.state, found.evidence
        ev_date = found.evidence_date.isoformat() if found.evidence_date else None
        due_on = found.due_date.isoformat() if found.due_date else None
    shown = manual or state
    overdue = is_overdue(shown, date.fromisoformat(due_on) if due_on else None, today)  # type: ignore[arg-type]
    return (cid, topic, text, parties, due, note, manual, shown, overdue, state,
            evidence or "", ev_date, due_on)


def commitment_state(c: Shown) -> str:
    """'kept', 'open, overdue', 'stalled (set by hand; extracted: kept)'."""
    out = c[7] + (", overdue" if c[8] else "")
    if c[6] is not None:
        out += f" (set by hand; extracted: {c[9]})"
    return out


def commitment_details(c: Shown) -> list[str]:
    """The due time, the later evidence and the user's note, as plain lines."""
    out = []
    if c[4]:
        out.append(f"due {c[4]} (by {c[12] or '?'})")
    if c[10]:
        out.append(f"evidence ({c[11] or 'undated'}): {c[10]}")
    if c[5]:
        out.append(f"note: {c[5]}")
    return out


CHUNK = 1 << 16  # characters handed to the writer at a time


def in_chunks(pieces: Iterable[str]) -> Iterator[str]:
    """The pieces, joined about CHUNK characters at a time: one write per chunk rather
    than one per row, without holding the document."""
    buf: list[str] = []
    size = 0
    for piece in pieces:
        buf.append(piece)
        size += len(piece)
        if size >= CHUNK:
            yield "".join(buf)
            buf, size = [], 0
    yield "".join(buf)


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
