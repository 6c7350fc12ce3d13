"""Topic: its meetings side by side, a status sparkline, and what changed."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalScroll, Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Static

from store.models import Change, EntryView, TopicWindow
from tui.messages import StoreChanged
from tui.screens.base import BilatScreen
from tui.screens.status_edit import StatusEdit, StatusEditScreen
from tui.widgets.changes_list import change_content
from tui.widgets.entry_column import EntryColumn
from tui.widgets.styling import sparkline, status_badge

COLUMN_WIDTH = 46  # EntryColumn's width plus its margin (app.tcss)
FETCH = 48  # entries read from the store at once; paging past them reads more


class TopicScreen(BilatScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding(
            "s", "set_status", "Set status", tooltip="Override this entry's status, with a note"
        ),
        Binding("m", "open_meeting", "Meeting", tooltip="Open the focused meeting's article"),
        Binding("left,h", "focus_column(-1)", "Older", show=False),
        Binding("right,l", "focus_column(1)", "Newer", show=False),
        Binding("left_square_bracket", "page(-1)", "Older page", key_display="[", show=False),
        Binding("right_square_bracket", "page(1)", "Newer page", key_display="]", show=False),
    ]

    def __init__(
        self, topic_id: str, *, dyad: list[str] | None = None, focus_meeting: int | None = None
    ) -> None:
        super().__init__()
        self.topic_id = topic_id
        self.dyad = dyad
        self.focus_meeting = focus_meeting
        self.history: list[EntryView] = []
        self.window_end = 0
        self.fetch = FETCH
        self.complete = True

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="topic-head"):
            yield Static("", id="topic-title")
            yield Static("", id="topic-spark")
        yield HorizontalScroll(id="topic-columns")
        yield Static("", id="topic-changes")
        yield Footer()

    def on_mount(self) -> None:
        # The first read is bounded (the newest FETCH entries, picked in SQL: ~30 ms at
        # 10,000 meetings), so it runs here: a worker thread would fight the first
        # paint for the GIL and make the screen appear later, not sooner.
        self._show_window(self.store.topic_window(self.topic_id, self.dyad, last=self.fetch))

    def reload(self) -> None:
        self.load_topic()

    @work(thread=True, exclusive=True, group="topic", exit_on_error=False)
    def load_topic(self) -> None:
        # Only the newest entries: a topic raised at thousands of meetings opens as fast.
        window = self.store.topic_window(self.topic_id, self.dyad, last=self.fetch)
        self.app.call_from_thread(self._show_window, window)

    def _show_window(self, window: TopicWindow) -> None:
        self.complete = window.complete
        self.show_topic(window.history, window.changes)

    def show_topic(self, history: list[EntryView], changes: list[Change]) -> None:
        self.history = history
        name = history[0].topic_name if history else self._topic_name()
        current = history[-1] if history else None
        self.query_one("#topic-title", Static).update(
            Content.assemble(
                (name, "bold"),
                f"  ·  {self._count_label(len(history))}  ·  now ",
                status_badge(current.status if current else None),
            )
        )
        self.query_one("#topic-spark", Static).update(
            Content.assemble(
                ("status over time  ", "$text-muted"), sparkline([e.status for e in history])
            )
        )
        lines = [change_content(c) for c in reversed(changes[-6:])] or [Content("No changes yet.")]
        self.query_one("#topic-changes", Static).update(Content("\n").join(lines))
        focus_index = next(
            (i for i, e in enumerate(history) if e.meeting.id == self.focus_meeting),
            len(history) - 1,
        )
        self.window_end = min(len(history), max(focus_index + 1, self.window))
        self._build_columns(focus_index)

    @property
    def window(self) -> int:
        """How many columns fit side by side: only those are built (older: [ and ])."""
        return max(1, self.size.width // COLUMN_WIDTH)

    def _count_label(self, count: int) -> str:
        if not self.complete:
            return f"latest {count} meetings ([ for older)"
        return f"{count} meeting{'s' if count != 1 else ''}"

    def _topic_name(self) -> str:
        return next((t.name for t in self.store.topics() if t.id == self.topic_id), self.topic_id)

    def _build_columns(self, focus_index: int) -> None:
        box = self.query_one("#topic-columns", HorizontalScroll)
        box.remove_children()
        start = max(0, self.window_end - self.window)
        dyad = self.dyad or (self.history[0].meeting.dyad if self.history else [])
        columns = [EntryColumn(e, dyad) for e in self.history[start : self.window_end]]
        if not columns:
            box.mount(
                Static("This topic was not raised at any meeting of this pair.", markup=False)
            )
            return
        box.mount_all(columns)
        target = columns[min(max(focus_index - start, 0), len(columns) - 1)]
        self.call_after_refresh(self._focus_column, target)

    def _focus_column(self, column: EntryColumn) -> None:
        column.focus()
        column.scroll_visible(animate=False)

    def _focused_entry(self) -> EntryView | None:
        focused = self.focused
        if isinstance(focused, EntryColumn):
            return focused.entry
        return self.history[-1] if self.history else None

    def action_focus_column(self, step: int) -> None:
        columns = list(self.query(EntryColumn))
        if not columns:
            return
        index = columns.index(self.focused) if self.focused in columns else len(columns) - 1
        new = index + step
        if new < 0 and self.window_end - self.window > 0:
            self.action_page(-1)
        elif new >= len(columns) and self.window_end < len(self.history):
            self.action_page(1)
        else:
            self._focus_column(columns[max(0, min(new, len(columns) - 1))])

    def action_page(self, step: int) -> None:
        if step < 0 and self.window_end <= self.window and not self.complete:
            # Paging past what was read: read the page before the oldest held (one index
            # range, whatever the depth) and put it in front.
            older = self.store.topic_window(
                self.topic_id, self.dyad, last=FETCH, before=self.history[0].meeting.id
            )
            self.complete = older.complete
            self.history = older.history + self.history
            self.window_end += len(older.history)
        end = self.window_end + step * self.window
        self.window_end = max(min(len(self.history), self.window), min(len(self.history), end))
        self._build_columns(self.window_end - 1 if step > 0 else self.window_end - self.window)

    def action_open_meeting(self) -> None:
        entry = self._focused_entry()
        if entry is not None:
            self.bilat.open_meeting(entry.meeting.id)

    def action_set_status(self) -> None:
        entry = self._focused_entry()
        if entry is None:
            self.notify("No meeting to edit.", severity="warning")
            return

        def apply(edit: StatusEdit | None) -> None:
            if edit is None:
                return
            self.store.set_status(entry.meeting.id, entry.topic_id, edit.status, edit.note)
            self.focus_meeting = entry.meeting.id
            label = edit.status.value if edit.status else "the extracted status"
            self.notify(f"{entry.topic_name} at {entry.meeting.meeting_date}: set to {label}.")
            self.post_message(StoreChanged())

        self.app.push_screen(StatusEditScreen(entry), apply)
