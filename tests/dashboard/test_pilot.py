"""Drive each screen as a user would and check what the screen and the store hold."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input

from dashboard.helpers import screen_text, settle
from store.db import Store
from store.ingest import extract
from store.models import Status
from tui.app import BilatApp
from tui.screens.board import BoardScreen
from tui.screens.compare import CompareScreen
from tui.screens.meeting import MeetingScreen
from tui.screens.quotes import QuotesScreen
from tui.screens.review import ReviewScreen
from tui.screens.topic import TopicScreen
from tui.widgets.board_grid import BoardGrid
from tui.widgets.changes_list import ChangesList

SIZE = (120, 40)


async def _row_of(pilot, topic_id: str) -> int:  # type: ignore[no-untyped-def]
    grid = pilot.app.screen.query_one(BoardGrid)
    return next(i for i, r in enumerate(grid.board.rows) if r.topic.id == topic_id)


async def test_board_shows_every_topic_and_latest_changes(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app.screen, BoardScreen)
        grid = pilot.app.screen.query_one(BoardGrid)
        board = grid.board
        assert board is not None and board.dyad == ["China", "United States"]
        assert len(board.meetings) == len(demo_app.store.meetings(board.dyad))
        ids = {r.topic.id for r in board.rows}
        assert {"taiwan", "fentanyl", "ai", "military"} <= ids
        assert pilot.app.screen.query_one(ChangesList).option_count >= 1


async def test_enter_on_a_row_opens_the_topic(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = await _row_of(pilot, "taiwan")
        for _ in range(row):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TopicScreen) and screen.topic_id == "taiwan"
        history = demo_app.store.topic_history("taiwan", ["China", "United States"])
        assert len(screen.history) == len(history) >= 3
        assert "Taiwan" in screen_text(pilot)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, BoardScreen)


async def test_edit_a_status_with_a_note_from_the_topic_screen(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        demo_app.open_topic("fentanyl", None, ["China", "United States"])
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TopicScreen)
        latest = screen.history[-1]
        await pilot.press("s")
        await pilot.pause()
        select = pilot.app.screen.query_one("#status-select")
        select.value = "tension"  # type: ignore[attr-defined]
        await pilot.click("#status-note")
        await pilot.press(*"analyst call", "enter")
        await settle(pilot)
        after = demo_app.store.topic_history("fentanyl", ["China", "United States"])[-1]
        assert after.meeting.id == latest.meeting.id
        assert after.status is Status.TENSION and after.overridden
        assert after.note == "analyst call"
        assert "(edited)" in screen_text(pilot)


async def test_compare_two_meetings_marks_differences(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        table = screen.query_one(DataTable)
        assert table.row_count >= 3
        marks = {str(table.get_row_at(i)[3]) for i in range(table.row_count)}
        assert marks & {"+ new", "− gone", "↑ better", "↓ worse"}


async def test_add_an_article_fixing_one_speaker(demo_app: BilatApp, tmp_path: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text(
        "U.S. and China envoys meet in Geneva\n\n"
        "By Staff Reporter March 3, 2025 | 10:00 AM\n\n"
        "GENEVA (Reuters) - U.S. Secretary of State Daniel Hart met Chinese Foreign Minister "
        "Tang Lei in Geneva on Monday and raised concerns about fentanyl shipments.\n\n"
        '"We need to see real action on fentanyl," Hart told reporters after the talks.\n',
        encoding="utf-8",
    )
    before = demo_app.store.counts()
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*str(article), "enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.draft.quotes, "the review shows the extracted quote"
        speaker = screen.query_one("#quote-0-speaker", Input)
        speaker.value = ""
        await pilot.click("#quote-0-speaker")
        await pilot.press(*"Daniel James Hart")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, BoardScreen)
    after = demo_app.store.counts()
    assert after["articles"] == before["articles"] + 1
    quotes = demo_app.store.search_quotes("fentanyl", speaker="Daniel James Hart")
    assert [q.text for q in quotes] == ["We need to see real action on fentanyl,"]


async def test_search_quotes_by_words(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, QuotesScreen)
        everything = screen.query_one(DataTable).row_count
        await pilot.press(*"Taiwan")
        await settle(pilot)
        table = screen.query_one(DataTable)
        assert 0 < table.row_count < everything
        expected = demo_app.store.search_quotes("Taiwan")
        assert table.row_count == len(expected)
        await pilot.press("enter")  # into the table
        await pilot.press("enter")  # open the first quote's meeting
        await settle(pilot)
        assert isinstance(pilot.app.screen, MeetingScreen)


async def test_export_writes_the_file_and_says_where(demo_app: BilatApp, tmp_path: Path) -> None:
    target = tmp_path / "out" / "timeline.md"
    target.parent.mkdir()
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        path = pilot.app.screen.query_one("#path", Input)
        path.value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, BoardScreen)
    text = target.read_text(encoding="utf-8")
    assert "Taiwan" in text


async def test_article_markup_shows_literally(tmp_path: Path) -> None:
    hostile = (
        "Envoys trade [bold]barbs[/bold] in Tokyo\n\n"
        "By Staff Reporter May 5, 2025 | 9:00 AM\n\n"
        "TOKYO (Reuters) - Japanese Prime Minister Ryota Minase met Chinese Premier Li Hua "
        "in Tokyo on Monday and raised concerns about trade [link=https://x.test]tariffs[/link].\n\n"
        '"We reject [/] and [bold red]all of it[/]," Li told reporters about trade.\n'
    )
    with Store.open(tmp_path / "b.db") as store:
        result = store.add_draft(extract(hostile.encode()))
        app = BilatApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            app.open_meeting(result.meeting_id)
            await settle(pilot)
            text = screen_text(pilot)
            assert "[bold]barbs[/bold]" in text
            assert "[link=https://x.test]tariffs[/link]" in text
            await pilot.press("escape", "slash")
            await pilot.press(*"reject")
            await settle(pilot)
            table = pilot.app.screen.query_one(DataTable)
            assert table.row_count == 1
            assert "[/] and [bold red]all of it[/]" in str(table.get_row_at(0)[3])


async def test_light_theme_and_the_palette_reach_a_topic(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        assert demo_app.theme == "bilat-light"
        assert pilot.app.screen.query_one(BoardGrid).board is not None
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"topic: open Taiwan")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TopicScreen) and screen.topic_id == "taiwan"
        await pilot.press("escape", "t")
        assert demo_app.theme == "bilat-dark"


async def test_help_lists_the_keys_and_closes(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(pilot)
        assert "command palette" in text and "set the status" in text
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, BoardScreen)
