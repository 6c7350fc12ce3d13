"""CSV: one file, a `kind` column telling rows apart.

`kind=entry`: one row per topic at a meeting (status, evidence, figures, note).
`kind=quote`: one row per quote, with the topic and meeting it belongs to.
`kind=position`: one row per stated position (side in `speaker_country`, the clause in `text`).
`kind=commitment`: one row per commitment, with its state, due date and the later evidence.
Position and commitment rows follow a pair's entry rows; their columns come last.
One file keeps the export a single `-o FILE`; filter on `kind` to split it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from store.export.common import CHUNK, figure_texts
from store.export.select import Stance, TimelineSource, dyad_label

COLUMNS = [
    "kind", "dyad", "meeting_id", "meeting_date", "meeting_title", "location", "sources",
    "topic_id", "topic_name", "status", "extracted_status", "overridden", "note", "evidence",
    "figures", "quote_id", "speaker", "speaker_country", "quote", "quote_source",
    "position_kind", "text", "commitment_id", "parties", "due", "due_date", "state",
    "extracted_state", "overdue", "state_evidence",
]

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection):
# such text cells get a leading apostrophe, the OWASP rule, and are shown as typed.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Cells holding these are quoted. The csv module leaves a bare CR unquoted when rows end
# in LF, and a reader then splits the row there; this writer quotes it.
_QUOTE_IF = (",", '"', "\n", "\r")


def cell(value: object) -> str:
    """One CSV field: text made inert for spreadsheets, quoted when it must be."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    if value.startswith(_FORMULA_START):
        value = "'" + value
    if any(c in value for c in _QUOTE_IF):
        return '"' + value.replace('"', '""') + '"'
    return value


def _row(values: dict[str, Any]) -> str:
    return ",".join(cell(values.get(c, "")) for c in COLUMNS) + "\n"


def render(timeline: TimelineSource) -> str:
    """All rows, meetings oldest first, each entry followed by its quotes."""
    return "".join(chunks(timeline))


def chunks(timeline: TimelineSource) -> Iterator[str]:
    """The rows in pieces, meeting batch by meeting batch."""
    buf = [",".join(COLUMNS) + "\n"]
    size = 0
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
                line = _row({
                    **base, **topic, "kind": "entry", "status": v.status.value,
                    "extracted_status": v.extracted_status.value,
                    "overridden": "yes" if v.overridden else "no", "note": v.note or "",
                    "evidence": v.evidence, "figures": "; ".join(figure_texts(v)),
                })
                buf.append(line)
                size += len(line)
                for q in v.quotes:
                    line = _row({
                        **base, **topic, "kind": "quote", "quote_id": q.id,
                        "speaker": q.speaker or "", "speaker_country": q.speaker_country or "",
                        "quote": q.text, "quote_source": q.source or "",
                    })
                    buf.append(line)
                    size += len(line)
            if size >= CHUNK:
                yield "".join(buf)
                buf, size = [], 0
        for stance in d.stances():
            for line in _stance_rows(dyad_label(d.dyad), stance):
                buf.append(line)
                size += len(line)
            if size >= CHUNK:
                yield "".join(buf)
                buf, size = [], 0
    yield "".join(buf)


def _stance_rows(dyad: str, stance: Stance) -> Iterator[str]:
    meeting, positions, commitments = stance
    base = {
        "dyad": dyad, "meeting_id": meeting.id,
        "meeting_date": meeting.meeting_date.isoformat() if meeting.meeting_date else "",
        "meeting_title": meeting.title, "location": meeting.location or "",
        "sources": "; ".join(meeting.sources),
    }
    for p in positions:
        yield _row({**base, "kind": "position", "topic_id": p.topic or "",
                    "speaker": p.speaker or "", "speaker_country": p.side or "",
                    "position_kind": p.kind, "text": p.text})
    for c in commitments:
        t = c.extracted
        yield _row({**base, "kind": "commitment", "topic_id": c.topic or "",
                    "commitment_id": c.id, "parties": "; ".join(c.parties), "text": c.text,
                    "due": c.due or "", "due_date": t.due_date.isoformat() if t.due_date else "",
                    "state": c.state, "extracted_state": t.state,
                    "overdue": "yes" if c.overdue else "no", "note": c.note or "",
                    "state_evidence": t.evidence})
