"""The board matrix: topics (rows) by meetings (columns), drawn line by line.

A store may hold thousands of meetings, so this is a line-API ScrollView: each
`render_line` builds only the cells inside the visible window, and nothing is
kept per cell. The topic name, current status and trend stay pinned at the
left; the two header lines stay pinned at the top.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from store.models import Board, Status, TopicRow
from tui.widgets.line_view import StyledLineView
from tui.widgets.styling import STATUS_CLASSES, trend_arrow

NAME_WIDTH = 24
CURRENT_WIDTH = 13
TREND_WIDTH = 3
LEFT_WIDTH = NAME_WIDTH + CURRENT_WIDTH + TREND_WIDTH
CELL_WIDTH = 7
HEADER_HEIGHT = 2
# A topic is stale when the pair has met this many times since it was last raised,
# or a year has passed: its "Now" is history, and the board says so.
STALE_MEETINGS = 5
STALE_DAYS = 365
STALE_MARK = "~"
# A topic with an open commitment past its due date (store.overdue_topics).
OVERDUE_MARK = "!"

CellPainter = Callable[[int], tuple[str, Style]]


@dataclass(frozen=True)
class GridCursor:
    row: int
    column: int  # -1: the topic itself (name/current/trend); >= 0: a meeting column


class BoardGrid(StyledLineView, can_focus=True):
    """Topic x meeting matrix with a keyboard cursor."""

    COMPONENT_CLASSES = {
        "grid--header",
        "grid--name",
        "grid--cursor",
        "grid--empty",
        "grid--more",
        *STATUS_CLASSES.values(),
    }

    BINDINGS = [
        Binding("up", "move(0, -1)", "Up", show=False),  # k: the board's Commitments
        Binding("down,j", "move(0, 1)", "Down", show=False),
        Binding("left,h", "move(-1, 0)", "Left", show=False),
        Binding("right,l", "move(1, 0)", "Right", show=False),
        Binding("home", "first_column", "Topic column", show=False),
        Binding("end", "last_column", "Newest meeting", show=False),
        Binding("enter", "select", "Open", tooltip="Open the topic, or the topic at that meeting"),
    ]

    # repaint=False: watch_cursor repaints what the move changed (two rows, unless the view
    # scrolled); a reactive's own repaint would redraw the whole grid on every key.
    cursor: reactive[GridCursor] = reactive(GridCursor(0, -1), always_update=True, repaint=False)

    class Selected(Message):
        """Enter on a row (meeting_id None) or on a cell."""

        def __init__(self, topic_id: str, meeting_id: int | None) -> None:
            super().__init__()
            self.topic_id = topic_id
            self.meeting_id = meeting_id

    class Highlighted(Message):
        def __init__(self, topic_id: str | None, meeting_id: int | None) -> None:
            super().__init__()
            self.topic_id = topic_id
            self.meeting_id = meeting_id

    class NeedOlder(Message):
        """The view came near the oldest meeting read: the screen reads the page before it."""

        def __init__(self, before: int) -> None:
            super().__init__()
            self.before = before  # position of the oldest column held

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.board: Board | None = None
        self.stale: set[str] = set()
        self.overdue: set[str | None] = set()  # set by the screen once read (a worker)
        self._asked_older = False  # a NeedOlder is on its way: columns come in pages

    # --- data -------------------------------------------------------------

    def show_board(self, board: Board) -> None:
        """Take a new board; keep the cursor on its topic and meeting, else show the newest."""
        old_topic = self._topic_at(self.cursor.row)
        old_meeting = self._meeting_at(self.cursor.column)
        self.board = board
        self.stale = stale_topics(board)
        self.virtual_size = Size(
            LEFT_WIDTH + CELL_WIDTH * len(board.meetings), HEADER_HEIGHT + len(board.rows)
        )
        row = next((i for i, r in enumerate(board.rows) if r.topic.id == old_topic), 0)
        column = next((i for i, m in enumerate(board.meetings) if m.id == old_meeting), -1)
        self.cursor = GridCursor(min(row, max(len(board.rows) - 1, 0)), column)
        self._asked_older = True  # not before the view is where it belongs
        self.call_after_refresh(self.keep_in_view)
        self.refresh()

    def show_overdue(self, topics: set[str | None]) -> None:
        """Mark these topics' "Now" with OVERDUE_MARK."""
        if topics != self.overdue:
            self.overdue = topics
            self.refresh()

    def keep_in_view(self) -> None:
        """After a new board or a resize: the cursor's meeting in view, else the newest."""
        if self.cursor.column >= 0:
            self._scroll_cursor_into_view(self.cursor)
        else:
            self.scroll_to(x=self.max_scroll_x, y=self.scroll_offset.y, animate=False)
        self._asked_older = False

    def on_resize(self) -> None:
        # The scroll offset is in cells: a narrower view would hide the newest column.
        self.call_after_refresh(self.keep_in_view)

    def _meeting_at(self, column: int) -> int | None:
        if self.board is None or not (0 <= column < len(self.board.meetings)):
            return None
        return self.board.meetings[column].id

    def prepend_page(self, page: Board) -> None:
        """Put the page of older meetings before the columns held; the view stays put."""
        board = self.board
        if board is None or page.dyad != board.dyad or page.meetings == []:
            return
        if page.first_column + len(page.meetings) != board.first_column:
            return  # not the page just before (the board was reloaded meanwhile)
        older = {r.topic.id: r.cells for r in page.rows}
        rows = [r.model_copy(update={"cells": {**older.get(r.topic.id, {}), **r.cells}})
                for r in board.rows]
        self.board = board.model_copy(update={
            "meetings": page.meetings + board.meetings, "rows": rows,
            "first_column": page.first_column,
        })
        added = len(page.meetings)
        self.virtual_size = Size(
            LEFT_WIDTH + CELL_WIDTH * len(self.board.meetings), HEADER_HEIGHT + len(rows)
        )
        self.scroll_to(x=self.scroll_offset.x + added * CELL_WIDTH, animate=False)
        column = self.cursor.column + added if self.cursor.column >= 0 else -1
        self.cursor = GridCursor(self.cursor.row, column)
        self._asked_older = False

    def _topic_at(self, row: int) -> str | None:
        if self.board is None or not (0 <= row < len(self.board.rows)):
            return None
        return self.board.rows[row].topic.id

    # --- cursor -----------------------------------------------------------

    def action_move(self, dx: int, dy: int) -> None:
        if self.board is None or not self.board.rows:
            return
        row = max(0, min(len(self.board.rows) - 1, self.cursor.row + dy))
        if self.cursor.column == -1 and dx > 0:
            # Into the meetings on screen (the newest, by default), not back to the oldest.
            column = min(self._visible_columns(self.scroll_offset.x).start,
                         len(self.board.meetings) - 1)
        else:
            column = max(-1, min(len(self.board.meetings) - 1, self.cursor.column + dx))
        self.cursor = GridCursor(row, column)

    def action_first_column(self) -> None:
        self.cursor = GridCursor(self.cursor.row, -1)

    def action_last_column(self) -> None:
        if self.board is not None:
            self.cursor = GridCursor(self.cursor.row, len(self.board.meetings) - 1)

    def action_select(self) -> None:
        topic = self._topic_at(self.cursor.row)
        if topic is None or self.board is None:
            return
        meeting = self.board.meetings[self.cursor.column].id if self.cursor.column >= 0 else None
        self.post_message(self.Selected(topic, meeting))

    def watch_cursor(self, old: GridCursor, cursor: GridCursor) -> None:
        before = self.scroll_offset
        self._scroll_cursor_into_view(cursor)
        meeting = self._meeting_at(cursor.column)
        self.post_message(self.Highlighted(self._topic_at(cursor.row), meeting))
        if self.scroll_offset == before:
            # Nothing scrolled: only the rows the cursor left and entered change.
            for row in {old.row, cursor.row}:
                y = HEADER_HEIGHT + row - before.y
                self.refresh(Region(0, y, self.size.width, 1))
        else:
            self.refresh()

    def _scroll_cursor_into_view(self, cursor: GridCursor) -> None:
        if self.board is None:
            return
        view_h = max(self.scrollable_content_region.height - HEADER_HEIGHT, 1)
        x, y = self.scroll_offset
        visible = self._visible_columns(x)
        count = max(len(visible), 1)
        if cursor.column >= 0 and cursor.column < visible.start:
            x = cursor.column * CELL_WIDTH
        elif cursor.column >= visible.start + count:
            x = (cursor.column - count + 1) * CELL_WIDTH
        if cursor.row < y:
            y = cursor.row
        elif cursor.row >= y + view_h:
            y = cursor.row - view_h + 1
        self.scroll_to(x, y, animate=False)

    def on_click(self, event: Click) -> None:
        if self.board is None:
            return
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = offset.y - HEADER_HEIGHT + self.scroll_offset.y
        if offset.y < HEADER_HEIGHT or not (0 <= row < len(self.board.rows)):
            return
        column = -1
        if offset.x >= LEFT_WIDTH:
            column = (
                self._visible_columns(self.scroll_offset.x).start
                + (offset.x - LEFT_WIDTH) // CELL_WIDTH
            )
            if column >= len(self.board.meetings):
                return
        self.cursor = GridCursor(row, column)
        if event.chain == 2:
            self.action_select()

    # --- drawing ------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self.board is None:
            return Strip.blank(width)
        scroll_x, scroll_y = self.scroll_offset
        # The columns in view, worked out once per line (not once per cell).
        visible = self._visible_columns(scroll_x, width)
        if y < HEADER_HEIGHT:
            strip = self._header_line(y, visible)
        else:
            strip = self._row_line(y - HEADER_HEIGHT + scroll_y, visible)
        return strip.crop_extend(0, width, self._style(""))

    def _visible_columns(self, scroll_x: int, width: int | None = None) -> range:
        """Whole columns only: the first is the one at or after the scroll offset."""
        assert self.board is not None
        if width is None:
            width = self.scrollable_content_region.width
        view_w = max(width - LEFT_WIDTH, 0)
        first = -(-scroll_x // CELL_WIDTH)
        if first < view_w // CELL_WIDTH and self.board.first_column > 0 and not self._asked_older:
            # Within a screen of the oldest column read: ask for the page before, once.
            self._asked_older = True
            self.post_message(self.NeedOlder(self.board.first_column))
        return range(first, min(len(self.board.meetings), first + view_w // CELL_WIDTH))

    def _header_line(self, y: int, visible: range) -> Strip:
        assert self.board is not None
        style = self._style("grid--header")
        more = self._style("grid--more")
        older = visible.start
        newer = len(self.board.meetings) - visible.stop
        if y == 0:
            # What is off screen, so that a board scrolled to the newest says there is more.
            left = f"◀ {older} older" if older > 0 else ""
            right = f"{newer} newer ▶" if newer > 0 else ""
            segments = [
                Segment(left.ljust(NAME_WIDTH), more),
                Segment(right.ljust(CURRENT_WIDTH + TREND_WIDTH), more),
            ]
        else:
            segments = [
                Segment("Topic".ljust(NAME_WIDTH), style),
                Segment("Now".ljust(CURRENT_WIDTH), style),
                Segment(" " * TREND_WIDTH, style),
            ]
        segments.extend(self._clip_columns(
            visible, lambda i: self._header_cell(i, y, visible.start), style))
        return Strip(segments)

    def _header_cell(self, column: int, y: int, first_visible: int) -> str:
        """Month and year on the top line where the month changes, the day below."""
        assert self.board is not None
        meetings = self.board.meetings
        when = meetings[column].meeting_date
        if when is None:
            return "?" if y == 1 else ""
        if y == 1:
            # "?" after the day: ingest guessed something no one has checked yet.
            return when.strftime("%d") + ("?" if meetings[column].review else "")
        before = meetings[column - 1].meeting_date if column > 0 else None
        if (
            column == first_visible
            or before is None
            or (before.year, before.month) != (when.year, when.month)
        ):
            return when.strftime("%b%y")
        return ""

    def _row_line(self, row: int, visible: range) -> Strip:
        assert self.board is not None
        if not (0 <= row < len(self.board.rows)):
            return Strip([])
        topic_row = self.board.rows[row]
        on_row = row == self.cursor.row and self.has_focus
        cursor_style = self._style("grid--cursor")
        name_style = self._style("grid--name")
        if on_row and self.cursor.column == -1:
            name_style = name_style + cursor_style
        current = topic_row.current
        current_style = self._status_style(current)
        now = f"{current.glyph} {current.value}" if current else ""
        if topic_row.topic.id in self.stale:
            now = f"{now} {STALE_MARK}"
        if topic_row.topic.id in self.overdue:
            # The mark is never cut: the status name gives way to it.
            now = _fit(now, CURRENT_WIDTH - 2).rstrip() + f" {OVERDUE_MARK}"
        segments = [
            Segment(_fit(topic_row.topic.name, NAME_WIDTH), name_style),
            Segment(_fit(now, CURRENT_WIDTH), current_style),
            Segment(_fit(trend_arrow(topic_row.trend) if current else "", TREND_WIDTH), name_style),
        ]
        meetings = self.board.meetings

        def cell(column: int) -> tuple[str, Style]:
            status = topic_row.cells.get(meetings[column].id)
            style = self._status_style(status)
            if on_row and column == self.cursor.column:
                style = style + cursor_style
            return (status.glyph if status else "·"), style

        segments.extend(self._clip_cells(visible, cell))
        return Strip(segments)

    def _status_style(self, status: Status | None) -> Style:
        if status is None:
            return self._style("grid--empty")
        return self._style(STATUS_CLASSES[status])

    def _clip_columns(
        self, visible: range, label: Callable[[int], str], style: Style
    ) -> list[Segment]:
        return self._clip_cells(visible, lambda column: (label(column), style))

    def _clip_cells(self, visible: range, cell: CellPainter) -> list[Segment]:
        """Segments for the visible meeting columns."""
        return [Segment(text.center(CELL_WIDTH), style) for text, style in map(cell, visible)]


def _fit(text: str, width: int) -> str:
    """Pad or truncate to exactly `width` cells, with an ellipsis when cut."""
    if len(text) <= width - 1:
        return text.ljust(width)
    return text[: width - 2] + "…" + " "


def stale_topics(board: Board) -> set[str]:
    """Topics last raised STALE_MEETINGS meetings or STALE_DAYS days before the newest."""
    if not board.meetings:
        return set()
    position = {m.id: i for i, m in enumerate(board.meetings)}
    newest = board.meetings[-1]
    return {row.topic.id for row in board.rows if _is_stale(row, position, newest.meeting_date)}


def _is_stale(row: TopicRow, position: dict[int, int], newest: date | None) -> bool:
    last = max((position[m] for m in row.cells if m in position), default=-1)
    if last < 0:
        return False
    if len(position) - 1 - last >= STALE_MEETINGS:
        return True
    if row.last_discussed is not None and newest is not None:
        return (newest - row.last_discussed).days >= STALE_DAYS
    return False
