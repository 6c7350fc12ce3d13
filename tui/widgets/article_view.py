"""A meeting's article as one line-API widget: each paragraph beside its margin label
(the topics it was read for), a blank line between paragraphs.

One widget for the whole text (the screen used to mount two per paragraph, most of what
opening a long article cost): the paragraphs are wrapped once per width and each
`render_line` hands back a slice. The paragraphs are `Content` built by the caller, quote
spans styled: article text is data, never parsed as markup.
"""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual

from tui.widgets.content_view import ContentView

MARGIN = 20  # cells of the margin column, its gap to the paragraph included
NARROW = 50  # below this width the margin label goes above its paragraph


class ArticleView(ContentView, can_focus=True):
    """Paragraphs with margin labels; scrolls by keys and wheel, wraps at every width."""

    DEFAULT_CSS = """
    ArticleView { height: 1fr; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.rows: list[tuple[str, Content]] = []
        self.row_starts: list[int] = []  # the first line of each paragraph, as last wrapped
        # The paragraph brought to the top, and the offset that gave: kept there through
        # the layouts that follow (the screen's header settles) until the user scrolls.
        self._pinned: tuple[int, float] | None = None

    def show(self, rows: list[tuple[str, Content]]) -> None:
        """(margin label, paragraph) pairs, from the top."""
        self.rows = rows
        self._pinned = None
        self.update(Content(""))  # re-wrapped from `rows` by `wrap`
        self.scroll_to(y=0, animate=False, force=True, immediate=True)

    def scroll_to_row(self, index: int) -> None:
        """Bring paragraph `index` to the top (once laid out: the lines depend on the width)."""
        self._relayout()
        if 0 <= index < len(self.row_starts):
            # force: the scrollbar that allows scrolling comes with the next layout.
            self.scroll_to(y=self.row_starts[index], animate=False, force=True, immediate=True)
            self._pinned = (index, self.scroll_y)

    def on_resize(self) -> None:
        # (ContentView's own on_resize runs too: Textual calls each class's handler.)
        if self._pinned is not None and self._pinned[1] == self.scroll_y:
            self.scroll_to_row(self._pinned[0])

    @property
    def plain(self) -> str:
        return "\n\n".join(body.plain for _, body in self.rows)

    def text_lines(self) -> list[str]:
        """The lines as plain text (what a test reads)."""
        return [strip.text.rstrip() for strip in self.lines]

    def wrap(self, width: int) -> list[Strip]:
        base = self.visual_style
        narrow = width < NARROW
        body_width = width if narrow else max(width - MARGIN, 1)
        out: list[Strip] = []
        starts: list[int] = []
        for margin, body in self.rows:
            if out:
                out.append(Strip.blank(width, self._style("")))
            starts.append(len(out))
            margins = Visual.to_strips(self, Content.styled(margin, "$text-muted italic"),
                                       MARGIN - 1, None, base, pad=True)
            bodies = Visual.to_strips(self, body, body_width, None, base, pad=True)
            if narrow:
                if margin:
                    out += [m.crop_extend(0, width, self._style("")) for m in margins]
                out += bodies
                continue
            gap = Strip.blank(1, self._style(""))
            blank_margin = Strip.blank(MARGIN - 1, self._style(""))
            blank_body = Strip.blank(body_width, self._style(""))
            for i in range(max(len(bodies), len(margins))):
                left = margins[i] if i < len(margins) else blank_margin
                out.append(Strip.join([left, gap, bodies[i] if i < len(bodies) else blank_body]))
        self.row_starts = starts
        return out
