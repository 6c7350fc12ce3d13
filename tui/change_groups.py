"""Changes grouped under the meeting they happened at, newest meeting first.

Shared by the topic screen and `bilat show` so that both read in one order. Pure:
no Textual import, so the CLI stays quick to start.
"""

from __future__ import annotations

from store.models import Change, MeetingRef


def group_changes(
    changes: list[Change], meetings: dict[int, MeetingRef]
) -> list[tuple[MeetingRef | None, list[Change]]]:
    """[(meeting, its changes)], newest meeting first; within one, most important first.

    `meetings` maps ids to refs; a change at a meeting not in it is grouped under None
    (shown last) rather than dropped.
    """
    groups: dict[int, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.meeting_id, []).append(change)

    def when(meeting_id: int) -> tuple[int, str, int]:
        ref = meetings.get(meeting_id)
        if ref is None:
            return (0, "", meeting_id)
        return (1, ref.meeting_date.isoformat() if ref.meeting_date else "", meeting_id)

    ordered = sorted(groups, key=when, reverse=True)
    return [
        (meetings.get(mid), sorted(groups[mid], key=lambda c: -c.weight)) for mid in ordered
    ]


def meeting_heading(ref: MeetingRef | None) -> str:
    """'2024-07-27 Vientiane' for a group of changes."""
    if ref is None:
        return "earlier"
    place = f" {ref.location}" if ref.location else ""
    return f"{ref.meeting_date or 'date unknown'}{place}"
