"""Text drawn with the line API: a `Content` wrapped once per width, each `render_line` a
slice of the wrapped lines. The base of the topic cards and the meeting's article.

A `Static` in a scrolling container costs a widget, a layout and a full render per
update; here an update re-wraps the text (once per width and style) and repaints only the
lines on screen. The text is a `Content` built by the caller: user text goes in as data,
never through markup.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.visual import Visual

from tui.widgets.line_view import StyledLineView


def min_lines(text: str, width: int) -> int:
    """The fewest lines `text` can take at `width` cells: each of its lines, cut at the
    width (wrapping at words only adds lines)."""
    return sum(max(1, -(-cell_len(line) // width)) for line in text.split("\n"))


class ContentView(StyledLineView):
    """A scrollable, wrapped `Content` (keys and wheel scroll it; it never scrolls sideways)."""

    DEFAULT_CSS = """
    ContentView { overflow-x: hidden; }
    """

    def __init__(self, content: Content | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._content = content if content is not None else Content("")
        self._strips: list[Strip] = []
        self._wrapped_for: tuple[int, int] | None = None  # (content width, height) wrapped at

    @property
    def content(self) -> Content:
        return self._content

    @property
    def plain(self) -> str:
        """The text shown, without styles (what a test or a copy reads)."""
        return self._content.plain

    def update(self, content: Content) -> None:
        """Show other text: wrapped at the next paint (or now, when laid out)."""
        self._content = content
        self._wrapped_for = None
        self._relayout()
        self.refresh()

    def wrap(self, width: int) -> list[Strip]:
        """The lines of the text at `width` cells (a subclass may draw more than one text)."""
        return Visual.to_strips(self, self._content, width, None, self.visual_style, pad=True)

    @property
    def lines(self) -> list[Strip]:
        """The wrapped lines, at the width laid out (what a test reads)."""
        self._relayout()
        return self._strips

    # --- drawing ----------------------------------------------------------------

    def notify_style_update(self) -> None:
        # A new theme or a focus style changes the colours baked into the lines.
        self._wrapped_for = None
        super().notify_style_update()

    def on_resize(self) -> None:
        self._relayout()

    def _relayout(self) -> None:
        """Wrap for the size laid out: at the full width when the text fits the height, else
        narrower by the scrollbar it will need (so the scrollbar never hides a column)."""
        region = self.content_region
        if region.width <= 0:
            return  # not laid out yet: the first Resize wraps it
        key = (region.width, region.height)
        if key == self._wrapped_for:
            return
        width = region.width
        bar = self.styles.scrollbar_size_vertical
        can_scroll = self.styles.overflow_y != "hidden" and width > bar
        if can_scroll and min_lines(self.plain, width) > region.height:
            # Taller than the view even unwrapped: one wrap, beside the scrollbar.
            width -= bar
            strips = self.wrap(width)
        else:
            strips = self.wrap(width)
            if can_scroll and len(strips) > region.height:
                width -= bar
                strips = self.wrap(width)
        self._strips, self._wrapped_for = strips, key
        self.virtual_size = Size(width, len(strips))
        # Show or hide the scrollbar now, not in the next layout: decided there, a change
        # asks for a second layout (and paint) a frame after the first.
        self._refresh_scrollbars()

    def render_line(self, y: int) -> Strip:
        self._relayout()
        width = self.scrollable_content_region.width
        index = y + self.scroll_offset.y
        if 0 <= index < len(self._strips):
            strip = self._strips[index]
            # Not crop_extend when the width is right: it would cache the strip in itself,
            # a reference cycle per line that only the (slow, full) collector frees.
            if strip.cell_length == width:
                return strip
            return strip.crop_extend(0, width, self._style(""))
        return Strip.blank(width, self._style(""))
