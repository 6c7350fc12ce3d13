"""Add an article: a file path (with completion) or pasted text -> review."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Header, Input, Label, TextArea

from store.files import UnreadableFile, read_file
from store.gate import draft_refusal, refusal
from store.ingest import IngestError, extract
from store.ingest.decode import MAX_BYTES
from tui.messages import ArticleIngested
from tui.screens.base import BilatScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.path_suggester import PathInput


def read_article_file(raw: str) -> bytes:
    """The file's bytes, or `UnreadableFile` (a ValueError) with one clear line."""
    if not raw.strip():
        raise UnreadableFile("Type the path of an article file.")
    return read_file(Path(raw.strip()).expanduser(), limit=MAX_BYTES, what="article file")


class AddScreen(BilatScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("ctrl+r", "read_paste", "Read pasted text", tooltip="Read the text pasted below"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="add-source"):
            yield Label("Article file (Tab completes the path):")
            with Horizontal():
                yield PathInput(placeholder="path/to/article.txt|.md|.html", id="add-path")
                yield Button("Read file", variant="primary", id="read-file")
            yield Label("…or its web address (http or https):")
            with Horizontal():
                yield Input(placeholder="https://…", id="add-url")
                yield Button("Fetch", id="fetch-url")
            yield Label("…or paste the article below and press ctrl+r:")
        yield TextArea(id="add-paste", soft_wrap=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#add-path", Input).focus()

    @on(Button.Pressed, "#read-file")
    @on(Input.Submitted, "#add-path")
    def read_file(self) -> None:
        raw = self.query_one("#add-path", Input).value
        try:
            data = read_article_file(raw)
        except ValueError as exc:
            self.notify(str(exc), severity="error")
            return
        self.ingest(data, Path(raw).name)

    @on(Button.Pressed, "#fetch-url")
    @on(Input.Submitted, "#add-url")
    def read_url(self) -> None:
        url = self.query_one("#add-url", Input).value.strip()
        if not url:
            self.notify("Type the web address of an article.", severity="warning")
            return
        self.notify(f"Fetching {url}")
        self.fetch_url(url)

    @work(thread=True, exclusive=True, group="ingest", exit_on_error=False)
    def fetch_url(self, url: str) -> None:
        from store.fetch import FetchError, fetch_article

        try:
            draft = fetch_article(url)  # the same gate as a file, inside store.fetch
        except (FetchError, IngestError) as exc:
            self.app.call_from_thread(self.notify, f"{url}: {exc}", severity="error")
            return
        self.post_message(ArticleIngested(draft, url))

    def action_read_paste(self) -> None:
        text = self.query_one("#add-paste", TextArea).text
        if not text.strip():
            self.notify("Paste an article first.", severity="warning")
            return
        self.ingest(text.encode("utf-8"), "pasted text")

    @work(thread=True, exclusive=True, group="ingest", exit_on_error=False)
    def ingest(self, data: bytes, origin: str) -> None:
        try:
            why = refusal(data, origin)  # the gate: bilat's own exports, data files, binaries
            if why is not None:
                raise IngestError(why)
            draft = extract(data)
            why = draft_refusal(draft.text)
            if why is not None:
                raise IngestError(why)
        except IngestError as exc:
            self.app.call_from_thread(self.notify, f"{origin}: {exc}", severity="error")
            return
        self.post_message(ArticleIngested(draft, origin))

    @on(ArticleIngested)
    def review(self, event: ArticleIngested) -> None:
        from tui.screens.review import ReviewScreen

        self.app.switch_screen(ReviewScreen(event.draft, event.origin))
