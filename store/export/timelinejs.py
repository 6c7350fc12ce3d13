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
from json.encoder import encode_basestring
from typing import Any

from store.export.common import (
    Shown,
    commitment_details,
    commitment_state,
    in_chunks,
    title,
    transition,
)
from store.export.select import TimelineSource, dyad_label
from store.export.texts import json_inner


def render(timeline: TimelineSource) -> str:
    return "".join(chunks(timeline))


def _dumps(value: Any) -> str:
    # Compact: indenting switches json to its pure-Python encoder, 5x slower on big stores.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# What json.dumps(ensure_ascii=False) writes for a string (its C encoder): the events are
# written as text around these, the bytes json.dumps writes for the same dict.
_string = encode_basestring


def chunks(timeline: TimelineSource) -> Iterator[str]:
    """The JSON document in pieces of about CHUNK characters: the same bytes as dumping it
    whole."""
    return in_chunks(_pieces(timeline))


def _pieces(timeline: TimelineSource) -> Iterator[str]:
    """The document's text, event by event, days in order, then the commitments."""
    head = {"text": {"headline": escape(timeline.title),
                     "text": escape(f"{timeline.meeting_count} meetings")}}
    yield '{"title":' + _dumps(head) + ',"events":['
    many = timeline.shown_dyads > 1
    topics = {t.id: (i, t) for i, t in enumerate(timeline.dyads[0].topics)} if (
        timeline.dyads) else {}
    groups = {tid: escape(t.name) for tid, (_, t) in topics.items()}
    # What every event of a topic, or of a pair, shares, as JSON text, made once: the group,
    # the headline's start ("Name: ") and its end (" [pair]" when the export has several).
    group_json = {tid: _string(group) for tid, group in groups.items()}
    named = {tid: '"' + json_inner(escape(f"{t.name}: ")) for tid, (_, t) in topics.items()}
    labels = [dyad_label(d.dyad) for d in timeline.dyads]
    ends = [json_inner(escape(f" [{label}]")) + '"' if many else '"' for label in labels]
    before: dict[tuple[int, str], str] = {}  # the status each topic had the time before
    lead: dict[tuple[str, str | None], str] = {}  # transition paragraphs, made once each
    sep = ""
    for day, items in timeline.texts_by_date():
        start = _start(day)  # the same for every event of the day
        events = []
        for n, (dyad, _, name, (mid, tid, status, tail)) in enumerate(items):
            key = (dyad, tid)
            index, _ = topics[tid]
            was = before.get(key)
            text = lead.get((status, was))
            if text is None:
                text = lead[status, was] = '"' + json_inner(
                    f"<p><b>{escape(transition(status, was))}</b></p>")
            before[key] = status
            # The event as json.dumps writes it: the headline and text are the entry's texts
            # kept in the store (store/export/texts.py) between the pieces made above.
            event = (f'{{"start_date":{start},"text":{{"headline":{named[tid]}{name}'
                     f'{ends[dyad]},"text":{text}{tail}"}},"group":{group_json[tid]},'
                     f'"unique_id":{_string(f"m{mid}-{tid}")}}}')
            # Events of a day by topic name, then pair, topic order and meeting order.
            events.append(((groups[tid], dyad, index, n), event))
        events.sort(key=lambda ke: ke[0])
        for _, event in events:
            yield sep + event
            sep = ","
    # The commitments: the pieces a meeting's commitments share (start, headline) made once
    # per meeting.
    other = _string("Commitments")
    for d, label in zip(timeline.dyads, labels, strict=True):
        for meeting, _, commitments in d.stances(positions=False):
            if meeting[2] is None or not commitments:
                continue
            headline = title(meeting) if not many else f"{title(meeting)} [{label}]"
            shared = (f'{{"start_date":{_start(meeting[2])},"text":{{"headline":'
                      f'{_string(escape(f"Commitment: {headline}"))},"text":')
            for c in commitments:
                group = group_json.get(c[1], other) if c[1] is not None else other
                yield (f'{sep}{shared}{_commitment_text(c)}}},"group":{group},'
                       f'"unique_id":"c{c[0]}"}}')
                sep = ","
    yield "]}\n"


def _start(day: str) -> str:
    """The event's start_date: {"year", "month", "day"} as numbers."""
    return f'{{"year":{int(day[:4])},"month":{int(day[5:7])},"day":{int(day[8:10])}}}'


def _commitment_text(c: Shown) -> str:
    """A commitment event's text: its state, its words, its due time, evidence and note."""
    parts = [f"<p><b>{escape(commitment_state(c))}</b></p>", f"<p>{escape(c[2])}</p>"]
    parts += [f"<p>{escape(x)}</p>" for x in commitment_details(c)]
    return _string("".join(parts))
