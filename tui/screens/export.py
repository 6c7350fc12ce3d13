"""Export: choose a format, topics, dates and a path; say where the file went."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Input, Label, Select, SelectionList

from store.export import FORMATS, write_export
from tui.messages import ExportWritten
from tui.screens.base import BilatScreen
from tui.screens.confirm import ConfirmScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.path_suggester import PathInput

EXTENSIONS = {"md": "md", "json": "json", "csv": "csv", "html": "html", "timelinejs": "json"}


def parse_optional_date(raw: str, label: str) -> date | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"{label} {raw!r} is not YYYY-MM-DD.") from None


class ExportScreen(BilatScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("ctrl+s", "export", "Export", tooltip="Write the file"),
    ]

    def compose(self) -> ComposeResult:
        settings = self.bilat.settings
        fmt = settings.export_format if settings.export_format in FORMATS else "md"
        folder = Path(settings.export_folder) if settings.export_folder else Path.cwd()
        yield Header()
        with VerticalScroll(id="export-form"):
            yield Label("Format")
            yield Select([(f, f) for f in FORMATS], value=fmt, allow_blank=False, id="format")
            yield Label("Topics (none ticked: all)")
            yield SelectionList[str](
                *[(Content(t.name), t.id) for t in self.store.topics()], id="topics"
            )
            yield Label("Dates (empty: all)")
            with Horizontal(id="export-dates"):
                yield Input(placeholder="since YYYY-MM-DD", id="since")
                yield Input(placeholder="until YYYY-MM-DD", id="until")
            yield Label("File (Tab completes the path)")
            yield PathInput(str(folder / f"bilat-timeline.{EXTENSIONS[fmt]}"), id="path")
        with Horizontal(id="export-buttons"):
            yield Button("Export", variant="primary", id="export")
        yield KeyBar()

    @on(Select.Changed, "#format")
    def format_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value)
        path_input.value = str(path.with_suffix("." + EXTENSIONS[str(event.value)]))

    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        try:
            since = parse_optional_date(self.query_one("#since", Input).value, "since")
            until = parse_optional_date(self.query_one("#until", Input).value, "until")
        except ValueError as exc:
            self.notify(str(exc), severity="error")
            return
        fmt = str(self.query_one("#format", Select).value)
        topics = list(self.query_one("#topics", SelectionList).selected) or None
        raw_path = self.query_one("#path", Input).value.strip()
        if not raw_path:
            self.notify("Give a file path.", severity="error")
            return
        path = Path(raw_path).expanduser()
        if path.is_dir():
            self.notify(f"{path} is a folder: give a file name.", severity="error")
            return
        if path.exists():

            def answered(yes: bool | None) -> None:
                if yes:
                    self.write(fmt, path, topics, since, until)

            self.app.push_screen(ConfirmScreen(f"{path} exists. Overwrite it?", "Overwrite"),
                                 answered)
            return
        self.write(fmt, path, topics, since, until)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def write(
        self, fmt: str, path: Path, topics: list[str] | None, since: date | None, until: date | None
    ) -> None:
        try:
            write_export(self.store, fmt, path, topics=topics, since=since, until=until)
        except (OSError, ValueError) as exc:
            self.app.call_from_thread(self.notify, f"Export failed: {exc}", severity="error")
            return
        self.post_message(ExportWritten(path, fmt))

    @on(ExportWritten)
    def written(self, event: ExportWritten) -> None:
        self.bilat.remember(export_format=event.fmt, export_folder=str(event.path.parent))
        self.notify(f"Wrote {event.fmt} timeline to {event.path}")
        self.app.pop_screen()
