"""The board and the topic screen hold a window of a long history and read older pages
as the user goes back."""

from __future__ import annotations

from pathlib import Path

from store_db.synthetic import PAIRS, draft
from textual.pilot import Pilot

from dashboard.helpers import settle
from store.db import Store
from store.db.queries import BOARD_WINDOW
from store.models import EntryView
from tui.app import BilatApp
from tui.screens.board import BoardScreen
from tui.screens.meeting import MeetingScreen
from tui.screens.timeline import TimelineScreen
from tui.screens.topic import FETCH, TopicScreen
from tui.timeaxis import bucket
from tui.widgets.board_grid import BoardGrid
from tui.widgets.entry_column import EntryColumn
from tui.widgets.position_lanes import PositionLanes
from tui.widgets.timeline_view import TimelineView

SIZE = (120, 40)


def _long_trade_history(tmp_path: Path) -> tuple[Store, list[EntryView]]:
    """A store whose one pair has more than two pages of trade history, and that history."""
    store = Store.open(tmp_path / "bilat.db")
    for i in range(0, 360, 2):
        store.add_draft(draft(i), new_meeting=True)
    whole = store.topic_history("trade", PAIRS[0])
    assert len(whole) > 2 * FETCH
    return store, whole


async def _open_trade(pilot: Pilot[None], app: BilatApp) -> TopicScreen:
    """Open the pair's trade topic; the screen holds only its newest page."""
    await settle(pilot)
    app.open_topic("trade", None, PAIRS[0])
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, TopicScreen) and not screen.complete
    return screen


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
    store, whole = _long_trade_history(tmp_path)
    app = BilatApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_trade(pilot, app)
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


async def test_timeline_reads_the_history_older_than_the_board_window(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bilat.db")
    total = 2 * BOARD_WINDOW + 90  # the board itself may read one page back
    for i in range(0, 2 * total, 2):  # one pair only: the even drafts
        store.add_draft(draft(i), new_meeting=True)
    dated = [m for m in store.meetings(PAIRS[0]) if m.meeting_date is not None]
    assert len(dated) > BOARD_WINDOW
    app = BilatApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        view = screen.query_one(TimelineView)
        assert view.board is not None and not view.complete
        held = len(view.placed.meetings)
        assert held < len(dated)
        # The axis reaches back to the first meeting even before it is read, and the
        # title counts the whole history.
        assert view.placed.first == bucket(dated[0].meeting_date, "month")
        assert f"{len(dated)} meetings" in str(screen.query_one("#timeline-title").render())
        # ← on the oldest meeting held reads the page before and steps onto its newest.
        view.meeting = 0
        oldest_held = view.placed.meetings[0].id
        await pilot.press("left")
        await settle(pilot)
        assert len(view.placed.meetings) > held
        index = [m.id for m in view.placed.meetings].index(oldest_held)
        assert view.meeting == index - 1
        # Zoomed out to years the whole history is in view: the rest is read.
        await pilot.press("minus", "minus")
        await settle(pilot)
        await settle(pilot)
        assert view.complete
        assert [m.id for m in view.placed.meetings] == [m.id for m in dated]
        axis = view.render_line(0).text
        assert str(dated[0].meeting_date.year) in axis
        # Home goes to the very first meeting; Enter opens it.
        await pilot.press("plus", "plus", "end", "home", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.meeting_id == dated[0].id
    store.close()


async def test_timeline_home_reads_back_to_the_first_meeting(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bilat.db")
    total = 2 * BOARD_WINDOW + 90  # the board itself may read one page back
    for i in range(0, 2 * total, 2):
        store.add_draft(draft(i), new_meeting=True)
    dated = [m for m in store.meetings(PAIRS[0]) if m.meeting_date is not None]
    app = BilatApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        view = app.screen.query_one(TimelineView)
        assert not view.complete
        await pilot.press("home")
        await settle(pilot)
        await settle(pilot)
        assert view.complete
        assert view.placed.meetings[view.meeting].id == dated[0].id
        # The cursor's cell is in view: the first month's column is drawn.
        assert view.scroll_offset.x == 0
    store.close()


async def test_scrolling_the_lanes_to_their_end_reads_older_meetings(tmp_path: Path) -> None:
    store, whole = _long_trade_history(tmp_path)
    app = BilatApp(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_trade(pilot, app)
        cards = [c.entry.meeting.id for c in screen.query(EntryColumn)]
        lanes = screen.query_one(PositionLanes)
        # Opening wraps only what the lanes show (and a screen more), not the whole page.
        assert 0 < lanes.wrapped_meetings < FETCH
        lanes.focus()
        await pilot.press("end")
        await settle(pilot)
        # The next page arrived below the oldest meeting shown: the lanes hold it, and the
        # screen's history goes back that far; the cards in view did not move.
        assert len(screen.history) == 2 * FETCH
        assert [e.meeting.id for e in screen.history] == [
            e.meeting.id for e in whole[-2 * FETCH:]]
        assert [ref.id for ref, _ in lanes.meetings] == [
            e.meeting.id for e in reversed(whole[-2 * FETCH:])]
        assert [c.entry.meeting.id for c in screen.query(EntryColumn)] == cards
        assert f"latest {2 * FETCH} meetings" in str(screen.query_one("#topic-title").render())
        # Older pages keep coming as the end is reached again, down to the first meeting.
        for _ in range(len(whole) // FETCH + 1):
            if screen.complete:
                break
            await pilot.press("end")
            await settle(pilot)
        assert screen.complete
        assert [e.meeting.id for e in screen.history] == [e.meeting.id for e in whole]
        headings = [line for line in lanes.text_lines() if "  · Round " in line]
        assert len(headings) == len(whole) and lanes.wrapped_meetings == len(whole)
    store.close()
