"""A line-API scroll view that resolves its component styles once per theme or style
change, not once per cell per frame: the base of the board grid, the timeline and the
position lanes, which draw every visible cell in `render_line`."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from textual.scroll_view import ScrollView


class StyledLineView(ScrollView):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._styles: dict[str, Style] = {}

    def notify_style_update(self) -> None:
        self._styles.clear()
        super().notify_style_update()

    def _style(self, name: str) -> Style:
        """The widget's own style for "", else the component class `name`'s."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = (
                self.rich_style if name == "" else self.get_component_rich_style(name)
            )
        return style
