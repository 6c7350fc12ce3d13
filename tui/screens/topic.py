"""Topic: its meetings side by side, a status sparkline, and what changed, meeting by meeting."""

from __future__ import annotations

from typing import NamedTuple

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from store.models import Change, EntryView, MeetingRef, StoredPosition, TopicWindow
from tui.change_groups import group_changes, meeting_heading
from tui.messages import StoreChanged
from tui.screens.base import BilatScreen
from tui.screens.status_edit import StatusEdit, StatusEditScreen
from tui.widgets.changes_list import change_content
from tui.widgets.entry_column import EntryColumn
from tui.widgets.key_bar import KeyBar
from tui.widgets.position_lanes import PositionLanes
from tui.widgets.styling import sparkline, status_badge

MIN_CARD_WIDTH = 38  # a card narrower than this wraps its excerpt into a ribbon
FETCH = 48  # entries read from the store at once; paging past them reads more
MAX_CHANGE_MEETINGS = 12  # the changes list shows the newest meetings' only (it is a few rows)


def change_options(
    changes: list[Change], meetings: dict[int, MeetingRef]
) -> list[Option]:
    """A heading per meeting (newest first), its changes under it; ids name the meeting."""
    options: list[Option] = []
    for ref, group in group_changes(changes, meetings)[:MAX_CHANGE_MEETINGS]:
        mid = ref.id if ref else 0
        options.append(
            Option(Content.styled(meeting_heading(ref), "bold $text-accent"), id=f"m:{mid}:h")
        )
        options += [
            Option(Content.assemble("  ", change_content(c)), id=f"m:{mid}:{i}")
            for i, c in enumerate(group)
        ]
    return options


class Older(NamedTuple):
    """A page of older entries, read for the topic and the oldest meeting then held."""

    topic_id: str
    before: int
    window: TopicWindow
    positions: dict[int, list[StoredPosition]]


class TopicScreen(BilatScreen[None]):
    AUTO_FOCUS = None  # the card of the meeting asked for takes the focus, not the first
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding(
            "s", "set_status", "Set status", tooltip="Override this entry's status, with a note"
        ),
        Binding("m", "open_meeting", "Meeting", tooltip="Open the focused meeting's article"),
        Binding("y", "copy_quote", "Copy quote", tooltip="Copy a quote of the focused meeting"),
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
        self.selected = -1  # index into history of the card that keys act on
        self.window_end = 0
        self.fetch = FETCH
        self.complete = True
        self._first: TopicWindow | None = None

    def compose(self) -> ComposeResult:
        # The first read is bounded (the newest FETCH entries, picked in SQL: ~10 ms at
        # 10,000 meetings), so it runs here: a worker thread would fight the first
        # paint for the GIL and make the screen appear later, not sooner. Reading it
        # before composing lets the cards be composed with the screen: one mount and
        # one layout instead of a second round when they are mounted afterwards.
        self._first = self.store.topic_window(self.topic_id, self.dyad, last=self.fetch)
        history = self._first.history
        self._place(history)
        start = max(0, self.window_end - self.window)
        dyad = self.dyad or (history[0].meeting.dyad if history else [])
        yield Header()
        with Vertical(id="topic-head"):
            yield Static("", id="topic-title")
            yield Static("", id="topic-spark")
        with Horizontal(id="topic-columns"):
            for entry in history[start : self.window_end]:
                yield EntryColumn(entry, dyad)
        yield PositionLanes(id="topic-lanes")
        yield OptionList(id="topic-changes")
        yield KeyBar()

    def on_mount(self) -> None:
        first, self._first = self._first, None
        if first is not None:
            self._show_window(first)  # the cards composed above are reused as they are

    def show_topic_of(
        self, topic_id: str, dyad: list[str] | None, focus_meeting: int | None
    ) -> None:
        """Show another topic on this (kept) screen: the same read as on_mount."""
        self.topic_id, self.dyad, self.focus_meeting = topic_id, dyad, focus_meeting
        self.fetch = FETCH
        self._show_window(self.store.topic_window(self.topic_id, self.dyad, last=self.fetch))

    def reload(self) -> None:
        if 0 <= self.selected < len(self.history):
            self.focus_meeting = self.history[self.selected].meeting.id
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
        self._show_heading()
        self._show_changes(changes)
        self._place(history)
        self._build_columns()
        self._show_lanes()

    def _show_heading(self) -> None:
        """The topic's name, how many meetings are held, its status now, the sparkline."""
        history = self.history
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

    def _place(self, history: list[EntryView]) -> None:
        """The card keys act on (the meeting asked for, or the newest) and the cards shown."""
        self.selected = next(
            (i for i, e in enumerate(history) if e.meeting.id == self.focus_meeting),
            len(history) - 1,
        )
        self.window_end = min(len(history), max(self.selected + 1, self.window))

    def _show_lanes(self) -> None:
        # The positions of the page of meetings held (one indexed query), newest first.
        found = self.store.positions_at(self.topic_id, [e.meeting.id for e in self.history])
        dyad = self.dyad or (self.history[0].meeting.dyad if self.history else [])
        self.query_one(PositionLanes).show(
            dyad, [(e.meeting, found.get(e.meeting.id, [])) for e in reversed(self.history)])

    # --- older pages: read by [ past the oldest held, or the lanes scrolled to their end ---

    def _read_older(self, topic_id: str, dyad: list[str] | None, before: int) -> Older:
        """The page of entries before meeting `before` and their positions: two index
        ranges, whatever the depth."""
        older = self.store.topic_window(topic_id, dyad, last=FETCH, before=before)
        found = self.store.positions_at(topic_id, [e.meeting.id for e in older.history])
        return Older(topic_id, before, older, found)

    @on(PositionLanes.EndReached)
    def lanes_at_end(self) -> None:
        if not self.complete and self.history:
            self.load_older(self.topic_id, self.dyad, self.history[0].meeting.id)

    @work(thread=True, exclusive=True, group="topic-older", exit_on_error=False)
    def load_older(self, topic_id: str, dyad: list[str] | None, before: int) -> None:
        # In a worker: the user is scrolling, and the lanes keep scrolling meanwhile.
        older = self._read_older(topic_id, dyad, before)
        self.app.call_from_thread(self._add_older, older)

    def _add_older(self, older: Older) -> None:
        """Put a page of older entries before those held; the cards in view stay as they are,
        the lanes go on below the oldest meeting they show."""
        if older.topic_id != self.topic_id or not self.history or (
            self.history[0].meeting.id != older.before
        ):
            return  # read for what the screen no longer holds (another topic, a reload)
        page = older.window.history
        self.complete = older.window.complete
        self.history = page + self.history
        self.window_end += len(page)
        self.selected += len(page)
        self.query_one(PositionLanes).extend(
            [(e.meeting, older.positions.get(e.meeting.id, [])) for e in reversed(page)])
        self._show_heading()

    def _show_changes(self, changes: list[Change]) -> None:
        box = self.query_one("#topic-changes", OptionList)
        box.clear_options()
        # "Not raised since" sits at a meeting that did not raise the topic: the board's
        # meetings (already in memory) name it. Only the changes' meetings are looked up:
        # the board may hold tens of thousands once scrolled far back.
        held = {e.meeting.id: e.meeting for e in self.history}
        board = self.bilat.board_meetings()
        refs = {}
        for change in changes:
            ref = held.get(change.meeting_id) or board.get(change.meeting_id)
            if ref is not None:
                refs[change.meeting_id] = ref
        options = change_options(changes, refs)
        if not options:
            box.add_option(Option(Content("No changes yet."), disabled=True))
        box.add_options(options)
        # Measured now, while the screen holds its size (a kept screen): measured at its
        # first paint instead, the list would ask for a second layout a frame later.
        box._update_lines()

    @property
    def window(self) -> int:
        """How many cards fit side by side: only those are built (older: [ and ])."""
        # Before the first layout the screen has no size yet: it will fill the app.
        return max(1, (self.size.width or self.app.size.width) // MIN_CARD_WIDTH)

    def on_resize(self) -> None:
        if self.history and len(self.query(EntryColumn)) != min(self.window, len(self.history)):
            self.window_end = min(len(self.history), max(self.selected + 1, self.window))
            self._build_columns()

    def _count_label(self, count: int) -> str:
        if not self.complete:
            return f"latest {count} meetings ([ for older)"
        return f"{count} meeting{'s' if count != 1 else ''}"

    def _topic_name(self) -> str:
        return next((t.name for t in self.store.topics() if t.id == self.topic_id), self.topic_id)

    def _build_columns(self) -> None:
        """The cards of history[start:window_end]; the selected one gets the focus."""
        box = self.query_one("#topic-columns", Horizontal)
        start = max(0, self.window_end - self.window)
        self.selected = max(start, min(self.selected, self.window_end - 1))
        dyad = self.dyad or (self.history[0].meeting.dyad if self.history else [])
        shown = self.history[start : self.window_end]
        held = list(self.query(EntryColumn))
        if shown and len(held) == len(shown):
            # The same number of cards: give them their new entries, mount nothing.
            for card, entry in zip(held, shown, strict=True):
                card.show(entry, dyad)
            held[self.selected - start].focus()
            return
        columns = [EntryColumn(e, dyad) for e in shown]
        with self.app.batch_update():
            box.remove_children()
            if not columns:
                box.mount(
                    Static("This topic was not raised at any meeting of this pair.", markup=False)
                )
                return
            box.mount_all(columns)
        target = columns[self.selected - start]
        # Focus once mounted: before that, focus() on a card being mounted is lost.
        self.call_after_refresh(target.focus)

    def _focused_entry(self) -> EntryView | None:
        if 0 <= self.selected < len(self.history):
            return self.history[self.selected]
        return None

    def on_click(self, event: events.Click) -> None:
        # Click focuses a card (Textual); a double-click opens its meeting.
        if event.chain == 2 and isinstance(self.focused, EntryColumn):
            self.bilat.open_meeting(self.focused.entry.meeting.id)

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        if isinstance(focused, EntryColumn) and focused.entry in self.history:
            self.selected = self.history.index(focused.entry)
            self.query_one(PositionLanes).scroll_to_meeting(focused.entry.meeting.id)

    def action_focus_column(self, step: int) -> None:
        if not self.history:
            return
        new = self.selected + step
        start = max(0, self.window_end - self.window)
        if new < 0 and not self.complete:
            self.action_page(-1)
            return
        new = max(0, min(new, len(self.history) - 1))
        self.selected = new
        if new < start or new >= self.window_end:
            # One step past the edge slides the window by one card.
            self.window_end = new + 1 if new >= self.window_end else new + self.window
            self.window_end = min(len(self.history), self.window_end)
            self._build_columns()
        else:
            cards = list(self.query(EntryColumn))
            cards[new - start].focus()

    def action_page(self, step: int) -> None:
        if step < 0 and self.window_end <= self.window and not self.complete:
            # Paging past what was read: read the page before the oldest held and put it
            # in front (here, not in a worker: the key asks to see it now).
            self._add_older(self._read_older(self.topic_id, self.dyad, self.history[0].meeting.id))
        end = self.window_end + step * self.window
        self.window_end = max(min(len(self.history), self.window), min(len(self.history), end))
        # The card that keys act on is always on screen: the newest (]) or oldest ([) shown.
        start = max(0, self.window_end - self.window)
        self.selected = self.window_end - 1 if step > 0 else start
        self._build_columns()

    def action_open_meeting(self) -> None:
        entry = self._focused_entry()
        if entry is not None:
            self.bilat.open_meeting(entry.meeting.id)

    def action_copy_quote(self) -> None:
        cards = [c for c in self.query(EntryColumn) if c.entry is self._focused_entry()]
        quote = cards[0].next_quote() if cards else None
        if quote is None:
            self.notify("No quote at this meeting to copy.", severity="warning")
            return
        self.bilat.copy_quote(quote)

    @on(OptionList.OptionSelected, "#topic-changes")
    def open_changed_meeting(self, event: OptionList.OptionSelected) -> None:
        meeting_id = int(str(event.option.id).split(":")[1])
        if meeting_id:
            self.bilat.open_meeting(meeting_id)

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
