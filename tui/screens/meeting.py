"""Meeting: its metadata and the original article, quotes highlighted by side."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content, Span
from textual.widgets import Header, Static

from store.db import StoreError
from store.models import ArticleRecord, MeetingDetail, StoredQuote
from tui.screens.meeting_fixes import MeetingFixes
from tui.widgets.article_view import ArticleView
from tui.widgets.key_bar import KeyBar
from tui.widgets.styling import side_style, status_badge


def article_paragraphs(
    article: ArticleRecord,
    quotes: list[StoredQuote],
    dyad: list[str],
    topic_names: dict[str, str],
    focus: int | None = None,
) -> list[tuple[str, Content]]:
    """(margin label, paragraph content) pairs; quote spans carry their side's colour."""
    text = article.text
    own = sorted((q for q in quotes if q.article_id == article.id), key=lambda q: q.start)
    spans = article.paragraph_spans
    if not spans:
        return [("", Content(text))]
    rows = []
    for para in spans:
        styled = [
            Span(
                q.start - para.start,
                q.end - para.start,
                f"bold {side_style(q.speaker_country, dyad)}{' reverse' if q.id == focus else ''}",
            )
            for q in own
            if para.start <= q.start and q.end <= para.end
        ]
        body = Content(text[para.start : para.end], spans=styled)
        margin = ", ".join(topic_names.get(t, t) for t in para.topics[:2])
        if para.heading and para.index == min(p.index for p in spans if p.section == para.section):
            body = Content.assemble((para.heading + "\n", "bold $text-accent"), body)
        rows.append((margin, body))
    return rows


class MeetingScreen(MeetingFixes):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("n", "next_article", "Next source", tooltip="Show the meeting's next article"),
        Binding("y", "copy_quote", "Copy quote", tooltip="Copy the marked quote (again: the next)"),
        Binding("e", "edit", "Edit", tooltip="Correct title, date, place, pair, participants"),
        Binding("f", "fix_quote", "Fix quote", tooltip="Fix a quote's speaker, side or topic"),
        Binding("s", "sources", "Sources", tooltip="List, remove, split or merge sources"),
        Binding("c", "confirm", "Confirm", tooltip="Mark the guessed values as checked"),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.detail: MeetingDetail | None = None
        self.article_index = 0
        self.focus_quote: int | None = None  # the quote marked (opened from Quotes, or y)
        self._copied: int | None = None
        self.topic_names: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="meeting-meta")
        yield ArticleView(id="article")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.load_meeting()

    def show_meeting_of(self, meeting_id: int, quote_id: int | None) -> bool:
        """Show another meeting on this (kept) screen, before it is shown again; False
        (and a notification) when the store no longer holds it.

        Read here, not in a worker: one meeting is a bounded read (a few ms), and read
        later the screen would first paint the meeting it held before."""
        try:
            detail = self.store.meeting(meeting_id)
        except StoreError:
            self.notify(f"Meeting #{meeting_id} is no longer in the store.")
            return False
        self.meeting_id, self.focus_quote, self._copied = meeting_id, quote_id, None
        self.article_index = 0
        self.show_meeting(detail, self.topic_names or self._read_topic_names())
        return True

    def _read_topic_names(self) -> dict[str, str]:
        return {t.id: t.name for t in self.store.topics()}

    @work(thread=True, exclusive=True, group="meeting", exit_on_error=False)
    def load_meeting(self) -> None:
        try:
            detail = self.store.meeting(self.meeting_id)
        except StoreError:
            # Removed, merged away or undone while this screen was open.
            self.app.call_from_thread(self.meeting_gone)
            return
        self.app.call_from_thread(self.show_meeting, detail, self._read_topic_names())

    def meeting_gone(self) -> None:
        if self.is_current:
            self.notify(f"Meeting #{self.meeting_id} is no longer in the store.")
            self.app.pop_screen()

    def show_meeting(self, detail: MeetingDetail, topic_names: dict[str, str]) -> None:
        self.detail = detail
        self.topic_names = topic_names
        self._show_article()

    def _show_article(self) -> None:
        detail = self.detail
        if detail is None:
            return
        meeting = detail.meeting
        dyad = meeting.dyad
        people = ", ".join(
            f"{a.name} ({a.country})" if a.country else a.name for a in detail.participants
        )
        article = detail.articles[self.article_index] if detail.articles else None
        meta: list[str | tuple[str, str] | Content] = [
            (meeting.title, "bold"),
            f"\n{meeting.meeting_date or 'date unknown'} · {meeting.location or 'place unknown'}"
            f" · {' – '.join(dyad)}",
            f"\nwho: {people or 'not found'}",
        ]
        if meeting.review:
            meta.append(("\n? needs review: " + ", ".join(meeting.review)
                         + " (e to correct, c to confirm)", "bold $warning"))
        first = detail.sources[0] if detail.sources else None
        if first is not None and (first.date_source or first.place_source):
            meta.append(Content.styled(
                f"\ndate from: {first.date_source or '?'} · place from: "
                f"{first.place_source or '?'}", "$text-muted italic"))
        if detail.edits is not None:
            meta.append(("\nedited by you (kept through re-reading the articles)",
                         "$text-muted italic"))
        if article is not None:
            meta.append(
                f"\nsource {self.article_index + 1}/{len(detail.articles)}: "
                f"{article.source or 'unknown outlet'}, published {article.published or '?'}"
            )
        meta.append("\ntopics: ")
        for entry in detail.entries:
            meta += [Content(entry.topic_name + " "), status_badge(entry.status), "  "]
        if len(dyad) == 2:
            meta += [
                "\nquotes: ",
                (dyad[0], side_style(dyad[0], dyad)),
                " · ",
                (dyad[1], side_style(dyad[1], dyad)),
            ]
        self.query_one("#meeting-meta", Static).update(Content.assemble(*meta))
        view = self.query_one(ArticleView)
        if article is None:
            view.show([])
            return
        view.show(article_paragraphs(article, detail.quotes, dyad, self.topic_names,
                                     self.focus_quote))
        self._scroll_to_quote(article, view)

    def _scroll_to_quote(self, article: ArticleRecord, view: ArticleView) -> None:
        quote = next((q for q in self._quotes() if q.id == self.focus_quote), None)
        spans = article.paragraph_spans
        index = next((i for i, p in enumerate(spans)
                      if quote and p.start <= quote.start < p.end), None)
        if index is not None:
            # The lines depend on the width: now when laid out (a kept screen), else after.
            if view.size.width:
                view.scroll_to_row(index)
            else:
                self.call_after_refresh(view.scroll_to_row, index)

    def _quotes(self) -> list[StoredQuote]:
        if self.detail is None or not self.detail.articles:
            return []
        article = self.detail.articles[self.article_index]
        return sorted((q for q in self.detail.quotes if q.article_id == article.id),
                      key=lambda q: q.start)

    def action_copy_quote(self) -> None:
        quotes = self._quotes()
        if not quotes:
            self.notify("This article has no quote to copy.", severity="warning")
            return
        ids = [q.id for q in quotes]
        if self.focus_quote not in ids:
            self.focus_quote = ids[0]
        elif self.focus_quote == self._copied:
            # y again: the next quote, marked and brought into view.
            self.focus_quote = ids[(ids.index(self.focus_quote) + 1) % len(ids)]
        quote = quotes[ids.index(self.focus_quote)]
        self._copied = quote.id
        self.bilat.copy_quote(quote)
        self._show_article()

    def action_next_article(self) -> None:
        if self.detail and len(self.detail.articles) > 1:
            self.article_index = (self.article_index + 1) % len(self.detail.articles)
            self._show_article()
        else:
            self.notify("This meeting has one source.")
