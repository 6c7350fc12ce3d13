"""SVG snapshots of the positions lanes (topic screen) and the Commitments screen, on the demo
store, at 80x24 and 120x40 in both themes. The Commitments screen is judged on a fixed day
(ages and overdue marks would otherwise move with the calendar). Update after an intended
change with: python -m pytest tests/dashboard/test_snapshots_stances.py --snapshot-update
"""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot

from dashboard.test_snapshots import LOOKS, still
from tui.app import BilatApp
from tui.screens.commitments import CommitmentsScreen

DYAD = ["China", "United States"]
TODAY = date(2025, 1, 1)


class TestPositionLanes:
    @LOOKS
    def test_lanes_russia_ukraine(self, snap_compare, demo_store, size, theme) -> None:  # type: ignore[no-untyped-def]
        app = BilatApp(demo_store, theme=theme)

        async def open_topic(pilot: Pilot[None]) -> None:
            await still(pilot)
            app.open_topic("russia-ukraine", None, DYAD)
            await still(pilot)

        assert snap_compare(app, terminal_size=size, run_before=open_topic)


class TestCommitments:
    @LOOKS
    def test_commitments(self, snap_compare, demo_store, size, theme) -> None:  # type: ignore[no-untyped-def]
        app = BilatApp(demo_store, theme=theme)

        async def open_commitments(pilot: Pilot[None]) -> None:
            await still(pilot)
            app.push_screen(CommitmentsScreen(DYAD, today=TODAY))
            await still(pilot)

        assert snap_compare(app, terminal_size=size, run_before=open_commitments)
