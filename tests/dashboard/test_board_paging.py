"""The board and the topic screen hold a window of a long history and read older pages
as the user goes back."""

from __future__ import annotations

from pathlib import Path

from store_db.synthetic import PAIRS, draft

from dashboard.helpers import settle
from store.db import Store
from store.db.queries import BOARD_WINDOW
from tui.app import BilatApp
from tui.screens.board import BoardScreen
from tui.screens.topic import FETCH, TopicScreen
from tui.widgets.board_grid import BoardGrid
from tui.widgets.entry_column import EntryColumn

SIZE = (120, 40)


async def test_scrolling_to_the_oldest_column_reads_the_page_before(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bilat.db")
    total = BOARD_WINDOW + 60
    for i in range(0, 2 * total, 2):  # one pair only: the even drafts
        store.add_draft(draft(i), new_meeting=True)
    every = store.meetings(PAIRS[0])
    assert len(every) == total
    app = BilatApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        grid = screen.query_one(BoardGrid)
        assert grid.board is not None
        # Opens with the newest window only, and says how many meetings there are in all.
        assert [m.id for m in grid.board.meetings] == [m.id for m in every[-BOARD_WINDOW:]]
        assert f"{total} meetings" in str(screen.query_one("#board-title").render())
        grid.cursor = type(grid.cursor)(0, 0)  # the oldest column held
        watched = grid.board.meetings[0].id
        await settle(pilot)
        await settle(pilot)
        board = grid.board
        assert board is not None and board.first_column == 0
        assert [m.id for m in board.meetings] == [m.id for m in every]
        # The cursor stays on the meeting it was on; the older cells arrived with the page.
        assert board.meetings[grid.cursor.column].id == watched
        whole = store.board(PAIRS[0], window=None)
        assert {r.topic.id: r.cells for r in board.rows} == {
            r.topic.id: r.cells for r in whole.rows}
    store.close()


async def test_topic_screen_pages_back_to_the_first_entry(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bilat.db")
    for i in range(0, 360, 2):
        store.add_draft(draft(i), new_meeting=True)
    whole = store.topic_history("trade", PAIRS[0])
    assert len(whole) > 2 * FETCH
    app = BilatApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_topic("trade", None, PAIRS[0])
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TopicScreen) and not screen.complete
        assert len(screen.history) == FETCH
        for _ in range(len(whole)):
            if screen.complete and screen.window_end <= screen.window:
                break
            await pilot.press("left_square_bracket")
        await settle(pilot)
        assert screen.complete
        assert [e.meeting.id for e in screen.history] == [e.meeting.id for e in whole]
        # The columns in view are the oldest entries.
        shown = [c.entry.meeting.id for c in screen.query(EntryColumn)]
        assert shown == [e.meeting.id for e in whole[: len(shown)]]
    store.close()
