"""SVG snapshots of the screens that define bilat's look, on the demo store.

Board, topic, timeline, compare, quotes and add at 80x24 and 120x40 in both themes;
the article and the review draft at 120x40. Update after an intended change with:
python -m pytest tests/dashboard/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from dashboard.helpers import settle
from store.ingest import extract
from tui.app import BilatApp
from tui.demo import SAMPLES
from tui.screens.review import ReviewScreen
from tui.themes import DARK_THEME, LIGHT_THEME

SIZE = (120, 40)
DYAD = ["China", "United States"]
LOOKS = pytest.mark.parametrize(
    "size,theme",
    [((80, 24), DARK_THEME), ((80, 24), LIGHT_THEME), ((120, 40), DARK_THEME),
     ((120, 40), LIGHT_THEME)],
    ids=["80x24-dark", "80x24-light", "120x40-dark", "120x40-light"],
)


async def still(pilot: Pilot[None]) -> None:
    """Workers done, cursors not blinking: the same picture every run."""
    await settle(pilot)
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False
    await pilot.pause()


def pressing(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await still(pilot)

    return run_before


class TestBoard:
    @LOOKS
    def test_board(self, snap_compare, demo_store, size, theme) -> None:  # type: ignore[no-untyped-def]
        app = BilatApp(demo_store, theme=theme)
        assert snap_compare(app, terminal_size=size, run_before=still)


class TestTopic:
    @LOOKS
    def test_topic_taiwan(self, snap_compare, demo_store, size, theme) -> None:  # type: ignore[no-untyped-def]
        app = BilatApp(demo_store, theme=theme)

        async def open_topic(pilot: Pilot[None]) -> None:
            await settle(pilot)
            app.open_topic("taiwan", None, DYAD)
            await still(pilot)

        assert snap_compare(app, terminal_size=size, run_before=open_topic)


class TestTimeline:
    @LOOKS
    def test_timeline(self, snap_compare, demo_store, size, theme) -> None:  # type: ignore[no-untyped-def]
        app = BilatApp(demo_store, theme=theme)
        assert snap_compare(app, terminal_size=size, run_before=pressing("T"))


class TestCompare:
    @LOOKS
    def test_compare_latest_two(self, snap_compare, demo_store, size, theme) -> None:  # type: ignore[no-untyped-def]
        app = BilatApp(demo_store, theme=theme)
        assert snap_compare(app, terminal_size=size, run_before=pressing("c"))


class TestQuotes:
    @LOOKS
    def test_quotes_red_line(self, snap_compare, demo_store, size, theme) -> None:  # type: ignore[no-untyped-def]
        app = BilatApp(demo_store, theme=theme)
        keys = pressing("slash", *"red line", "down")
        assert snap_compare(app, terminal_size=size, run_before=keys)


class TestAdd:
    @LOOKS
    def test_add(self, snap_compare, demo_store, size, theme) -> None:  # type: ignore[no-untyped-def]
        app = BilatApp(demo_store, theme=theme)
        assert snap_compare(app, terminal_size=size, run_before=pressing("a"))


class TestArticle:
    def test_meeting_article(self, snap_compare, demo_app: BilatApp) -> None:  # type: ignore[no-untyped-def]
        async def open_meeting(pilot: Pilot[None]) -> None:
            await settle(pilot)
            latest = demo_app.store.meetings(DYAD)[-1]
            demo_app.open_meeting(latest.id)
            await still(pilot)

        assert snap_compare(demo_app, terminal_size=SIZE, run_before=open_meeting)


class TestAddReview:
    def test_review_draft(self, snap_compare, demo_app: BilatApp) -> None:  # type: ignore[no-untyped-def]
        sample = sorted(Path(SAMPLES).glob("*factbox*"))[0]
        draft = extract(sample.read_bytes())

        async def review(pilot: Pilot[None]) -> None:
            await settle(pilot)
            demo_app.push_screen(ReviewScreen(draft, sample.name))
            await still(pilot)

        assert snap_compare(demo_app, terminal_size=SIZE, run_before=review)
