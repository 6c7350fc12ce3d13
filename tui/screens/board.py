"""Board: where every topic stands, meeting by meeting, and what moved last."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Label, OptionList, Static

from store.models import Board
from tui.screens.base import BilatScreen
from tui.widgets.board_grid import BoardGrid
from tui.widgets.changes_list import ChangesList

EMPTY_HELP = (
    "This store holds no meetings yet.\n\n"
    "Press  a  to add an article (a file or pasted text),\n"
    "or from a shell:  bilat add ARTICLE.txt\n\n"
    "bilat --demo opens a store seeded with sample articles."
)


class BoardScreen(BilatScreen[None]):
    """Home: the topic x meeting matrix beside the latest changes."""

    BINDINGS = [
        Binding("enter", "open", "Open", show=False),
        Binding("a", "app.add_article", "Add", tooltip="Add an article from a file or pasted text"),
        Binding("slash", "app.quotes", "Quotes", key_display="/", tooltip="Search quotes"),
        Binding("c", "app.compare", "Compare", tooltip="Compare two meetings"),
        Binding(
            "m",
            "open_meeting",
            "Meeting",
            show=False,
            tooltip="Open the highlighted meeting's article",
        ),
        Binding(
            "d", "next_dyad", "Pair", show=False, tooltip="Switch to the next pair of countries"
        ),
        Binding("e", "app.export", "Export", show=False, tooltip="Export a timeline"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.dyad: list[str] | None = None
        self._highlighted_meeting: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="board-body"):
            with Vertical(id="board-main"):
                yield Label("", id="board-title")
                yield BoardGrid(id="grid")
                yield Static(EMPTY_HELP, id="board-empty", markup=False)
            with Vertical(id="board-side"):
                yield Label("Latest changes", id="changes-title")
                yield ChangesList(id="changes")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        # Below 110 columns the changes list moves under the matrix, which needs the width.
        self.set_class(self.size.width < 110, "-narrow")

    def reload(self) -> None:
        self.load_board(self.dyad)

    @work(thread=True, exclusive=True, group="board", exit_on_error=False)
    def load_board(self, dyad: list[str] | None) -> None:
        board = self.store.board(dyad)
        self.app.call_from_thread(self.show_board, board)

    def show_board(self, board: Board) -> None:
        self.dyad = board.dyad or None
        empty = not board.meetings
        self.set_class(empty, "-empty")
        pair = " – ".join(board.dyad) if board.dyad else "no meetings"
        count = board.meeting_count  # all of the pair's; the grid holds a window of them
        self.query_one("#board-title", Label).update(
            f"{pair}  ·  {count} meeting{'s' if count != 1 else ''}"
        )
        self.query_one(BoardGrid).show_board(board)
        latest = board.meetings[-1] if board.meetings else None
        title = "Latest changes"
        if latest is not None:
            title += f" · {latest.meeting_date or '?'} {latest.location or ''}".rstrip()
        self.query_one("#changes-title", Label).update(title)
        self.query_one(ChangesList).show_changes(board.latest_changes)
        if not empty:
            self.query_one(BoardGrid).focus()

    @on(BoardGrid.NeedOlder)
    def need_older(self, event: BoardGrid.NeedOlder) -> None:
        self.load_older(self.dyad, event.before)

    @work(thread=True, exclusive=True, group="board-older", exit_on_error=False)
    def load_older(self, dyad: list[str] | None, before: int) -> None:
        # The page of columns before the oldest held, read as the view nears it.
        page = self.store.board(dyad, before=before)
        self.app.call_from_thread(self.query_one(BoardGrid).prepend_page, page)

    def action_open(self) -> None:
        self.query_one(BoardGrid).action_select()

    @on(BoardGrid.Selected)
    def open_topic(self, event: BoardGrid.Selected) -> None:
        self.bilat.open_topic(event.topic_id, event.meeting_id, self.dyad)

    @on(BoardGrid.Highlighted)
    def remember_meeting(self, event: BoardGrid.Highlighted) -> None:
        self._highlighted_meeting = event.meeting_id

    @on(OptionList.OptionSelected, "#changes")
    def open_changed_topic(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            topic_id = event.option.id.split(":", 1)[1]
            self.bilat.open_topic(topic_id, None, self.dyad)

    def action_open_meeting(self) -> None:
        grid = self.query_one(BoardGrid)
        board = grid.board
        if board is None or not board.meetings:
            self.notify("No meeting to open.", severity="warning")
            return
        meeting = self._highlighted_meeting or board.meetings[-1].id
        self.bilat.open_meeting(meeting)

    def action_next_dyad(self) -> None:
        dyads = self.store.dyads()
        if len(dyads) < 2:
            self.notify("The store holds only one pair of countries.")
            return
        index = dyads.index(self.dyad) if self.dyad in dyads else -1
        self.load_board(dyads[(index + 1) % len(dyads)])
