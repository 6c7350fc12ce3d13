"""One meeting's entry for a topic: a focusable, scrollable card on the topic screen."""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from store.models import EntryView, StoredQuote
from tui.widgets.content_view import ContentView
from tui.widgets.styling import figure_content, quote_content, status_badge

MAX_QUOTES = 6


# Evidence keeps the article's own quote marks while a summary may have plain ones:
# compare them with the marks unified (one character for one, so offsets hold).
_PLAIN_MARKS = str.maketrans("‘’‚‛“”„‟", "''''\"\"\"\"")


def excerpt_content(evidence: str, summary: str) -> Content:
    """The summary with the evidence sentence in it emphasised: each sentence said once."""
    plain_evidence = evidence.translate(_PLAIN_MARKS)
    plain_summary = summary.translate(_PLAIN_MARKS)
    if summary and evidence and plain_evidence in plain_summary:
        start = plain_summary.index(plain_evidence)
        return Content(summary).stylize("italic bold", start, start + len(evidence))
    if evidence and summary and plain_summary not in plain_evidence:
        return Content.assemble((evidence, "italic bold"), "\n", summary)
    return Content.styled(evidence or summary, "italic bold")


def entry_content(entry: EntryView, dyad: list[str], selected_quote: int | None = None) -> Content:
    """Date and place, status, the excerpt, figures, quotes: all as data."""
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
    if entry.evidence or entry.summary:
        parts += [Content("\n\n"), excerpt_content(entry.evidence, entry.summary)]
    if entry.figures:
        parts.append(_heading("Figures"))
        parts += _lines(figure_content(f) for f in entry.figures)
    if entry.quotes:
        parts.append(_heading(f"Quotes ({len(entry.quotes)})  y: copy"))
        parts += _lines(
            Content.assemble("▶ " if i == selected_quote else "  ", quote_content(q, dyad))
            for i, q in enumerate(entry.quotes[:MAX_QUOTES])
        )
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


class EntryColumn(ContentView, can_focus=True):
    """A card holding one EntryView; focus marks the entry that keys act on.

    Drawn with the line API (one widget, no child): it scrolls (keys and wheel) when its
    text is taller than the screen.
    """

    def __init__(self, entry: EntryView, dyad: list[str]) -> None:
        super().__init__(entry_content(entry, dyad))
        self.entry = entry
        self.dyad = dyad
        self.quote_index: int | None = None

    def show(self, entry: EntryView, dyad: list[str]) -> None:
        """Hold another entry: paging and reopening reuse the cards instead of
        mounting new ones (mounting is most of what a page of cards costs)."""
        if entry is self.entry and dyad == self.dyad:
            return
        self.entry, self.dyad, self.quote_index = entry, dyad, None
        self.update(entry_content(entry, dyad))
        self.scroll_home(animate=False)

    def next_quote(self) -> StoredQuote | None:
        """The next quote of this card (wrapping), marked with ▶; None when it holds none."""
        quotes = self.entry.quotes[:MAX_QUOTES]
        if not quotes:
            return None
        self.quote_index = 0 if self.quote_index is None else (self.quote_index + 1) % len(quotes)
        self.update(entry_content(self.entry, self.dyad, self.quote_index))
        return quotes[self.quote_index]
