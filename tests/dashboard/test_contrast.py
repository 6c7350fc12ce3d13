"""Every text colour the dashboard draws reaches 4.5:1 against its background, in both themes.

Each screen is driven to a typical state and its rendered cells are read back: the
colours checked are the ones a user sees, theme variables and Textual's defaults resolved.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from dashboard.contrast import MINIMUM, low_contrast
from dashboard.helpers import settle
from store.db import Store
from tui.app import BilatApp
from tui.themes import DARK_THEME, LIGHT_THEME

PAIR = ["China", "United States"]

# (name, keys from the board, id of the dialog to check alone, or None for the whole screen)
SCREENS = [
    ("board", [], None),
    ("board, cursor in the matrix", ["end", "left"], None),
    ("topic", ["down", "enter"], None),
    ("compare", ["c"], None),
    ("quotes", ["slash", *"red line", "down"], None),
    ("timeline", ["T"], None),
    ("add", ["a"], None),
    ("export", ["e"], None),
    ("meeting", ["m"], None),
    ("help", ["question_mark"], "#help-dialog"),
    ("pair picker", ["d"], "#pair-dialog"),
    ("status edit", ["down", "enter", "s"], "#status-dialog"),
    ("commitments", ["k"], None),
    ("commitment state", ["k", "s"], "#status-dialog"),
]


async def _check(pilot: Pilot[None], keys: list[str], dialog: str | None) -> list[object]:
    await pilot.press(*keys)
    await settle(pilot)
    await pilot.pause(0.2)
    region = pilot.app.screen.query_one(dialog).region if dialog else None
    return list(low_contrast(pilot.app, region))


@pytest.mark.parametrize("theme", [DARK_THEME, LIGHT_THEME])
async def test_every_text_colour_reaches_4_5_to_1(demo_store: Store, theme: str) -> None:
    failures: dict[str, list[object]] = {}
    for name, keys, dialog in SCREENS:
        app = BilatApp(demo_store, theme=theme)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            low = await _check(pilot, keys, dialog)
            if low:
                failures[name] = low
    assert not failures, f"under {MINIMUM}:1 in {theme}: {failures}"


async def test_the_check_sees_faint_text(demo_store: Store) -> None:
    # Textual's own light theme draws accent text at ~3:1: the check must notice.
    app = BilatApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.theme = "textual-light"
        await pilot.pause(0.2)
        assert low_contrast(app)
