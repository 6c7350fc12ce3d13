"""Quotes: every quote, filtered by words, speaker, side and topic."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Input, Select

from store.models import StoredQuote
from tui.screens.base import BilatScreen
from tui.widgets.styling import side_style

ANY = "any"


class QuotesScreen(BilatScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("slash", "focus_words", "Search", key_display="/", tooltip="Type words to search"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.results: dict[str, StoredQuote] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        sides = sorted({c for d in self.store.dyads() for c in d})
        topics = [(t.name, t.id) for t in self.store.topics()]
        with Horizontal(id="quote-filters"):
            yield Input(placeholder="/ words (full-text search)", id="words")
            yield Input(placeholder="speaker", id="speaker")
            yield Select([(s, s) for s in sides], prompt="any side", id="side")
            yield Select(topics, prompt="any topic", id="topic")
        yield DataTable(id="quote-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in [("Date", 10), ("Speaker", 22), ("Topic", 16), ("Quote", 200)]:
            table.add_column(label, width=width)
        self.search()
        self.query_one("#words", Input).focus()

    def action_focus_words(self) -> None:
        self.query_one("#words", Input).focus()

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
            limit=500,
        )
        self.app.call_from_thread(self.show, quotes)

    def show(self, quotes: list[StoredQuote]) -> None:
        table = self.query_one(DataTable)
        table.clear()
        self.results = {}
        dyads = self.store.dyads()
        dyad = dyads[0] if dyads else []
        names = {t.id: t.name for t in self.store.topics()}
        for q in quotes:
            key = str(q.id)
            self.results[key] = q
            table.add_row(
                Content(str(q.meeting_date or "?")),
                Content.styled(q.speaker or "unknown", side_style(q.speaker_country, dyad)),
                Content(names.get(q.topic, q.topic) if q.topic else "–"),
                Content(q.text),
                key=key,
            )
        self.sub_title = f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''}"

    @on(DataTable.RowSelected)
    def open_meeting(self, event: DataTable.RowSelected) -> None:
        quote = self.results.get(str(event.row_key.value))
        if quote is not None:
            self.bilat.open_meeting(quote.meeting_id)
