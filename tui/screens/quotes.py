"""Quotes: every quote, filtered by words, speaker, side and topic; matches highlighted."""

from __future__ import annotations

import re

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Header, Input, Select, Static

from store.models import StoredQuote
from tui.citation import quote_citation
from tui.screens.base import BilatScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.styling import side_style

MATCH_STYLE = "bold underline $text-warning"
LIMIT = 200  # rows shown at once: more words narrow the search, a longer table does not help
SPEAKER_WIDTH, TOPIC_WIDTH = 20, 14  # cells of those columns (a longer name ends in …)


def search_words(query: str | None) -> list[str]:
    """The words of a search, as the user typed them (punctuation dropped)."""
    return [w for w in re.findall(r"\w+", query or "") if w]


def highlight_words(text: str, words: list[str], style: str = MATCH_STYLE) -> Content:
    """`text` as data with every word that starts with a searched word styled."""
    content = Content(text)
    for word in words:
        for match in re.finditer(rf"\b{re.escape(word)}\w*", text, flags=re.IGNORECASE):
            content = content.stylize(style, match.start(), match.end())
    return content


class QuotesScreen(BilatScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("slash", "focus_words", "Search", key_display="/", tooltip="Type words to search"),
        Binding("y", "copy_quote", "Copy", tooltip="Copy the quote with its attribution"),
        Binding("down", "to_results", "Results", show=False),
    ]

    def __init__(self, dyad: list[str] | None = None) -> None:
        super().__init__()
        self.dyad = dyad
        self.results: dict[str, StoredQuote] = {}
        self.words: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        sides = sorted({c for d in self.bilat.known_dyads for c in d})
        topics = [(Content(t.name), t.id) for t in self.store.topics()]
        with Horizontal(id="quote-filters"):
            yield Input(placeholder="/ words (full-text search)", id="words")
            yield Input(placeholder="speaker", id="speaker")
            yield Select([(Content(s), s) for s in sides], prompt="any side", id="side")
            yield Select(topics, prompt="any topic", id="topic")
        yield DataTable(id="quote-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="quote-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in [("Date", 10), ("Speaker", SPEAKER_WIDTH), ("Topic", TOPIC_WIDTH),
                             ("Quote", 200)]:
            table.add_column(label, width=width)
        self.search()
        self.query_one("#words", Input).focus()

    def action_focus_words(self) -> None:
        self.query_one("#words", Input).focus()

    def action_to_results(self) -> None:
        # ↓ in a filter box goes down to the results; in the table it moves the cursor.
        if isinstance(self.focused, Input):
            self.query_one(DataTable).focus()

    @on(Input.Changed)
    @on(Select.Changed)
    def filters_changed(self) -> None:
        self.search()

    @on(Input.Submitted)
    def to_results(self) -> None:
        self.query_one(DataTable).focus()

    def _select(self, id_: str) -> str | None:
        value = self.query_one(f"#{id_}", Select).value
        return value if isinstance(value, str) else None

    @work(thread=True, exclusive=True, group="quotes", exit_on_error=False)
    def search(self) -> None:
        words = self.query_one("#words", Input).value.strip() or None
        speaker = self.query_one("#speaker", Input).value.strip() or None
        quotes = self.store.search_quotes(
            words,
            speaker=speaker,
            side=self._select("side"),
            topic=self._select("topic"),
            limit=LIMIT,
        )
        self.app.call_from_thread(self.show, quotes, search_words(words))

    def show(self, quotes: list[StoredQuote], words: list[str]) -> None:
        table = self.query_one(DataTable)
        table.clear()
        self.results = {}
        self.words = words
        dyad = self.dyad or (self.bilat.known_dyads or [[]])[0]
        names = {t.id: t.name for t in self.store.topics()}
        for q in quotes:
            key = str(q.id)
            self.results[key] = q
            table.add_row(
                Content(str(q.meeting_date or "?")),
                # Long names end in "…" (the quote and its speaker in full are below).
                Content.styled(q.speaker or "unknown", side_style(q.speaker_country, dyad))
                .truncate(SPEAKER_WIDTH, ellipsis=True),
                Content(names.get(q.topic, q.topic) if q.topic else "–")
                .truncate(TOPIC_WIDTH, ellipsis=True),
                highlight_words(q.text, words),
                key=key,
            )
        count = f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''}"
        full = len(quotes) >= LIMIT
        self.sub_title = f"the first {count} (type words to narrow)" if full else count
        self._show_detail(self._highlighted())

    def _highlighted(self) -> StoredQuote | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.results.get(str(key))

    @on(DataTable.RowHighlighted)
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(self.results.get(str(event.row_key.value)))

    def _show_detail(self, quote: StoredQuote | None) -> None:
        """The highlighted quote in full, wrapped: the table cuts long ones."""
        detail = self.query_one("#quote-detail", Static)
        if quote is None:
            detail.update(Content.styled("No quote matches.", "$text-muted"))
            return
        detail.update(highlight_words(quote_citation(quote, None), self.words))

    def action_copy_quote(self) -> None:
        quote = self._highlighted()
        if quote is None:
            self.notify("No quote to copy.", severity="warning")
            return
        self.bilat.copy_quote(quote)

    @on(DataTable.RowSelected)
    def open_meeting(self, event: DataTable.RowSelected) -> None:
        quote = self.results.get(str(event.row_key.value))
        if quote is not None:
            self.bilat.open_meeting(quote.meeting_id, quote.id)
