"""Timeline: the pair's meetings on a time axis, one lane per topic.

It opens on the board's window (the newest meetings, already in memory) with an axis
reaching back to the pair's first meeting, and reads older stretches of time as the
view scrolls or zooms out to them.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Label, Static

from store.db.queries import BOARD_WINDOW
from store.models import Board
from tui.screens.base import BilatScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.timeline_view import TimelineView

MAX_PAGE = 2000  # meetings read at once when the view jumps far back (Home, zoom out)


class TimelineScreen(BilatScreen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, dyad: list[str] | None = None) -> None:
        super().__init__()
        self.dyad = dyad

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="timeline-title", markup=False)
        yield TimelineView(id="timeline")
        yield Static("", id="timeline-legend", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        board = next(
            (getattr(s, "board", None) for s in self.app.screen_stack
             if getattr(s, "board", None) is not None and getattr(s, "dyad", None) == self.dyad),
            None,
        )
        if isinstance(board, Board):
            self.show_board(board)  # the board on screen already holds every meeting
        else:
            self.reload()

    def on_screen_resume(self) -> None:
        # Kept between visits (tui/app.py): the terminal may have been resized meanwhile.
        self.query_one(TimelineView).keep_cursor_in_view()

    def reload(self) -> None:
        self.load_timeline()

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def load_timeline(self) -> None:
        board = self.store.board(self.dyad)
        self.app.call_from_thread(self.show_board, board)

    def show_board(self, board: Board) -> None:
        self.dyad = board.dyad or None
        oldest, dated = None, len([m for m in board.meetings if m.meeting_date])
        if board.first_column > 0:
            # Index probes: the first meeting (dated ones sort first) and the dated count.
            first = self.store.meeting_batch(board.dyad, limit=1)
            oldest = first[0].meeting_date if first else None
            dated = self.store.count_meetings(board.dyad, since=date.min)
        view = self.query_one(TimelineView)
        view.show_board(board, oldest)
        pair = " – ".join(board.dyad) if board.dyad else "no meetings"
        undated = board.meeting_count - dated if board.meeting_count else 0
        note = f"  ·  {undated} undated not shown" if undated > 0 else ""
        self.query_one("#timeline-title", Label).update(f"{pair}  ·  {dated} meetings{note}")
        self.query_one("#timeline-legend", Static).update(legend())
        view.focus()

    @on(TimelineView.NeedOlder)
    def need_older(self, event: TimelineView.NeedOlder) -> None:
        if self.dyad:
            self.load_older(self.dyad, event.before, event.since)

    @work(thread=True, exclusive=True, group="timeline-older", exit_on_error=False)
    def load_older(self, dyad: list[str], before: int, since: date | None) -> None:
        """The meetings at positions before `before` back to the day `since` (at least a
        page, at most MAX_PAGE): positions of dated meetings follow their dates."""
        start = before - BOARD_WINDOW
        if since is not None and since > date.min:
            start = min(start, self.store.count_meetings(dyad, until=since - timedelta(days=1)))
        start = max(0, start, before - MAX_PAGE)
        page = self.store.board(dyad, window=before - start, before=before)
        self.app.call_from_thread(self.query_one(TimelineView).prepend_page, page)

    @on(TimelineView.Selected)
    def open_meeting(self, event: TimelineView.Selected) -> None:
        self.bilat.open_meeting(event.meeting_id)


def legend() -> str:
    from store.models import Status

    marks = "  ".join(f"{s.glyph} {s.value}" for s in Status.ordered())
    return f"{marks}  · not raised  (blank: no meeting)"
