"""Timeline: the pair's meetings on a time axis, one lane per topic."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Label, Static

from store.models import Board
from tui.screens.base import BilatScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.timeline_view import TimelineView


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

    def reload(self) -> None:
        self.load_timeline()

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def load_timeline(self) -> None:
        board = self.store.board(self.dyad)
        self.app.call_from_thread(self.show_board, board)

    def show_board(self, board: Board) -> None:
        self.dyad = board.dyad or None
        view = self.query_one(TimelineView)
        view.show_board(board)
        pair = " – ".join(board.dyad) if board.dyad else "no meetings"
        undated = len(board.meetings) - len(view.placed.meetings)
        note = f"  ·  {undated} undated not shown" if undated else ""
        self.query_one("#timeline-title", Label).update(
            f"{pair}  ·  {len(view.placed.meetings)} meetings{note}"
        )
        self.query_one("#timeline-legend", Static).update(legend())
        view.focus()

    @on(TimelineView.Selected)
    def open_meeting(self, event: TimelineView.Selected) -> None:
        self.bilat.open_meeting(event.meeting_id)


def legend() -> str:
    from store.models import Status

    marks = "  ".join(f"{s.glyph} {s.value}" for s in Status.ordered())
    return f"{marks}  · not raised  (blank: no meeting)"
