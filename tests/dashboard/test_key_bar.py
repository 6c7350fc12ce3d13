"""The key bar at the bottom shows whole keys only, and always `?` and ctrl+p."""

from __future__ import annotations

from dashboard.helpers import settle
from tui.app import BilatApp
from tui.screens.meeting import MeetingScreen
from tui.widgets.key_bar import KeyBar


async def test_the_key_bar_drops_the_keys_that_do_not_fit_at_80_columns(
    demo_app: BilatApp,
) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        newest = demo_app.store.meetings()[-1]
        demo_app.open_meeting(newest.id)
        await settle(pilot)
        assert isinstance(demo_app.screen, MeetingScreen)
        bar = demo_app.screen.query_one(KeyBar)
        text = bar.render_line(0).text
        assert "…" not in text, text
        assert text.rstrip().endswith("^p palette") and "? Help" in text
        assert "esc Back" in text
        # Wider, every key is there again.
        await pilot.resize_terminal(160, 40)
        await settle(pilot)
        wide = bar.render_line(0).text
        assert "c Confirm" in wide and "s Sources" in wide
        assert len(wide.strip()) > len(text.strip())
