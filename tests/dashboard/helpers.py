"""Small Pilot helpers shared by the TUI tests."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from tui.widgets.content_view import ContentView


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker has finished and the screen has repainted."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def screen_text(pilot: Pilot[None]) -> str:
    """The plain text of every Static and every line-API text (cards, the article) on the
    current screen."""
    parts = []
    for widget in pilot.app.screen.query(Static):
        visual = widget.visual
        parts.append(getattr(visual, "plain", str(visual)))
    parts += [view.plain for view in pilot.app.screen.query(ContentView)]
    return "\n".join(parts)
