"""Board: where every topic stands, meeting by meeting, and what moved at the meeting in view."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Label, OptionList, Static

from store.models import Board, Change, MeetingRef
from tui.screens.base import BilatScreen
from tui.widgets.board_grid import CELL_WIDTH, LEFT_WIDTH, BoardGrid
from tui.widgets.changes_list import ChangesList
from tui.widgets.key_bar import KeyBar

EMPTY_HELP = (
    "This store holds no meetings yet.\n\n"
    "Press  a  to add an article (a file or pasted text),\n"
    "or from a shell:  bilat add ARTICLE.txt\n\n"
    "bilat --demo opens a store seeded with sample articles."
)
SIDE_WIDTH = 38  # the changes panel's narrowest; it takes whatever the matrix leaves
NARROW = 110  # below this many columns the changes panel moves under the matrix


class BoardScreen(BilatScreen[None]):
    """Home: the topic x meeting matrix beside the changes at the meeting under the cursor."""

    BINDINGS = [
        Binding("enter", "open", "Open", show=False),
        Binding("a", "app.add_article", "Add", tooltip="Add an article from a file or pasted text"),
        Binding("slash", "app.quotes", "Quotes", key_display="/", tooltip="Search quotes"),
        Binding("c", "app.compare", "Compare", tooltip="Compare two meetings"),
        Binding("T", "app.timeline", "Timeline", tooltip="The pair's meetings on a time axis"),
        Binding("d", "app.pick_pair", "Pair", tooltip="Choose the pair of countries"),
        Binding("k", "app.commitments", "Commitments", show=False,
                tooltip="What the pair promised: open, kept, broken"),
        Binding(
            "m",
            "open_meeting",
            "Meeting",
            show=False,
            tooltip="Open the highlighted meeting's article",
        ),
        Binding("e", "app.export", "Export", show=False, tooltip="Export a timeline"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.dyad: list[str] | None = None
        self.board: Board | None = None
        self._highlighted_meeting: int | None = None
        self._changes_for: int | None = None
        self.meeting_index: dict[int, MeetingRef] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="board-body"):
            with Vertical(id="board-main"):
                yield Label("", id="board-title", markup=False)
                yield BoardGrid(id="grid")
                yield Static(EMPTY_HELP, id="board-empty", markup=False)
            with Vertical(id="board-side"):
                yield Label("Changes", id="changes-title", markup=False)
                yield ChangesList(id="changes")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        self._fit_side_panel()

    def on_screen_resume(self) -> None:
        # Back from another screen (a cancelled review, say): the size may have changed.
        self._fit_side_panel()
        self.query_one(BoardGrid).keep_in_view()

    def _fit_side_panel(self) -> None:
        """The changes panel takes the width the matrix does not need (wide terminals)."""
        side = self.query_one("#board-side")
        if self.size.width < NARROW:
            side.styles.width = "1fr"
            return
        meetings = len(self.board.meetings) if self.board else 0
        matrix = LEFT_WIDTH + CELL_WIDTH * meetings + 2  # + the scrollbar
        side.styles.width = max(SIDE_WIDTH, self.size.width - matrix)

    # --- data: everything the board shows comes through load_board ------------------

    def reload(self) -> None:
        self.load_board(self.dyad)

    @work(thread=True, exclusive=True, group="board", exit_on_error=False)
    def load_board(self, dyad: list[str] | None) -> None:
        """Read the board of one pair (None: the store's first) and show it."""
        board = self.store.board(dyad)
        self.app.call_from_thread(self.show_board, board)

    def show_board(self, board: Board) -> None:
        self.board = board
        self.dyad = board.dyad or None
        self.meeting_index = {m.id: m for m in board.meetings}
        empty = not board.meetings
        self.set_class(empty, "-empty")
        self.query_one("#board-title", Label).update(self._title(board))
        grid = self.query_one(BoardGrid)
        grid.show_board(board)
        self.load_overdue(board.dyad)
        self._fit_side_panel()
        self._changes_for = None
        self.show_changes(self.highlighted_meeting(), None)
        if not empty:
            grid.focus()

    @work(thread=True, exclusive=True, group="board-overdue", exit_on_error=False)
    def load_overdue(self, dyad: list[str]) -> None:
        # After the board is shown: its mark never delays the first paint.
        topics = self.store.overdue_topics(dyad) if dyad else set()
        self.app.call_from_thread(self.query_one(BoardGrid).show_overdue, topics)

    def _title(self, board: Board) -> str:
        if not board.dyad:
            return "no meetings"
        dyads = self.bilat.known_dyads
        position = f"  ·  pair {dyads.index(board.dyad) + 1}/{len(dyads)}" if (
            board.dyad in dyads and len(dyads) > 1
        ) else ""
        count = board.meeting_count  # all of the pair's; the grid holds a window of them
        return f"{' – '.join(board.dyad)}{position}  ·  {count} meeting{'s' if count != 1 else ''}"

    def highlighted_meeting(self) -> MeetingRef | None:
        if self.board is None or not self.board.meetings:
            return None
        if self._highlighted_meeting is None:
            return self.board.meetings[-1]
        return self.meeting_index.get(self._highlighted_meeting, self.board.meetings[-1])

    # --- the changes panel follows the cursor ---------------------------------------

    def show_changes(self, meeting: MeetingRef | None, changes: list[Change] | None) -> None:
        """Changes at `meeting`; None: read them (the newest's come with the board)."""
        assert self.board is not None
        title = "Changes"
        if meeting is not None:
            title += f" · {meeting.meeting_date or '?'} {meeting.location or ''}".rstrip()
        self.query_one("#changes-title", Label).update(title)
        if changes is None:
            if meeting is None or meeting.id == self.board.meetings[-1].id:
                changes = self.board.latest_changes
            else:
                self.load_changes(meeting)
                return
        self._changes_for = meeting.id if meeting else None
        self.query_one(ChangesList).show_changes(changes)

    @work(thread=True, exclusive=True, group="board-changes", exit_on_error=False)
    def load_changes(self, meeting: MeetingRef) -> None:
        changes = self.store.changes(meeting.id, self.dyad)
        self.app.call_from_thread(self.show_changes, meeting, changes)

    @on(BoardGrid.Highlighted)
    def remember_meeting(self, event: BoardGrid.Highlighted) -> None:
        self._highlighted_meeting = event.meeting_id
        meeting = self.highlighted_meeting()
        if self.board is not None and meeting is not None and meeting.id != self._changes_for:
            # After a pause only: holding → reads the changes of the meeting it stops at.
            self.set_timer(0.3, lambda: self._changes_after_pause(meeting.id))

    def _changes_after_pause(self, meeting_id: int) -> None:
        current = self.highlighted_meeting()
        if current is not None and current.id == meeting_id and meeting_id != self._changes_for:
            self.show_changes(current, None)

    # --- opening things ---------------------------------------------------------------

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

    @on(OptionList.OptionSelected, "#changes")
    def open_changed_topic(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            topic_id = event.option.id.split(":", 1)[1]
            self.bilat.open_topic(topic_id, self._changes_for, self.dyad)

    def action_open_meeting(self) -> None:
        meeting = self.highlighted_meeting()
        if meeting is None:
            self.notify("No meeting to open.", severity="warning")
            return
        self.bilat.open_meeting(meeting.id)

    def show_pair(self, dyad: list[str]) -> None:
        self._highlighted_meeting = None
        self.load_board(dyad)
