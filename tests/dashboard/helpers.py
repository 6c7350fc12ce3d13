"""Small Pilot helpers shared by the TUI tests."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import WorkerCancelled

from tui.widgets.content_view import ContentView


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker has finished and the screen has repainted."""
    await workers_done(pilot)
    await pilot.pause()
    await workers_done(pilot)
    await pilot.pause()


async def workers_done(pilot: Pilot[None]) -> None:
    """Every worker finished. A worker replaced by a newer one of its group (exclusive)
    is cancelled, which `wait_for_complete` raises: that is the app at work, not a
    failure, so the wait goes on for the others (a failed worker still raises)."""
    for _ in range(10):
        try:
            await pilot.app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue


def screen_text(pilot: Pilot[None]) -> str:
    """The plain text of every Static and every line-API text (cards, the article) on the
    current screen."""
    parts = []
    for widget in pilot.app.screen.query(Static):
        visual = widget.visual
        parts.append(getattr(visual, "plain", str(visual)))
    parts += [view.plain for view in pilot.app.screen.query(ContentView)]
    return "\n".join(parts)
