"""TimelineJS JSON: one event per topic per meeting, grouped by topic (`group` = topic name).

TimelineJS renders `headline` and `text` as HTML, so every article-derived
string is escaped here. Undated meetings cannot be placed on a timeline and are left out.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from store.export.common import figure_texts, speaker, transition, with_previous
from store.export.select import Timeline, dyad_label


def render(timeline: Timeline) -> str:
    events: list[dict[str, Any]] = []
    many = timeline.shown_dyads > 1
    for d in timeline.dyads:
        for topic in d.topics:
            for view, before in with_previous(d.entries.get(topic.id, [])):
                day = view.meeting.meeting_date
                if day is None:
                    continue
                parts = [f"<p><b>{escape(transition(view, before))}</b></p>"]
                if view.evidence:
                    parts.append(f"<p>{escape(view.evidence)}</p>")
                if view.note:
                    parts.append(f"<p><i>Note:</i> {escape(view.note)}</p>")
                figures = figure_texts(view)
                if figures:
                    parts.append(f"<p>Figures: {escape('; '.join(figures))}</p>")
                for q in view.quotes:
                    parts.append(
                        f"<blockquote>“{escape(q.text)}” — {escape(speaker(q))}</blockquote>"
                    )
                title = view.meeting.title or f"meeting {view.meeting.id}"
                if many:  # groups are topics across dyads; the headline says whose meeting
                    title = f"{title} [{dyad_label(d.dyad)}]"
                events.append({
                    "start_date": {"year": day.year, "month": day.month, "day": day.day},
                    "text": {
                        "headline": escape(f"{topic.name}: {title}"),
                        "text": "".join(parts),
                    },
                    "group": escape(topic.name),
                    "unique_id": f"m{view.meeting.id}-{view.topic_id}",
                })
    events.sort(key=lambda e: (e["start_date"]["year"], e["start_date"]["month"],
                               e["start_date"]["day"], e["group"]))
    data = {
        "title": {"text": {"headline": escape(timeline.title),
                           "text": escape(f"{timeline.meeting_count} meetings")}},
        "events": events,
    }
    # Compact: indenting switches json to its pure-Python encoder, 5x slower on big stores.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
