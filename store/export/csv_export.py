"""CSV: one file, a `kind` column telling rows apart.

`kind=entry`: one row per topic at a meeting (status, evidence, figures, note).
`kind=quote`: one row per quote, with the topic and meeting it belongs to.
One file keeps the export a single `-o FILE`; filter on `kind` to split it.
"""

from __future__ import annotations

import csv
import io

from store.export.common import figure_texts
from store.export.select import Timeline, dyad_label

COLUMNS = [
    "kind", "dyad", "meeting_id", "meeting_date", "meeting_title", "location", "sources",
    "topic_id", "topic_name", "status", "extracted_status", "overridden", "note", "evidence",
    "figures", "quote_id", "speaker", "speaker_country", "quote", "quote_source",
]


def render(timeline: Timeline) -> str:
    """All rows, meetings oldest first, each entry followed by its quotes."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for d in timeline.dyads:
        for meeting, views in d.by_meeting():
            base = {
                "dyad": dyad_label(d.dyad), "meeting_id": meeting.id,
                "meeting_date": meeting.meeting_date.isoformat() if meeting.meeting_date else "",
                "meeting_title": meeting.title, "location": meeting.location or "",
                "sources": "; ".join(meeting.sources),
            }
            for v in views:
                topic = {"topic_id": v.topic_id, "topic_name": v.topic_name}
                writer.writerow({
                    **base, **topic, "kind": "entry", "status": v.status.value,
                    "extracted_status": v.extracted_status.value,
                    "overridden": "yes" if v.overridden else "no", "note": v.note or "",
                    "evidence": v.evidence, "figures": "; ".join(figure_texts(v)),
                })
                for q in v.quotes:
                    writer.writerow({
                        **base, **topic, "kind": "quote", "quote_id": q.id,
                        "speaker": q.speaker or "", "speaker_country": q.speaker_country or "",
                        "quote": q.text, "quote_source": q.source or "",
                    })
    return buf.getvalue()
