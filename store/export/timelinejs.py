"""TimelineJS JSON: one event per topic per meeting, grouped by topic (`group` = topic name),
then one event per commitment at the meeting that made it, in its topic's group (headline
"Commitment: ..."; group "Commitments" when it has no topic).

TimelineJS renders `headline` and `text` as HTML, so every article-derived
string is escaped here. Undated meetings cannot be placed on a timeline and are left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape
from typing import Any

from store.export.common import (
    commitment_details,
    commitment_state,
    figure_texts,
    speaker,
    transition,
)
from store.export.select import TimelineSource, dyad_label
from store.models import EntryView, MeetingRef, StoredCommitment, Topic


def render(timeline: TimelineSource) -> str:
    return "".join(chunks(timeline))


def _dumps(value: Any) -> str:
    # Compact: indenting switches json to its pure-Python encoder, 5x slower on big stores.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def chunks(timeline: TimelineSource) -> Iterator[str]:
    """The JSON document in pieces, day by day: the same bytes as dumping it whole."""
    title = {"text": {"headline": escape(timeline.title),
                      "text": escape(f"{timeline.meeting_count} meetings")}}
    yield '{"title":' + _dumps(title) + ',"events":['
    many = timeline.shown_dyads > 1
    topics = {t.id: (i, t) for i, t in enumerate(timeline.dyads[0].topics)} if (
        timeline.dyads) else {}
    labels = [dyad_label(d.dyad) for d in timeline.dyads]
    before: dict[tuple[int, str], EntryView] = {}
    first = True
    for _day, views in timeline.by_date():
        events = []
        for n, (dyad, view) in enumerate(views):
            key = (dyad, view.topic_id)
            index, topic = topics[view.topic_id]
            event = _event(view, before.get(key), topic, labels[dyad] if many else None)
            before[key] = view
            # Events of a day by topic name, then pair, topic order and meeting order.
            events.append(((event["group"], dyad, index, n), event))
        events.sort(key=lambda ke: ke[0])
        parts = [_dumps(e) for _, e in events]
        if parts:
            yield ("" if first else ",") + ",".join(parts)
            first = False
    for d, label in zip(timeline.dyads, labels, strict=True):
        for meeting, _, commitments in d.stances():
            if meeting.meeting_date is None or not commitments:
                continue
            parts = [_dumps(_commitment_event(
                meeting, c, label if many else None,
                topics[c.topic][1].name if c.topic in topics else "Commitments",
            )) for c in commitments]
            yield ("" if first else ",") + ",".join(parts)
            first = False
    yield "]}\n"


def _commitment_event(
    m: MeetingRef, c: StoredCommitment, dyad: str | None, group: str
) -> dict[str, Any]:
    day = m.meeting_date
    assert day is not None
    parts = [f"<p><b>{escape(commitment_state(c))}</b></p>", f"<p>{escape(c.text)}</p>"]
    parts += [f"<p>{escape(x)}</p>" for x in commitment_details(c)]
    title = m.title or f"meeting {m.id}"
    if dyad is not None:
        title = f"{title} [{dyad}]"
    return {
        "start_date": {"year": day.year, "month": day.month, "day": day.day},
        "text": {"headline": escape(f"Commitment: {title}"), "text": "".join(parts)},
        "group": escape(group),
        "unique_id": f"c{c.id}",
    }


def _event(
    view: EntryView, before: EntryView | None, topic: Topic, dyad: str | None
) -> dict[str, Any]:
    day = view.meeting.meeting_date
    assert day is not None
    parts = [f"<p><b>{escape(transition(view, before))}</b></p>"]
    if view.evidence:
        parts.append(f"<p>{escape(view.evidence)}</p>")
    if view.note:
        parts.append(f"<p><i>Note:</i> {escape(view.note)}</p>")
    figures = figure_texts(view)
    if figures:
        parts.append(f"<p>Figures: {escape('; '.join(figures))}</p>")
    for q in view.quotes:
        parts.append(f"<blockquote>“{escape(q.text)}” — {escape(speaker(q))}</blockquote>")
    title = view.meeting.title or f"meeting {view.meeting.id}"
    if dyad is not None:  # groups are topics across dyads; the headline says whose meeting
        title = f"{title} [{dyad}]"
    return {
        "start_date": {"year": day.year, "month": day.month, "day": day.day},
        "text": {"headline": escape(f"{topic.name}: {title}"), "text": "".join(parts)},
        "group": escape(topic.name),
        "unique_id": f"m{view.meeting.id}-{view.topic_id}",
    }
