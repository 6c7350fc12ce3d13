"""Screens kept built between visits (tui/app.py `kept`) show what a new one would."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from dashboard.helpers import settle
from store.db import Store
from tui.app import BilatApp
from tui.messages import StoreChanged
from tui.screens.board import BoardScreen
from tui.screens.compare import CompareScreen
from tui.screens.help import HelpScreen
from tui.screens.quotes import QuotesScreen
from tui.screens.topic import TopicScreen
from tui.widgets.entry_column import EntryColumn

SIZE = (120, 40)


async def test_a_kept_topic_screen_shows_the_topic_asked_for(demo_app: BilatApp) -> None:
    dyad = ["China", "United States"]
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        demo_app.open_topic("taiwan", None, dyad)
        await settle(pilot)
        first = demo_app.screen
        assert isinstance(first, TopicScreen)
        await pilot.press("escape")
        await settle(pilot)
        demo_app.open_topic("trade", None, dyad)
        await settle(pilot)
        screen = demo_app.screen
        assert screen is first, "the screen was kept"
        expected = demo_app.store.topic_history("trade", dyad)
        cards = list(screen.query(EntryColumn))
        assert cards and all(c.entry.topic_id == "trade" for c in cards)
        assert cards[-1].entry.meeting.id == expected[-1].meeting.id
        assert screen.focused is cards[-1]
        title = str(screen.query_one("#topic-title").render())
        assert "Trade" in title and "Taiwan" not in title


async def test_a_kept_compare_screen_follows_the_board_cursor(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        first = demo_app.screen
        assert isinstance(first, CompareScreen)
        newest = (first.left_id, first.right_id)
        await pilot.press("escape", "end", "left")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = demo_app.screen
        assert screen is first
        assert (screen.left_id, screen.right_id) != newest
        assert screen.right_id == newest[0], "the meeting before the newest, against its own"
        assert screen.details is not None
        assert [d.meeting.id for d in screen.details] == [screen.left_id, screen.right_id]


async def test_a_kept_screen_takes_a_new_theme(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        help_screen = demo_app.screen
        assert isinstance(help_screen, HelpScreen)
        before = help_screen.query_one("#help-dialog").styles.background
        await pilot.press("escape", "t", "question_mark")
        await settle(pilot)
        assert demo_app.screen is help_screen
        assert help_screen.query_one("#help-dialog").styles.background != before


async def test_kept_screens_are_rebuilt_after_the_store_changed(
    demo_app: BilatApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        first = demo_app.screen
        assert isinstance(first, QuotesScreen)
        rows = first.query_one(DataTable).row_count
        await pilot.press(*"zzz")
        await pilot.press("escape")
        await settle(pilot)
        # A quote fixed elsewhere: the kept screen would show the store as it was.
        quote = demo_store.search_quotes(None, limit=1)[0]
        demo_store.edit_quote(quote.id, speaker="Edited Speaker")
        demo_app.post_message(StoreChanged())
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, QuotesScreen) and screen is not first
        assert screen.query_one("#words", Input).value == ""
        assert screen.query_one(DataTable).row_count == rows
        assert any(q.speaker == "Edited Speaker" for q in screen.results.values())


async def wait_warmed(demo_app: BilatApp, pilot: object) -> None:
    """Until the warm-up has built the kept screens off-screen (tui/screen_keeper.py)."""
    for _ in range(200):
        if demo_app.warmed:
            return
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    raise AssertionError("the warm-up never finished")


async def test_the_warm_up_builds_the_kept_screens_the_first_visit_shows(
    demo_app: BilatApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_warmed(demo_app, pilot)
        built = demo_app.get_screen("kept-quotes")
        assert isinstance(built, QuotesScreen) and built.is_running, "built before a visit"
        assert built not in demo_app.screen_stack, "and not shown"
        await pilot.press("slash")
        await settle(pilot)
        assert demo_app.screen is built
        expected = demo_store.search_quotes(None, limit=200)
        assert built.query_one(DataTable).row_count == len(expected) > 0
        await pilot.press("escape")
        await settle(pilot)
        # Built for the board's newest meeting, as a first visit would compare it.
        board = demo_app.screen
        assert isinstance(board, BoardScreen) and board.board is not None
        await pilot.press("c")
        await settle(pilot)
        compare = demo_app.screen
        assert compare is demo_app.get_screen("kept-compare")
        assert isinstance(compare, CompareScreen) and compare.details is not None
        assert compare.right_id == board.board.meetings[-1].id
        assert [d.meeting.id for d in compare.details] == [compare.left_id, compare.right_id]


async def test_screens_built_by_the_warm_up_are_dropped_when_the_store_changes(
    demo_app: BilatApp, demo_store: Store
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_warmed(demo_app, pilot)
        built = demo_app.get_screen("kept-quotes")
        quote = demo_store.search_quotes(None, limit=1)[0]
        demo_store.edit_quote(quote.id, speaker="Edited Speaker")
        demo_app.post_message(StoreChanged())
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, QuotesScreen) and screen is not built
        assert any(q.speaker == "Edited Speaker" for q in screen.results.values())


async def test_a_screen_built_by_the_warm_up_takes_a_new_theme(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_warmed(demo_app, pilot)
        help_screen = demo_app.get_screen("kept-help")
        before = help_screen.query_one("#help-dialog").styles.background
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert demo_app.screen is help_screen
        assert help_screen.query_one("#help-dialog").styles.background != before


async def test_full_collections_run_at_rest_not_during_keys(demo_app: BilatApp) -> None:
    import gc

    from tui.screen_keeper import COLLECT_AFTER, IDLE_SECONDS

    before = gc.get_threshold()
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_warmed(demo_app, pilot)
        assert gc.get_threshold()[2] > before[2], "Python's own full collections come later"
        # Garbage in cycles, as Textual's line caches leave it, while keys come in.
        for _ in range(COLLECT_AFTER + 2):
            cycles = [[] for _ in range(2000)]
            for cell in cycles:
                cell.append(cell)
            del cycles
            gc.collect(1)
            await pilot.press("down")
        assert gc.get_count()[2] >= COLLECT_AFTER, "no full collection while keys came in"
        await pilot.pause(IDLE_SECONDS * 2.5)
        assert gc.get_count()[2] < COLLECT_AFTER, "one ran once the user paused"
    assert gc.get_threshold() == before, "given back at exit"


async def test_the_kept_meeting_screen_refuses_a_meeting_no_longer_stored(
    demo_app: BilatApp, demo_store: Store
) -> None:
    from tui.screens.meeting import MeetingScreen

    older, newest = demo_store.meetings(["China", "United States"])[-2:]
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        demo_app.open_meeting(newest.id)
        await settle(pilot)
        kept = demo_app.screen
        assert isinstance(kept, MeetingScreen)
        await pilot.press("escape")
        await settle(pilot)
        # Removed behind the dashboard's back (the palette still offers it).
        demo_store.remove_meeting(older.id)
        demo_app.open_meeting(older.id)
        await settle(pilot)
        assert isinstance(demo_app.screen, BoardScreen), "nothing stale is shown"
        assert any("no longer in the store" in str(n.message)
                   for n in demo_app._notifications)
        assert kept.meeting_id == newest.id
