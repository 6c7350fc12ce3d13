"""CSV: one file, a `kind` column telling rows apart.

`kind=entry`: one row per topic at a meeting (status, evidence, figures, note).
`kind=quote`: one row per quote, with the topic and meeting it belongs to.
`kind=position`: one row per stated position (side in `speaker_country`, the clause in `text`).
`kind=commitment`: one row per commitment, with its state, due date and the later evidence.
Position and commitment rows follow a pair's entry rows; their columns come last.
One file keeps the export a single `-o FILE`; filter on `kind` to split it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from store.db.batches import Meeting
from store.export.common import in_chunks
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
_QUOTE_IF = re.compile('[,"\n\r]')


def cell(value: object) -> str:
    """One CSV field: text made inert for spreadsheets, quoted when it must be."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    return text_cell(value)


def text_cell(value: str) -> str:
    """`cell` of a text (the hot path: one call per text field of every row)."""
    if value.startswith(_FORMULA_START):
        value = "'" + value
    if _QUOTE_IF.search(value):
        return '"' + value.replace('"', '""') + '"'
    return value


def render(timeline: TimelineSource) -> str:
    """All rows, meetings oldest first, each entry followed by its quotes."""
    return "".join(chunks(timeline))


# Each kind of row fills some of COLUMNS: a row is its cells in COLUMNS' order, the others
# empty. `_base`: the six meeting columns (dyad .. sources), made once per meeting.
def _base(dyad: str, m: Meeting) -> str:
    return ",".join((text_cell(dyad), str(m[0]), m[2] or "", text_cell(m[1]),
                     text_cell(m[3] or ""), text_cell("; ".join(m[5]))))


def _join(*cells: str) -> str:
    return ",".join(cells) + "\n"


def chunks(timeline: TimelineSource) -> Iterator[str]:
    """The rows in pieces of about CHUNK characters."""
    return in_chunks(_rows(timeline))


def _rows(timeline: TimelineSource) -> Iterator[str]:
    """The header, then every row, meetings oldest first."""
    yield ",".join(COLUMNS) + "\n"
    for d in timeline.dyads:
        names = {t.id: t.name for t in d.topics}
        label = dyad_label(d.dyad)
        for meeting, views in d.by_meeting():
            base = _base(label, meeting)
            for _, tid, status, extracted, overridden, note, evidence, figures, quotes in views:
                topic = f"{text_cell(tid)},{text_cell(names.get(tid, tid))}"
                yield _join(
                    "entry", base, topic, status, extracted, "yes" if overridden else "no",
                    text_cell(note or ""), text_cell(evidence), text_cell("; ".join(figures)),
                    *_EMPTY[15:30],
                )
                for qid, text, speaker, country, source in quotes:
                    yield _join(
                        "quote", base, topic, *_EMPTY[9:15], str(qid), text_cell(speaker or ""),
                        text_cell(country or ""), text_cell(text), text_cell(source or ""),
                        *_EMPTY[20:30],
                    )
        for stance in d.stances():
            yield from _stance_rows(label, stance)


_EMPTY = ("",) * len(COLUMNS)  # _EMPTY[a:b]: the empty cells of columns a to b - 1


def _stance_rows(dyad: str, stance: Stance) -> Iterator[str]:
    meeting, positions, commitments = stance
    base = _base(dyad, meeting)
    for side, speaker, topic, kind, text in positions:
        yield _join("position", base, text_cell(topic or ""), *_EMPTY[8:16],
                    text_cell(speaker or ""), text_cell(side or ""), *_EMPTY[18:20],
                    text_cell(kind), text_cell(text), *_EMPTY[22:30])
    for (cid, topic, text, parties, due, note, _, state, overdue, extracted, evidence, _,
         due_date) in commitments:
        yield _join("commitment", base, text_cell(topic or ""), *_EMPTY[8:12],
                    text_cell(note or ""), *_EMPTY[13:21], text_cell(text), str(cid),
                    text_cell("; ".join(parties)), text_cell(due or ""), due_date or "",
                    text_cell(state), text_cell(extracted), "yes" if overdue else "no",
                    text_cell(evidence))
