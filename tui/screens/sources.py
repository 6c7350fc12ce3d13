"""Modal: a meeting's sources (articles). Remove one, split one off as its own meeting,
or merge another meeting into this one. Every change is journaled (`u` undoes it)."""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from store.db import StoreError
from store.models import SourceInfo
from tui.messages import StoreChanged
from tui.screens.base import BilatModal
from tui.screens.confirm import ConfirmScreen


def source_label(s: SourceInfo) -> Content:
    when = s.published.isoformat() if s.published else "undated"
    where = s.url or "file or pasted text"
    return Content.assemble(
        (f"#{s.id} {s.source or 'unknown outlet'}", "bold"),
        f" · {when} · {s.quotes} quotes · {where}\n   {s.title}",
    )


class SourcesScreen(BilatModal[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("x,delete", "remove", "Remove", tooltip="Remove the highlighted source"),
        Binding("p", "split", "Split off", tooltip="Make the highlighted source its own meeting"),
        Binding("m", "merge", "Merge in", tooltip="Merge another meeting into this one"),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.found: list[SourceInfo] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="sources-dialog", classes="dialog"):
            yield Label(f"Sources of meeting #{self.meeting_id}", classes="dialog-title")
            yield OptionList(id="sources-list")
            yield Label("x remove · p split off · m merge another meeting in · esc close",
                        classes="dialog-hint")
            with Horizontal(id="merge-row", classes="dialog-row"):
                yield Input(placeholder="meeting number to merge into this one, then Enter",
                            id="merge-id", type="integer")

    def on_mount(self) -> None:
        self.query_one("#merge-row").display = False
        self.refresh_list()

    def refresh_list(self) -> None:
        try:
            self.found = self.store.sources(self.meeting_id)
        except StoreError:
            self.dismiss(None)  # the meeting went (its last source removed)
            return
        listing = self.query_one("#sources-list", OptionList)
        listing.clear_options()
        listing.add_options(Option(source_label(s), id=str(s.id)) for s in self.found)
        listing.highlighted = 0 if self.found else None
        listing.focus()

    def _highlighted(self) -> SourceInfo | None:
        index = self.query_one("#sources-list", OptionList).highlighted
        return self.found[index] if index is not None and index < len(self.found) else None

    def action_remove(self) -> None:
        source = self._highlighted()
        if source is None:
            return
        last = len(self.found) == 1
        question = (f"Remove source #{source.id} ({source.source or 'unknown outlet'})?"
                    + (" It is the meeting's only source: the meeting goes too." if last else ""))

        def answered(yes: bool | None) -> None:
            if yes:
                self.change(lambda: self.store.remove_source(source.id),
                            f"Removed source #{source.id}.")

        self.app.push_screen(ConfirmScreen(question, yes="Remove", no="Keep"), answered)

    def action_split(self) -> None:
        source = self._highlighted()
        if source is not None:
            self.change(lambda: self.store.split_source(self.meeting_id, source.id),
                        f"Source #{source.id} is now its own meeting.")

    def action_merge(self) -> None:
        row = self.query_one("#merge-row")
        row.display = True
        self.query_one("#merge-id", Input).focus()

    @on(Input.Submitted, "#merge-id")
    def merge(self, event: Input.Submitted) -> None:
        try:
            other = int(event.value.strip().lstrip("#"))
        except ValueError:
            self.notify("Type the number of the meeting to merge in.", severity="error")
            return
        self.query_one("#merge-row").display = False
        event.input.value = ""
        self.change(lambda: self.store.merge_meetings(self.meeting_id, other),
                    f"Merged meeting #{other} into #{self.meeting_id}.")

    @work(thread=True, exclusive=True, group="sources", exit_on_error=False)
    def change(self, do: Callable[[], object], done: str) -> None:
        try:
            do()
        except StoreError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self.changed, done)

    def changed(self, done: str) -> None:
        self.notify(done)
        self.app.post_message(StoreChanged())
        self.refresh_list()

    def action_close(self) -> None:
        self.dismiss(None)
