"""SVG snapshots of the screens that define bilat's look, on the demo store at 120x40.

Update after an intended change with: python -m pytest tests/tui --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from dashboard.helpers import settle
from store.ingest import extract
from tui.app import BilatApp
from tui.demo import SAMPLES
from tui.screens.review import ReviewScreen

SIZE = (120, 40)
DYAD = ["China", "United States"]


class TestBoard:
    def test_board(self, snap_compare, demo_app: BilatApp) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(demo_app, terminal_size=SIZE, run_before=settle)


class TestTopic:
    def test_topic_taiwan(self, snap_compare, demo_app: BilatApp) -> None:  # type: ignore[no-untyped-def]
        async def open_topic(pilot: Pilot[None]) -> None:
            await settle(pilot)
            demo_app.open_topic("taiwan", None, DYAD)
            await settle(pilot)

        assert snap_compare(demo_app, terminal_size=SIZE, run_before=open_topic)


class TestCompare:
    def test_compare_latest_two(self, snap_compare, demo_app: BilatApp) -> None:  # type: ignore[no-untyped-def]
        async def compare(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("c")
            await settle(pilot)

        assert snap_compare(demo_app, terminal_size=SIZE, run_before=compare)


class TestArticle:
    def test_meeting_article(self, snap_compare, demo_app: BilatApp) -> None:  # type: ignore[no-untyped-def]
        async def open_meeting(pilot: Pilot[None]) -> None:
            await settle(pilot)
            latest = demo_app.store.meetings(DYAD)[-1]
            demo_app.open_meeting(latest.id)
            await settle(pilot)

        assert snap_compare(demo_app, terminal_size=SIZE, run_before=open_meeting)


class TestAddReview:
    def test_review_draft(self, snap_compare, demo_app: BilatApp) -> None:  # type: ignore[no-untyped-def]
        sample = sorted(Path(SAMPLES).glob("*factbox*"))[0]
        draft = extract(sample.read_bytes())

        async def review(pilot: Pilot[None]) -> None:
            await settle(pilot)
            demo_app.push_screen(ReviewScreen(draft, sample.name))
            await settle(pilot)

        assert snap_compare(demo_app, terminal_size=SIZE, run_before=review)
