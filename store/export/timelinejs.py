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

from store.db.batches import Entry, Meeting
from store.export.common import (
    Shown,
    commitment_details,
    commitment_state,
    speaker,
    title,
    transition,
)
from store.export.select import TimelineSource, dyad_label
from store.models import Topic


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
    before: dict[tuple[int, str], str] = {}  # the status each topic had the time before
    first = True
    for _day, views in timeline.by_date():
        events = []
        for n, (dyad, view) in enumerate(views):
            key = (dyad, view[1])
            index, topic = topics[view[1]]
            event = _event(view, before.get(key), topic, labels[dyad] if many else None)
            before[key] = view[2]
            # Events of a day by topic name, then pair, topic order and meeting order.
            events.append(((event["group"], dyad, index, n), event))
        events.sort(key=lambda ke: ke[0])
        parts = [_dumps(e) for _, e in events]
        if parts:
            yield ("" if first else ",") + ",".join(parts)
            first = False
    for d, label in zip(timeline.dyads, labels, strict=True):
        for meeting, _, commitments in d.stances(positions=False):
            if meeting[2] is None or not commitments:
                continue
            parts = [_dumps(_commitment_event(
                meeting, c, label if many else None,
                topics[c[1]][1].name if c[1] in topics else "Commitments",
            )) for c in commitments]
            yield ("" if first else ",") + ",".join(parts)
            first = False
    yield "]}\n"


def _start(day: str) -> dict[str, int]:
    return {"year": int(day[:4]), "month": int(day[5:7]), "day": int(day[8:10])}


def _commitment_event(m: Meeting, c: Shown, dyad: str | None, group: str) -> dict[str, Any]:
    assert m[2] is not None
    parts = [f"<p><b>{escape(commitment_state(c))}</b></p>", f"<p>{escape(c[2])}</p>"]
    parts += [f"<p>{escape(x)}</p>" for x in commitment_details(c)]
    headline = title(m)
    if dyad is not None:
        headline = f"{headline} [{dyad}]"
    return {
        "start_date": _start(m[2]),
        "text": {"headline": escape(f"Commitment: {headline}"), "text": "".join(parts)},
        "group": escape(group),
        "unique_id": f"c{c[0]}",
    }


def _event(view: Entry, before: str | None, topic: Topic, dyad: str | None) -> dict[str, Any]:
    m, topic_id, status, _, _, note, evidence, figures, quotes = view
    assert m[2] is not None
    parts = [f"<p><b>{escape(transition(status, before))}</b></p>"]
    if evidence:
        parts.append(f"<p>{escape(evidence)}</p>")
    if note:
        parts.append(f"<p><i>Note:</i> {escape(note)}</p>")
    if figures:
        parts.append(f"<p>Figures: {escape('; '.join(figures))}</p>")
    for q in quotes:
        parts.append(f"<blockquote>“{escape(q[1])}” — {escape(speaker(q))}</blockquote>")
    headline = title(m)
    if dyad is not None:  # groups are topics across dyads; the headline says whose meeting
        headline = f"{headline} [{dyad}]"
    return {
        "start_date": _start(m[2]),
        "text": {"headline": escape(f"{topic.name}: {headline}"), "text": "".join(parts)},
        "group": escape(topic.name),
        "unique_id": f"m{m[0]}-{topic_id}",
    }
