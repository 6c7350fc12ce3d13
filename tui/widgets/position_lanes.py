"""Two lanes of positions, one per side of the pair, meeting by meeting (newest first).

Each position is a kind glyph, its speaker and its clause, so that reading down a lane
shows one side move. Drawn with the line API: a meeting's lines are wrapped once per
width, and only when the view comes near them (a topic shows its newest meetings first;
wrapping the whole page of them was most of what opening a topic cost); each
`render_line` only slices them, and the lane titles stay pinned at the top. The
meetings not wrapped yet count in the scroll height by an estimate. Scrolled to its end,
the widget says so (`EndReached`) so that the screen can hand it older meetings. Article
text is data: the clauses go into plain Segments, never through markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from store.models import MeetingRef, PositionKind, StoredPosition
from tui.widgets.line_view import StyledLineView

# One glyph per kind, readable without colour (the legend line names them).
KIND_GLYPHS: dict[PositionKind, str] = {
    "demand": "»",
    "concern": "?",
    "warning": "!",
    "assertion": "=",
    "denial": "≠",
    "proposal": "+",
    "welcome": "✓",
}
LEGEND = "  ".join(f"{g} {k}" for k, g in KIND_GLYPHS.items())
GUTTER = " │ "
HEADER_HEIGHT = 2  # the legend, then the two sides' names
EMPTY_LANE = "–"


@dataclass(frozen=True)
class Line:
    """One drawn line: (text, component class) pieces."""

    pieces: tuple[tuple[str, str], ...]


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells (wide characters counted as two)."""
    if width <= 0:
        return [text]
    return [line.plain for line in Content(text).wrap(width)] or [""]


def position_lines(p: StoredPosition, width: int, side_class: str) -> list[Line]:
    """A position as lane lines: 'glyph speaker: clause', wrapped, later lines indented."""
    lead = f"{KIND_GLYPHS.get(p.kind, '·')} {p.speaker or 'unknown speaker'}: "
    wrapped = _wrap(lead + " ".join(p.text.split()), max(width - 2, 8))
    out: list[Line] = []
    for i, text in enumerate(wrapped):
        if i == 0:
            head = text[: len(lead)]
            out.append(Line(((head, side_class), (text[len(head):], "lanes--text"))))
        else:
            out.append(Line((("  " + text, "lanes--text"),)))
    return out


def lane_lines(
    dyad: list[str], meetings: list[tuple[MeetingRef, list[StoredPosition]]], width: int
) -> list[Line]:
    """Every line below the titles: per meeting (as given: newest first) a heading, then
    the two lanes side by side, each position wrapped within its lane."""
    return [line for ref, found in meetings for line in meeting_lines(dyad, ref, found, width)]


def _lane_width(width: int) -> int:
    return max((width - len(GUTTER)) // 2, 10)


def meeting_lines(
    dyad: list[str], ref: MeetingRef, found: list[StoredPosition], width: int
) -> list[Line]:
    """One meeting's lines: its heading, the two lanes side by side, a blank line."""
    lane = _lane_width(width)
    when = ref.meeting_date.isoformat() if ref.meeting_date else "date unknown"
    heading = f"{when}  {ref.location or ''}".rstrip() + f"  · {ref.title}"
    out = [Line(((heading, "lanes--meeting"),))]
    lanes: list[list[Line]] = []
    for n, side in enumerate(dyad[:2]):
        lines: list[Line] = []
        for p in found:
            if p.side == side:
                lines += position_lines(p, lane, f"lanes--side-{n}")
        lanes.append(lines or [Line(((EMPTY_LANE, "lanes--muted"),))])
    while len(lanes) < 2:
        lanes.append([Line(((EMPTY_LANE, "lanes--muted"),))])
    left, right = lanes
    for i in range(max(len(left), len(right))):
        pieces: list[tuple[str, str]] = []
        if i < len(left):
            pieces += _pad(left[i].pieces, lane)
        else:
            pieces.append((" " * lane, "lanes--text"))
        pieces.append((GUTTER, "lanes--rule"))
        if i < len(right):
            pieces += right[i].pieces
        out.append(Line(tuple(pieces)))
    out.append(Line(()))
    return out


def estimated_lines(dyad: list[str], found: list[StoredPosition], width: int) -> int:
    """About how many lines `meeting_lines` gives (without wrapping: each position's length
    over the lane's width; wrapping at words may add a line): the scroll height of the
    meetings not wrapped yet."""
    per_line = max(_lane_width(width) - 2, 8)
    sides = [
        sum(-(-cell_len(f"xx {p.speaker or ''}: {p.text}") // per_line)
            for p in found if p.side == side)
        for side in dyad[:2]
    ]
    return 2 + max([1, *sides])


def _pad(pieces: tuple[tuple[str, str], ...], width: int) -> list[tuple[str, str]]:
    used = sum(cell_len(text) for text, _ in pieces)
    return [*pieces, (" " * max(width - used, 0), "lanes--text")]


class PositionLanes(StyledLineView, can_focus=True):
    """What each side said on a topic, one lane per side, newest meeting first."""

    DEFAULT_CSS = """
    PositionLanes { height: 1fr; border-top: solid $panel; padding: 0 1; }
    PositionLanes > .lanes--header { text-style: bold; color: $text-muted; }
    PositionLanes > .lanes--meeting { text-style: bold; color: $text-accent; }
    PositionLanes > .lanes--side-0 { text-style: bold; color: $text-primary; }
    PositionLanes > .lanes--side-1 { text-style: bold; color: $text-accent; }
    PositionLanes > .lanes--text { color: $foreground; }
    PositionLanes > .lanes--muted { color: $text-muted; }
    PositionLanes > .lanes--rule { color: $text-muted; }
    """

    COMPONENT_CLASSES = {
        "lanes--header", "lanes--meeting", "lanes--side-0", "lanes--side-1", "lanes--text",
        "lanes--muted", "lanes--rule",
    }

    class EndReached(Message):
        """The view came to the oldest meeting held: the screen may hand in older ones."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.dyad: list[str] = []
        self.meetings: list[tuple[MeetingRef, list[StoredPosition]]] = []
        self._lines: list[Line] = []  # the lines of meetings[:len(_headings)], wrapped
        self._headings: list[int] = []  # the first line of each meeting wrapped
        self._estimates: list[int] = []  # the estimated lines of each meeting
        self._unwrapped = 0  # estimated lines of the meetings not wrapped yet
        self._width = -1  # the width `_lines` were wrapped for
        self._end_said = False  # EndReached posted for the meetings held

    # --- data -------------------------------------------------------------------

    def show(self, dyad: list[str], meetings: list[tuple[MeetingRef, list[StoredPosition]]]
             ) -> None:
        """The pair and its meetings (newest first), each with its positions on the topic."""
        self.dyad = list(dyad)
        self.meetings = list(meetings)
        self._width = -1
        self._end_said = False
        self.scroll_to(y=0, animate=False, immediate=True)
        self._relayout()

    def extend(self, older: list[tuple[MeetingRef, list[StoredPosition]]]) -> None:
        """Older meetings (newest first) after those held: the view stays where it is."""
        self.meetings += older
        self._end_said = False
        if self._width > 0:
            new = [estimated_lines(self.dyad, found, self._width) for _, found in older]
            self._estimates += new
            self._unwrapped += sum(new)
            self._set_height()
            self._wrap_to(self.scroll_offset.y + 2 * self.size.height)

    def scroll_to_meeting(self, meeting_id: int) -> None:
        """Bring that meeting's heading to the top of the lanes."""
        self._relayout()
        index = next((i for i, (ref, _) in enumerate(self.meetings) if ref.id == meeting_id),
                     None)
        if index is None or self._width <= 0:
            return
        self._wrap_meetings(index + 1)
        self.scroll_to(y=self._headings[index], animate=False)

    @property
    def position_count(self) -> int:
        return sum(len(found) for _, found in self.meetings)

    @property
    def wrapped_meetings(self) -> int:
        """How many meetings are wrapped (the others are only counted in the height)."""
        return len(self._headings)

    def text_lines(self) -> list[str]:
        """The lines as plain text (what a test or a copy reads): every meeting's."""
        self._relayout()
        self._wrap_meetings(len(self.meetings))
        return [LEGEND, self._titles_text(),
                *("".join(t for t, _ in line.pieces) for line in self._lines)]

    # --- drawing ----------------------------------------------------------------

    def on_resize(self) -> None:
        self._relayout()

    def action_scroll_end(self) -> None:
        # The end is the oldest meeting's last line: wrap them all so that End goes there.
        self._wrap_meetings(len(self.meetings))
        super().action_scroll_end()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        # Wrap the meetings coming into view (and a screen more) before they are drawn.
        self._wrap_to(round(new_value) + 2 * self.size.height)
        if round(new_value) >= self.max_scroll_y and len(self._headings) < len(self.meetings):
            # Dragged to the end of the estimate: the end is the oldest meeting's; go there.
            self._wrap_meetings(len(self.meetings))
            if round(new_value) < self.max_scroll_y:
                self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
                return
        super().watch_scroll_y(old_value, new_value)
        if (self.meetings and not self._end_said and self._width > 0
                and len(self._headings) == len(self.meetings)
                and round(new_value) >= self.max_scroll_y):
            self._end_said = True
            self.post_message(self.EndReached())

    def _relayout(self) -> None:
        # Before the first layout there is no width: 80 until the first Resize says.
        width = self.scrollable_content_region.width or 80
        if width == self._width:
            return
        self._width = width
        self._lines, self._headings = [], []
        self._estimates = [estimated_lines(self.dyad, found, width) for _, found in self.meetings]
        self._unwrapped = sum(self._estimates)
        self._set_height()
        self._wrap_to(self.scroll_offset.y + 2 * max(self.size.height, 1))
        self.refresh()

    def _wrap_to(self, lines: int) -> None:
        """Wrap meetings until `lines` lines are wrapped (or every meeting is)."""
        if self._width <= 0 or len(self._lines) >= lines:
            return
        while len(self._headings) < len(self.meetings) and len(self._lines) < lines:
            self._wrap_next()
        self._set_height()

    def _wrap_meetings(self, count: int) -> None:
        """Wrap the first `count` meetings (those not wrapped yet)."""
        if self._width <= 0 or len(self._headings) >= count:
            return
        while len(self._headings) < min(count, len(self.meetings)):
            self._wrap_next()
        self._set_height()

    def _wrap_next(self) -> None:
        i = len(self._headings)
        ref, found = self.meetings[i]
        self._headings.append(len(self._lines))
        self._lines += meeting_lines(self.dyad, ref, found, self._width)
        self._unwrapped -= self._estimates[i]

    def _set_height(self) -> None:
        self.virtual_size = Size(self._width, HEADER_HEIGHT + len(self._lines) + self._unwrapped)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._style("")
        if y == 0:
            strip = Strip([Segment(LEGEND, self._style("lanes--muted"))])
        elif y < HEADER_HEIGHT:
            strip = self._titles()
        else:
            index = y - HEADER_HEIGHT + self.scroll_offset.y
            if index >= len(self._lines):
                self._wrap_to(index + 1)  # drawn before a scroll said so (a resize)
            if not (0 <= index < len(self._lines)):
                return Strip.blank(width, base)
            strip = Strip([Segment(text, self._style(cls)) for text, cls in
                           self._lines[index].pieces])
        return strip.crop_extend(0, width, base)

    def _titles_text(self) -> str:
        return "".join(text for text, _ in self._title_pieces())

    def _title_pieces(self) -> list[tuple[str, str]]:
        if len(self.dyad) < 2 or not self.meetings:
            return [(NO_POSITIONS, "lanes--header")]
        lane = max((self._width - len(GUTTER)) // 2, 10)
        left = f"{self.dyad[0]} said"
        return [(left[:lane].ljust(lane), "lanes--side-0"), (GUTTER, "lanes--rule"),
                (f"{self.dyad[1]} said", "lanes--side-1")]

    def _titles(self) -> Strip:
        """The two sides' names over their lanes."""
        return Strip([Segment(t, self._style(c)) for t, c in self._title_pieces()])


NO_POSITIONS = "No meetings of this pair raised the topic."
