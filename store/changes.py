"""What changed for a topic between consecutive meetings of a dyad. Pure: views in, changes out.

A topic's entry at a meeting is compared with its most recent earlier entry
(the last time it was discussed), so a topic that skips a meeting and comes
back is compared with where it stood, not reported as new.

Kinds and weights (lists sort by weight, highest first):
- `status`: moved, with direction; weight 100 + 10 x the size of the move
  (tension -> agreement outranks dialogue -> progress).
- `first_raised`: never discussed at an earlier meeting of the dyad; 50.
- `not_raised`: discussed at the meeting before, absent from this one; 40.
- `figure`: a number new for the topic, or changed since last time; 30.
- `new_quotes`: quotes at this meeting, one change per side; 20 + count (max 9).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from store.models import Change, EntryView, Figure, MeetingRef

W_STATUS = 100
W_STATUS_STEP = 10
W_FIRST = 50
W_NOT_RAISED = 40
W_FIGURE = 30
W_QUOTES = 20


def _when(ref: MeetingRef) -> str:
    return ref.meeting_date.isoformat() if ref.meeting_date else ref.title or f"meeting {ref.id}"


def _figure_key(f: Figure) -> tuple[str, str]:
    # The same thing counted again: same unit and noun. Without a noun, the text itself.
    noun = f.noun.casefold().strip()
    return (f.unit, noun) if noun else (f.unit, f.text.casefold().strip())


def _differs(new: Figure, old: Figure) -> bool:
    if new.value is not None and old.value is not None:
        return new.value != old.value
    return new.text.casefold().strip() != old.text.casefold().strip()


def figure_changes(
    current: Iterable[Figure], previous: Iterable[Figure]
) -> list[tuple[Figure, Figure | None]]:
    """(figure, what it was) for each figure new (None) or changed since the previous entry."""
    before = {_figure_key(f): f for f in previous}
    out: list[tuple[Figure, Figure | None]] = []
    for f in current:
        old = before.get(_figure_key(f))
        if old is None:
            out.append((f, None))
        elif _differs(f, old):
            out.append((f, old))
    return out


def compare(
    current: EntryView | None,
    last: EntryView | None,
    meeting: MeetingRef,
    previous_meeting: MeetingRef | None,
) -> list[Change]:
    """Changes of one topic at `meeting`: its entry there (or None) vs its last earlier one."""
    view = current or last
    if view is None:
        return []
    base = {
        "topic_id": view.topic_id, "topic_name": view.topic_name, "meeting_id": meeting.id,
        "previous_meeting_id": last.meeting.id if last else None,
    }
    name = view.topic_name
    out: list[Change] = []
    if current is None:
        assert last is not None
        if previous_meeting is not None and last.meeting.id == previous_meeting.id:
            out.append(Change(
                kind="not_raised", old_status=last.status, weight=W_NOT_RAISED,
                description=f"{name}: not raised since {_when(last.meeting)}", **base,
            ))
        return out
    if last is None:
        out.append(Change(
            kind="first_raised", new_status=current.status, weight=W_FIRST,
            description=f"{name}: first raised ({current.status.value})", **base,
        ))
    else:
        delta = current.status.score - last.status.score
        if delta:
            direction = "better" if delta > 0 else "worse"
            since = "" if previous_meeting and last.meeting.id == previous_meeting.id else (
                f", last discussed {_when(last.meeting)}"
            )
            out.append(Change(
                kind="status", old_status=last.status, new_status=current.status,
                weight=W_STATUS + W_STATUS_STEP * abs(delta),
                description=(f"{name}: {last.status.value} → {current.status.value} "
                             f"({direction}{since})"), **base,
            ))
        for fig, old in figure_changes(current.figures, last.figures):
            what = f"{fig.text} {fig.noun}".strip()
            text = f"new figure {what}" if old is None else f"{what} (was {old.text})"
            out.append(Change(kind="figure", weight=W_FIGURE, description=f"{name}: {text}",
                              **base))
    sides = Counter(q.speaker_country or "unknown side" for q in current.quotes)
    for side, n in sorted(sides.items(), key=lambda kv: (-kv[1], kv[0])):
        plural = "quote" if n == 1 else "quotes"
        out.append(Change(
            kind="new_quotes", weight=W_QUOTES + min(n, 9), side=side,
            description=f"{name}: {n} new {plural} from {side}", **base,
        ))
    return out


def _sort(changes: list[Change]) -> list[Change]:
    return sorted(changes, key=lambda c: (-c.weight, c.topic_name, c.description))


def meeting_changes(
    meeting: MeetingRef,
    previous: MeetingRef | None,
    current: Iterable[EntryView],
    last: dict[str, EntryView],
) -> list[Change]:
    """Everything that changed at `meeting` against the one before, most important first.

    `current` are the meeting's entries; `last` maps a topic id to its most
    recent entry before the meeting (topics never raised before are absent).
    """
    now = {v.topic_id: v for v in current}
    out: list[Change] = []
    for tid in sorted(set(now) | set(last)):
        out.extend(compare(now.get(tid), last.get(tid), meeting, previous))
    return _sort(out)


def topic_changes(history: list[EntryView], meetings: list[MeetingRef]) -> list[Change]:
    """A topic's changes at every meeting of the dyad, oldest meeting first
    (most important first within a meeting). `history` is the topic's entries, oldest first."""
    at = {v.meeting.id: v for v in history}
    out: list[Change] = []
    last: EntryView | None = None
    previous: MeetingRef | None = None
    for ref in meetings:
        current = at.get(ref.id)
        out.extend(_sort(compare(current, last, ref, previous)))
        if current is not None:
            last = current
        previous = ref
    return out


def recent_topic_changes(
    history: list[EntryView], meetings: list[MeetingRef], *, complete: bool
) -> list[Change]:
    """`topic_changes` over the newest entries of a topic only.

    `history` is the topic's newest entries (oldest first) and `meetings` the
    dyad's meetings; `complete` says `history` reaches back to the topic's first
    entry. When it does not, the oldest entry only serves as the base the next
    is compared with: nothing is reported at it, so it is not "first raised".
    """
    if complete or not history:
        return topic_changes(history, meetings)
    start = history[0].meeting.id
    at = next((i for i, m in enumerate(meetings) if m.id == start), 0)
    changes = topic_changes(history, meetings[at:])
    return [c for c in changes if c.meeting_id != start]
