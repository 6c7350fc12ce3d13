"""The keys of the screen in view, on one line: a light stand-in for Textual's Footer.

Textual's Footer builds a widget per key and rebuilds them whenever the bindings
change; on this machine that is ~40 ms of every screen switch. This is one Static:
the same keys (the focused widget's, the screen's and the app's, those marked
`show`), redrawn when the bindings change, and a click on a key presses it.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

KEY_STYLE = "bold $footer-key-foreground"


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; width: 1fr; background: $footer-background;
             color: $footer-foreground; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self) -> None:
        super().__init__("", markup=False)
        self._spans: list[tuple[int, int, Binding, DOMNode]] = []
        self._shown: Content | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.redraw()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.redraw()

    def on_resize(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        """The keys that fit whole, in order; `?` (help, where the rest are) always."""
        keys: list[tuple[Content, Binding, DOMNode]] = []
        seen: set[str] = set()
        for node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or not enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            key = self.app.get_key_display(binding)
            keys.append((Content.assemble((f" {key}", KEY_STYLE), f" {binding.description} "),
                         binding, node))
        palette = Content.assemble(("^p", KEY_STYLE), " palette ")
        room = (self.size.width or self.app.size.width) - 1 - 2 - palette.cell_length
        room -= sum(piece.cell_length for piece, binding, _ in keys if binding.action == "help")
        shown = []
        for piece, binding, node in keys:
            if binding.action != "help":
                if piece.cell_length > room:
                    room = 0  # a key cut in half is worse than one left to ? and ctrl+p
                    continue
                room -= piece.cell_length
            shown.append((piece, binding, node))
        self._spans = []
        x = 1
        for piece, binding, node in shown:
            self._spans.append((x, x + piece.cell_length, binding, node))
            x += piece.cell_length
        parts = [piece for piece, _, _ in shown]
        content = Content.assemble(*parts, "  ", palette) if parts else palette
        if content != self._shown:
            # One line of a fixed size: no layout of the screen (a first visit resizes
            # every widget, and a layout per redraw cost a screen switch a repaint).
            self._shown = content
            self.update(content, layout=False)

    async def on_click(self, event: events.Click) -> None:
        for start, end, binding, node in self._spans:
            if start <= event.x + 1 < end:
                await self.app.run_action(binding.action, node)
                return
