"""Two lanes of positions, one per side of the pair, meeting by meeting (newest first).

Each position is a kind glyph, its speaker and its clause, so that reading down a lane
shows one side move. Drawn with the line API: the lines are wrapped once per width
(for the meetings handed in, a page at most) and each `render_line` only slices
them; the lane titles stay pinned at the top. Article text is data: the clauses go
into plain Segments, never through markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Size
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
    lane = max((width - len(GUTTER)) // 2, 10)
    out: list[Line] = []
    for ref, found in meetings:
        when = ref.meeting_date.isoformat() if ref.meeting_date else "date unknown"
        heading = f"{when}  {ref.location or ''}".rstrip() + f"  · {ref.title}"
        out.append(Line(((heading, "lanes--meeting"),)))
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


def _pad(pieces: tuple[tuple[str, str], ...], width: int) -> list[tuple[str, str]]:
    used = sum(Content(text).cell_length for text, _ in pieces)
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

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.dyad: list[str] = []
        self.meetings: list[tuple[MeetingRef, list[StoredPosition]]] = []
        self._lines: list[Line] = []
        self._width = -1  # the width `_lines` were wrapped for

    # --- data -------------------------------------------------------------------

    def show(self, dyad: list[str], meetings: list[tuple[MeetingRef, list[StoredPosition]]]
             ) -> None:
        """The pair and its meetings (newest first), each with its positions on the topic."""
        self.dyad = list(dyad)
        self.meetings = meetings
        self._width = -1
        self._relayout()
        self.scroll_to(y=0, animate=False)

    def scroll_to_meeting(self, meeting_id: int) -> None:
        """Bring that meeting's heading to the top of the lanes."""
        self._relayout()
        index = [i for i, (ref, _) in enumerate(self.meetings) if ref.id == meeting_id]
        if not index:
            return
        headings = [y for y, line in enumerate(self._lines)
                    if line.pieces and line.pieces[0][1] == "lanes--meeting"]
        if index[0] < len(headings):
            self.scroll_to(y=headings[index[0]], animate=False)

    @property
    def position_count(self) -> int:
        return sum(len(found) for _, found in self.meetings)

    def text_lines(self) -> list[str]:
        """The lines as plain text (what a test or a copy reads)."""
        self._relayout()
        return [LEGEND, self._titles_text(),
                *("".join(t for t, _ in line.pieces) for line in self._lines)]

    # --- drawing ----------------------------------------------------------------

    def on_resize(self) -> None:
        self._relayout()

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width or 80
        if width == self._width:
            return
        self._width = width
        self._lines = lane_lines(self.dyad, self.meetings, width)
        self.virtual_size = Size(width, HEADER_HEIGHT + len(self._lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._style("")
        if y == 0:
            strip = Strip([Segment(LEGEND, self._style("lanes--muted"))])
        elif y < HEADER_HEIGHT:
            strip = self._titles()
        else:
            index = y - HEADER_HEIGHT + self.scroll_offset.y
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
