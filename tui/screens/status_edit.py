"""Modal: set (or clear) a topic's status at one meeting, with a note."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select

from store.models import EntryView, Status
from tui.screens.base import BilatModal

AUTO = "auto"


@dataclass(frozen=True)
class StatusEdit:
    status: Status | None  # None: back to the extracted status
    note: str | None


class StatusEditScreen(BilatModal[StatusEdit | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, entry: EntryView) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        entry = self.entry
        options = [(f"{s.glyph} {s.value}", s.value) for s in Status.ordered()]
        options.append((f"auto (extracted: {entry.extracted_status.value})", AUTO))
        current = entry.status.value if entry.overridden else AUTO
        with Vertical(id="status-dialog"):
            yield Label(f"{entry.topic_name} at {entry.meeting.meeting_date or '?'}", markup=False)
            yield Label(entry.meeting.title, markup=False, classes="entry-section")
            yield Select(options, value=current, allow_blank=False, id="status-select")
            yield Input(entry.note or "", placeholder="Note (why you changed it)", id="status-note")
            with Horizontal():
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#status-note")
    def save(self) -> None:
        value = self.query_one("#status-select", Select).value
        note = self.query_one("#status-note", Input).value.strip() or None
        status = None if value == AUTO else Status(str(value))
        self.dismiss(StatusEdit(status, note))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
