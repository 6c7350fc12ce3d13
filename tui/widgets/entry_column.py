"""One meeting's entry for a topic: a focusable column on the topic screen."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.widgets import Static

from store.models import EntryView
from tui.widgets.styling import figure_content, quote_content, status_badge

MAX_QUOTES = 6


def entry_content(entry: EntryView, dyad: list[str]) -> Content:
    """Date and place, status and evidence, summary, figures, quotes: all as data."""
    meeting = entry.meeting
    parts: list[Content] = [
        Content.styled(f"{meeting.meeting_date or 'date unknown'}", "bold"),
        Content(f"  {meeting.location or ''}".rstrip()),
        Content("\n"),
        Content.styled(meeting.title, "$text-muted"),
        Content("\n\n"),
        status_badge(entry.status, overridden=entry.overridden),
    ]
    if entry.overridden and entry.extracted_status != entry.status:
        parts.append(Content.styled(f"  extracted: {entry.extracted_status.value}", "$text-muted"))
    if entry.note:
        parts += [
            Content("\n"),
            Content.styled("note: ", "italic $text-muted"),
            Content(entry.note),
        ]
    if entry.evidence:
        parts += [Content("\n\n"), Content.styled(entry.evidence, "italic")]
    if entry.summary and entry.summary != entry.evidence:
        parts += [_heading("Summary"), Content(entry.summary)]
    if entry.figures:
        parts.append(_heading("Figures"))
        parts += _lines(figure_content(f) for f in entry.figures)
    if entry.quotes:
        parts.append(_heading(f"Quotes ({len(entry.quotes)})"))
        parts += _lines(quote_content(q, dyad) for q in entry.quotes[:MAX_QUOTES])
        if len(entry.quotes) > MAX_QUOTES:
            parts.append(
                Content.styled(f"\n… {len(entry.quotes) - MAX_QUOTES} more", "$text-muted")
            )
    return Content.assemble(*parts)


def _heading(text: str) -> Content:
    return Content.styled(f"\n\n{text}\n", "italic $text-muted")


def _lines(items: Iterable[Content]) -> list[Content]:
    out: list[Content] = []
    for item in items:
        if out:
            out.append(Content("\n"))
        out.append(item)
    return out


class EntryColumn(Static, can_focus=True):
    """A column holding one EntryView; focus marks the entry that keys act on."""

    def __init__(self, entry: EntryView, dyad: list[str]) -> None:
        super().__init__(entry_content(entry, dyad), markup=False)
        self.entry = entry
