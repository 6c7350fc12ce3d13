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

from store.db.batches import Meeting
from store.export.common import CHUNK
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
        names = {t.id: t.name for t in d.topics}
        for meeting, views in d.by_meeting():
            base = _base(dyad_label(d.dyad), meeting)
            for _, tid, status, extracted, overridden, note, evidence, figures, quotes in views:
                topic = {"topic_id": tid, "topic_name": names.get(tid, tid)}
                line = _row({
                    **base, **topic, "kind": "entry", "status": status,
                    "extracted_status": extracted,
                    "overridden": "yes" if overridden else "no", "note": note or "",
                    "evidence": evidence, "figures": "; ".join(figures),
                })
                buf.append(line)
                size += len(line)
                for qid, text, speaker, country, source in quotes:
                    line = _row({
                        **base, **topic, "kind": "quote", "quote_id": qid,
                        "speaker": speaker or "", "speaker_country": country or "",
                        "quote": text, "quote_source": source or "",
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


def _base(dyad: str, meeting: Meeting) -> dict[str, Any]:
    return {
        "dyad": dyad, "meeting_id": meeting[0], "meeting_date": meeting[2] or "",
        "meeting_title": meeting[1], "location": meeting[3] or "",
        "sources": "; ".join(meeting[5]),
    }


def _stance_rows(dyad: str, stance: Stance) -> Iterator[str]:
    meeting, positions, commitments = stance
    base = _base(dyad, meeting)
    for side, speaker, topic, kind, text in positions:
        yield _row({**base, "kind": "position", "topic_id": topic or "",
                    "speaker": speaker or "", "speaker_country": side or "",
                    "position_kind": kind, "text": text})
    for (cid, topic, text, parties, due, note, _, state, overdue, extracted, evidence, _,
         due_date) in commitments:
        yield _row({**base, "kind": "commitment", "topic_id": topic or "",
                    "commitment_id": cid, "parties": "; ".join(parties), "text": text,
                    "due": due or "", "due_date": due_date or "",
                    "state": state, "extracted_state": extracted,
                    "overdue": "yes" if overdue else "no", "note": note or "",
                    "state_evidence": evidence})
