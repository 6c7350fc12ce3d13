"""The timeline: one lane per topic, meetings placed on a time axis, drawn line by line.

A line-API ScrollView like the board: only the cells in view are built. Each
bucket (a month, quarter or year) is one cell, so months without a meeting are
visible gaps; a meeting that did not raise a lane's topic shows a dim dot.

It holds a window of the history (the newest meetings first, like the board) but its
axis spans the whole history: when the view reaches buckets older than the meetings
held, it asks for them (`NeedOlder`) and the screen reads that stretch of time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from store.models import Board, MeetingRef, Status
from tui.timeaxis import (
    CELL,
    ZOOMS,
    Zoom,
    bucket,
    bucket_label,
    bucket_start,
    year_starts,
)
from tui.widgets.line_view import StyledLineView
from tui.widgets.styling import STATUS_CLASSES

LANE_WIDTH = 22
HEADER_HEIGHT = 2


@dataclass(frozen=True)
class Placed:
    """The meetings with a date, each with its bucket, oldest first."""

    meetings: list[MeetingRef]
    buckets: list[int]
    first: int
    last: int


def place(meetings: list[MeetingRef], zoom: Zoom, oldest: date | None = None) -> Placed:
    """Dated meetings in buckets; the axis starts at `oldest` (the history's first day)
    when older meetings than those held exist."""
    dated = [m for m in meetings if m.meeting_date is not None]
    buckets = [bucket(m.meeting_date, zoom) for m in dated]  # type: ignore[arg-type]
    first = min(buckets, default=0)
    if oldest is not None and buckets:
        first = min(first, bucket(oldest, zoom))
    return Placed(dated, buckets, first, max(buckets, default=0))


class TimelineView(StyledLineView, can_focus=True):
    COMPONENT_CLASSES = {
        "timeline--axis",
        "timeline--lane",
        "timeline--cursor",
        "timeline--none",
        "timeline--gap",
        *STATUS_CLASSES.values(),
    }
    BINDINGS = [
        Binding("left,h", "move(-1, 0)", "Earlier", show=False),
        Binding("right,l", "move(1, 0)", "Later", show=False),
        Binding("up,k", "move(0, -1)", "Up", show=False),
        Binding("down,j", "move(0, 1)", "Down", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
        Binding("plus,equals_sign", "zoom(-1)", "Zoom in", key_display="+"),
        Binding("minus", "zoom(1)", "Zoom out", key_display="-"),
        Binding("enter", "select", "Open meeting"),
    ]

    zoom: reactive[Zoom] = reactive("month")
    lane = reactive(0)
    meeting = reactive(-1)  # index into placed.meetings

    class Selected(Message):
        def __init__(self, meeting_id: int) -> None:
            super().__init__()
            self.meeting_id = meeting_id

    class NeedOlder(Message):
        """The view reached meetings not held: those before position `before`, back to
        `since` (None: one page)."""

        def __init__(self, before: int, since: date | None) -> None:
            super().__init__()
            self.before = before
            self.since = since

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.board: Board | None = None
        self.placed = Placed([], [], 0, 0)
        self.by_bucket: dict[int, list[int]] = {}
        self.oldest: date | None = None  # the history's first meeting day (axis start)
        self._asked_older = False  # a NeedOlder is on its way
        self._in_place = False
        self._after_page: int | None = None  # cursor step (or -1: the oldest) once it lands

    def show_board(self, board: Board, oldest: date | None = None) -> None:
        """Show a window of the pair's history; `oldest`: the first day of all of it."""
        self.board = board
        self.oldest = oldest
        self._asked_older = False
        self._after_page = None
        self._in_place = False  # no reading back before the view is on its cursor
        self._layout()
        self.meeting = len(self.placed.meetings) - 1
        self.call_after_refresh(self._place_view)

    def _place_view(self) -> None:
        self._scroll_to_cursor()
        self._in_place = True
        self.refresh()

    def prepend_page(self, page: Board) -> None:
        """Put a page of older meetings before those held; the view stays on its meeting."""
        board = self.board
        self._asked_older = False
        if board is None or page.dyad != board.dyad:
            return
        if not page.meetings or page.first_column + len(page.meetings) != board.first_column:
            self._after_page = None
            return  # not the stretch just before (the view was reloaded meanwhile)
        older = {r.topic.id: r.cells for r in page.rows}
        rows = [r.model_copy(update={"cells": {**older.get(r.topic.id, {}), **r.cells}})
                for r in board.rows]
        self.board = board.model_copy(update={
            "meetings": page.meetings + board.meetings, "rows": rows,
            "first_column": page.first_column,
        })
        before = len(self.placed.meetings)
        self._layout()  # the axis start is unchanged, so the scroll offset still holds
        meeting = self.meeting + len(self.placed.meetings) - before
        step, self._after_page = self._after_page, None
        if step == -1 and self.complete:
            meeting = 0
        elif step == -1:
            self._after_page = -1  # the page was capped: on to the next one
            self._ask_older(self.oldest)
        elif step == -2:
            meeting -= 1
        self.meeting = max(0, meeting)
        self._scroll_to_cursor()  # the same index may now be another meeting

    @property
    def complete(self) -> bool:
        """Every meeting of the pair is held."""
        return self.board is None or self.board.first_column == 0

    def _ask_older(self, since: date | None) -> None:
        if self.board is not None and not self.complete and not self._asked_older:
            self._asked_older = True
            self.post_message(self.NeedOlder(self.board.first_column, since))

    def _layout(self) -> None:
        assert self.board is not None
        self.placed = place(self.board.meetings, self.zoom,
                            None if self.complete else self.oldest)
        self.by_bucket = defaultdict(list)
        for i, b in enumerate(self.placed.buckets):
            self.by_bucket[b].append(i)
        count = self.placed.last - self.placed.first + 1 if self.placed.meetings else 0
        # One spare cell: scrolled to the end, the offset can still reach a cell boundary.
        self.virtual_size = Size(LANE_WIDTH + CELL[self.zoom] * (count + 1),
                                 HEADER_HEIGHT + len(self.board.rows))
        self.refresh()

    def on_resize(self) -> None:
        self.keep_cursor_in_view()

    def keep_cursor_in_view(self) -> None:
        """After the next layout (a resize, the screen shown again): the cursor in view."""
        self.call_after_refresh(self._scroll_to_cursor)

    def watch_zoom(self) -> None:
        if self.board is not None:
            self._layout()
            self.call_after_refresh(self._scroll_to_cursor)

    def watch_lane(self) -> None:
        self._scroll_to_cursor()
        self.refresh()

    def watch_meeting(self) -> None:
        self._scroll_to_cursor()
        self.refresh()

    # --- keys -------------------------------------------------------------

    def action_move(self, dx: int, dy: int) -> None:
        if self.board is None:
            return
        self.lane = max(0, min(len(self.board.rows) - 1, self.lane + dy))
        if dx < 0 and self.meeting == 0 and not self.complete:
            self._after_page = -2  # one step back, once the page before has landed
            self._ask_older(None)
        elif dx:
            self.meeting = max(0, min(len(self.placed.meetings) - 1, self.meeting + dx))

    def action_edge(self, last: int) -> None:
        if not last and not self.complete:
            self._after_page = -1  # the oldest meeting, once it has landed
            self._ask_older(self.oldest)
        self.meeting = len(self.placed.meetings) - 1 if last else 0

    def action_zoom(self, step: int) -> None:
        index = ZOOMS.index(self.zoom) + step
        self.zoom = ZOOMS[max(0, min(len(ZOOMS) - 1, index))]

    def action_select(self) -> None:
        if 0 <= self.meeting < len(self.placed.meetings):
            self.post_message(self.Selected(self.placed.meetings[self.meeting].id))

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.board is None:
            return
        if offset.y >= HEADER_HEIGHT:
            self.lane = max(0, min(len(self.board.rows) - 1,
                                   offset.y - HEADER_HEIGHT + self.scroll_offset.y))
        if offset.x >= LANE_WIDTH:
            index = (offset.x - LANE_WIDTH + self.scroll_offset.x) // CELL[self.zoom]
            hits = self.by_bucket.get(self.placed.first + index)
            if hits:
                self.meeting = hits[-1]
                if event.chain == 2:
                    self.action_select()

    def _scroll_to_cursor(self) -> None:
        if not self.placed.meetings or self.meeting < 0:
            return
        cell = CELL[self.zoom]
        x = (self.placed.buckets[self.meeting] - self.placed.first) * cell
        # Whole cells: the drawing starts at a cell boundary (scroll_x // cell), so a
        # view measured in part-cells would leave the cursor's cell just off the right.
        view_w = max((self.scrollable_content_region.width - LANE_WIDTH) // cell * cell, cell)
        view_h = max(self.scrollable_content_region.height - HEADER_HEIGHT, 1)
        sx, sy = self.scroll_offset
        if x < sx:
            sx = x
        elif x + cell > sx + view_w:
            sx = x + cell - view_w
        if self.lane < sy:
            sy = self.lane
        elif self.lane >= sy + view_h:
            sy = self.lane - view_h + 1
        self.scroll_to(sx, sy, animate=False)

    # --- drawing ------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self.board is None or not self.placed.meetings:
            return Strip.blank(width)
        scroll_x, scroll_y = self.scroll_offset
        if y == 0:
            self._reach_back(scroll_x)
        if y < HEADER_HEIGHT:
            strip = self._axis_line(y, scroll_x)
        else:
            strip = self._lane_line(y - HEADER_HEIGHT + scroll_y, scroll_x)
        return strip.crop_extend(0, width, self._style(""))

    def _reach_back(self, scroll_x: int) -> None:
        """Ask for the meetings of the buckets in view (and half a view before them)
        that are older than those held."""
        if self.complete or not self.placed.meetings or not self._in_place:
            return
        visible = self._visible(scroll_x)
        if visible.start >= self.placed.buckets[0]:
            return
        margin = max(len(visible) // 2, 1)  # half a view more: scrolling on reads less often
        since = bucket_start(max(self.placed.first, visible.start - margin), self.zoom)
        self._ask_older(since)

    def _visible(self, scroll_x: int) -> range:
        cell = CELL[self.zoom]
        first = self.placed.first + scroll_x // cell
        view = max(self.scrollable_content_region.width - LANE_WIDTH, 0) // cell
        return range(first, min(self.placed.last + 1, first + view))

    def _axis_line(self, y: int, scroll_x: int) -> Strip:
        style = self._style("timeline--axis")
        cell = CELL[self.zoom]
        visible = self._visible(scroll_x)
        if y == 0:
            years = year_starts(visible.start, max(visible.stop - 1, visible.start), self.zoom)
            text = "".join((years.get(b, "")).ljust(cell) for b in visible)
            # A year label may run into the next cells: keep it whole.
            line = list(" " * len(text))
            for b, label in years.items():
                at = (b - visible.start) * cell
                line[at : at + len(label)] = label
            head = f"by {self.zoom}  (+/- zoom)".ljust(LANE_WIDTH)
            return Strip([Segment(head, style), Segment("".join(line)[: len(text)], style)])
        labels = "".join(bucket_label(b, self.zoom).ljust(cell) for b in visible)
        return Strip([Segment("Topic".ljust(LANE_WIDTH), style), Segment(labels, style)])

    def _lane_line(self, lane: int, scroll_x: int) -> Strip:
        assert self.board is not None
        if not (0 <= lane < len(self.board.rows)):
            return Strip([])
        row = self.board.rows[lane]
        cursor = self._style("timeline--cursor")
        on_lane = lane == self.lane and self.has_focus
        name_style = self._style("timeline--lane")
        segments = [Segment(_fit(row.topic.name, LANE_WIDTH), name_style + cursor
                            if on_lane else name_style)]
        cell = CELL[self.zoom]
        cursor_bucket = (
            self.placed.buckets[self.meeting] if 0 <= self.meeting < len(self.placed.buckets)
            else None
        )
        for b in self._visible(scroll_x):
            hits = self.by_bucket.get(b, [])
            text, style = self._cell(row.cells, hits)
            if b == cursor_bucket and self.has_focus and (on_lane or lane == -1):
                text, style = self._cell(row.cells, [self.meeting]) if hits else (text, style)
                style = style + cursor
            segments.append(Segment(text.center(cell), style))
        return Strip(segments)

    def _cell(self, cells: dict[int, Status], hits: list[int]) -> tuple[str, Style]:
        """The newest raised status in the bucket; a dot when meetings there did not raise it."""
        if not hits:
            return " ", self._style("timeline--gap")
        for index in reversed(hits):
            status = cells.get(self.placed.meetings[index].id)
            if status is not None:
                mark = status.glyph if len(hits) == 1 else f"{status.glyph}{len(hits)}"
                return mark, self._style(STATUS_CLASSES[status])
        return "·", self._style("timeline--none")


def _fit(text: str, width: int) -> str:
    if len(text) <= width - 1:
        return text.ljust(width)
    return text[: width - 2] + "… "
