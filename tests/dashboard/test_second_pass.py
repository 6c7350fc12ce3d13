"""What a newcomer hit in the first hour, pressed as a user would (Pilot at real sizes)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable, Input, OptionList, Select, TextArea

from dashboard.helpers import screen_text, settle
from store.db import Store
from store.ingest import extract
from tui.app import BilatApp
from tui.screens.add import AddScreen
from tui.screens.board import BoardScreen
from tui.screens.compare import CompareScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.export import ExportScreen
from tui.screens.meeting import MeetingScreen
from tui.screens.pair_picker import PairPickerScreen
from tui.screens.quotes import QuotesScreen
from tui.screens.timeline import TimelineScreen
from tui.screens.topic import TopicScreen
from tui.widgets.board_grid import STALE_MARK, BoardGrid
from tui.widgets.changes_list import ChangesList
from tui.widgets.entry_column import _PLAIN_MARKS, EntryColumn
from tui.widgets.timeline_view import TimelineView

SIZE = (120, 40)
PAIR = ["China", "United States"]


def _palette_prompts(pilot) -> list[str]:  # type: ignore[no-untyped-def]
    hits = pilot.app.screen.query_one(CommandList)
    return [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]


async def test_add_screen_paste_box_is_tall_and_tab_completes(demo_app: BilatApp,
                                                             tmp_path: Path) -> None:
    (tmp_path / "talks-in-geneva.txt").write_text("x", encoding="utf-8")
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(pilot.app.screen, AddScreen)
        assert pilot.app.screen.query_one(TextArea).size.height >= 5
        await pilot.press(*f"{tmp_path}/talks-")
        await pilot.pause(0.2)
        await pilot.press("tab")
        await pilot.pause()
        assert pilot.app.screen.query_one("#add-path", Input).value == str(
            tmp_path / "talks-in-geneva.txt"
        )


async def test_board_right_from_topics_stays_on_the_newest_and_says_what_is_older(
    demo_app: BilatApp,
) -> None:
    async with demo_app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        grid = pilot.app.screen.query_one(BoardGrid)
        assert grid.board is not None
        count = len(grid.board.meetings)
        visible = grid._visible_columns(grid.scroll_offset.x)
        assert visible.stop == count and visible.start > 0, "the newest column is in view"
        assert f"◀ {visible.start} older" in grid.render_line(0).text
        await pilot.press("right")
        assert grid.cursor.column == visible.start, "→ enters the meetings on screen"
        await pilot.press("end")
        pilot.app.screen.refresh()
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        visible = grid._visible_columns(grid.scroll_offset.x)
        assert visible.stop == count, "a resize keeps the newest column"
        await pilot.resize_terminal(200, 50)
        await settle(pilot)
        side = pilot.app.screen.query_one("#board-side")
        assert side.size.width > 60, "a wide terminal gives the changes panel the spare width"


async def test_board_changes_follow_the_cursor_and_stale_topics_are_marked(
    demo_app: BilatApp,
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, BoardScreen) and screen.board is not None
        meetings = screen.board.meetings
        title = str(screen.query_one("#changes-title").render())
        assert str(meetings[-1].meeting_date) in title
        await pilot.press("end", "left", "left")
        await pilot.pause(0.3)
        await settle(pilot)
        title = str(screen.query_one("#changes-title").render())
        assert str(meetings[-3].meeting_date) in title
        expected = demo_app.store.changes(meetings[-3].id, PAIR)
        assert screen.query_one(ChangesList).option_count == max(len(expected), 1)
        grid = screen.query_one(BoardGrid)
        stale_rows = [i for i, r in enumerate(grid.board.rows) if r.topic.id in grid.stale]
        assert stale_rows, "the demo has topics not raised for 5 meetings"
        line = grid.render_line(2 + stale_rows[0]).text
        assert f" {STALE_MARK}" in line


async def test_pair_picker_shows_counts_and_switches_the_board(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "pair 1/2" in str(pilot.app.screen.query_one("#board-title").render())
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PairPickerScreen)
        options = pilot.app.screen.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in
                  range(options.option_count)]
        assert any("China – India" in label and "meeting" in label for label in labels)
        await pilot.press("down", "enter")
        await settle(pilot)
        board = pilot.app.screen
        assert isinstance(board, BoardScreen) and board.dyad == ["China", "India"]
        assert "pair 2/2" in str(board.query_one("#board-title").render())


async def test_topic_paging_keeps_a_focused_card_and_cards_fit_and_scroll(
    demo_app: BilatApp,
) -> None:
    # 24 rows: a card then holds more than fits, whatever the length of the samples' text.
    async with demo_app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        demo_app.open_topic("taiwan", None, PAIR)
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TopicScreen)
        cards = list(screen.query(EntryColumn))
        assert len(cards) == 3, "three cards side by side at 120 columns"
        assert any(card.max_scroll_y > 0 for card in cards), "a tall card scrolls"
        await pilot.press("left_square_bracket")
        await settle(pilot)
        focused = screen.focused
        assert isinstance(focused, EntryColumn)
        assert focused.entry is screen.history[screen.selected]
        assert focused in list(screen.query(EntryColumn)), "the card keys act on is on screen"
        await pilot.press("s")
        await settle(pilot)
        assert pilot.app.screen.entry.meeting.id == focused.entry.meeting.id  # type: ignore[attr-defined]


async def test_topic_changes_are_grouped_newest_first_and_enter_opens_the_meeting(
    demo_app: BilatApp,
) -> None:
    # 24 rows: a card then holds more than fits, whatever the length of the samples' text.
    async with demo_app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        demo_app.open_topic("taiwan", None, PAIR)
        await settle(pilot)
        changes = pilot.app.screen.query_one("#topic-changes", OptionList)
        headings = [str(changes.get_option_at_index(i).prompt) for i in
                    range(changes.option_count)
                    if str(changes.get_option_at_index(i).id).endswith(":h")]
        dates = [h.split()[0] for h in headings]
        assert len(dates) >= 2 and dates == sorted(dates, reverse=True)
        changes.focus()
        changes.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, MeetingScreen)
        assert str(screen.detail.meeting.meeting_date) == dates[0]  # type: ignore[union-attr]


async def test_topic_summary_is_not_repeated(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        demo_app.open_topic("taiwan", None, PAIR)
        await settle(pilot)
        text = screen_text(pilot).translate(_PLAIN_MARKS)
        assert "Summary" not in text
        for card in pilot.app.screen.query(EntryColumn):
            evidence = card.entry.evidence.translate(_PLAIN_MARKS)
            assert evidence and text.count(evidence[:60]) == 1


async def test_compare_offers_one_pair_and_shows_both_excerpts_wrapped(
    demo_app: BilatApp,
) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        pair_ids = {m.id for m in demo_app.store.meetings(PAIR)}
        picker = screen.query_one("#left", Select)
        offered = {value for _, value in picker._options if isinstance(value, int)}
        assert offered == pair_ids
        table = screen.query_one(DataTable)
        row = next(i for i in range(table.row_count) if str(table.get_row_at(i)[3]) == "= same")
        table.move_cursor(row=row)
        await settle(pilot)
        evidence = screen.query_one("#compare-evidence")
        text = str(evidence.render())
        assert text.count("\n") >= 2 and "A " in text and "B " in text
        topic = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        _, right = screen.entries[topic]
        assert right is not None and right.evidence[-20:] in text.replace("\n", " ") or \
            right.evidence[-20:].split()[-1] in text


async def test_quotes_down_highlight_copy_and_open_at_the_quote(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, QuotesScreen)
        await pilot.press(*"red line")
        await settle(pilot)
        await pilot.press("down")
        table = screen.query_one(DataTable)
        assert pilot.app.focused is table
        cell = table.get_row_at(0)[3]
        assert any("underline" in str(span.style) for span in cell.spans), "matches highlighted"
        await pilot.press("y")
        await pilot.pause()
        quote = screen.results[str(table.coordinate_to_cell_key((0, 0)).row_key.value)]
        assert demo_app.clipboard.startswith(f"“{quote.text}” — {quote.speaker}")
        assert str(quote.meeting_date) in demo_app.clipboard
        await pilot.press("enter")
        await settle(pilot)
        meeting = pilot.app.screen
        assert isinstance(meeting, MeetingScreen) and meeting.focus_quote == quote.id
        await pilot.press("y")
        await pilot.pause()
        assert demo_app.clipboard.startswith(f"“{quote.text}”")


async def test_palette_finds_meetings_by_place_without_textual_defaults(
    demo_app: BilatApp,
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"screenshot")
        await pilot.pause(0.4)
        assert not any("Screenshot" in p or "Maximize" in p for p in _palette_prompts(pilot))
        palette = pilot.app.screen
        assert isinstance(palette, CommandPalette)
        palette.query_one(Input).value = "human rights"
        await pilot.pause(0.4)
        # Human rights was raised for China–United States only once, but raised: offered.
        assert any("Human rights" in p for p in _palette_prompts(pilot))
        palette.query_one(Input).value = "lima"
        await pilot.pause(0.4)
        assert "Lima" in _palette_prompts(pilot)[0]
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, MeetingScreen)
        assert "Lima" in (screen.detail.meeting.location or "")  # type: ignore[union-attr]


async def test_palette_hides_topics_never_raised_for_the_pair(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        raised = {r.topic.id for r in pilot.app.screen.board.rows}  # type: ignore[attr-defined]
        never = [t for t in demo_app.store.topics() if t.id not in raised]
        assert never, "the demo pair never raised some default topics"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*f"topic: open {never[0].name}")
        await pilot.pause(0.4)
        assert not any(f"topic: open {never[0].name}" == p for p in _palette_prompts(pilot))


async def test_export_asks_before_overwriting_and_remembers(demo_store: Store,
                                                          tmp_path: Path) -> None:
    settings = tmp_path / "config" / "tui.json"
    target = tmp_path / "out" / "t.csv"
    target.parent.mkdir()
    target.write_text("keep me", encoding="utf-8")
    app = BilatApp(demo_store, settings_path=settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ExportScreen)
        screen.query_one("#format", Select).value = "csv"
        await pilot.pause()
        screen.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") != "keep me"
        assert isinstance(pilot.app.screen, BoardScreen)
    again = BilatApp(demo_store, settings_path=settings)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.query_one("#format", Select).value == "csv"
        assert screen.query_one("#path", Input).value == str(target.parent / "bilat-timeline.csv")


async def test_theme_is_saved_and_help_has_a_title_and_a_close_hint(demo_store: Store,
                                                                   tmp_path: Path) -> None:
    settings = tmp_path / "config" / "tui.json"
    app = BilatApp(demo_store, settings_path=settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(pilot)
        assert "keys and screens" in text and "escape" in text and "closes" in text
    assert BilatApp(demo_store, settings_path=settings).theme == "bilat-light"


async def test_timeline_shows_years_lanes_zooms_and_opens_a_meeting(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TimelineScreen)
        view = screen.query_one(TimelineView)
        axis = view.render_line(0).text
        assert "2023" in axis and "2024" in axis
        assert view.board is not None and len(view.board.rows) >= 5
        await pilot.press("minus")
        assert view.zoom == "quarter" and "Q" in view.render_line(1).text
        await pilot.press("minus")
        assert view.zoom == "year"
        await pilot.press("plus", "plus")
        assert view.zoom == "month"
        await pilot.press("left", "enter")
        await settle(pilot)
        meeting = pilot.app.screen
        assert isinstance(meeting, MeetingScreen)
        assert meeting.meeting_id == view.placed.meetings[-2].id


async def test_markup_in_titles_and_topic_names_shows_literally(tmp_path: Path) -> None:
    from store.models import Topic

    hostile = "Talks [/] on [link=http://x]trade[/link] and [bold]more"
    with Store.open(tmp_path / "h.db") as store:
        draft = extract(
            b"Envoys meet in Geneva\n\nBy Staff Reporter March 3, 2025 | 10:00 AM\n\n"
            b"GENEVA (Reuters) - U.S. Secretary of State Marco Rubio met Chinese Foreign "
            b"Minister Wang Yi in Geneva on Monday and raised concerns about fentanyl.\n"
        )
        store.add_draft(draft.model_copy(update={"title": hostile}))
        second = extract(
            b"Envoys meet again in Geneva\n\nBy Staff Reporter April 3, 2025 | 10:00 AM\n\n"
            b"GENEVA (Reuters) - U.S. Secretary of State Marco Rubio met Chinese Foreign "
            b"Minister Wang Yi in Geneva on Thursday and agreed on fentanyl steps.\n"
        )
        store.add_draft(second.model_copy(update={"title": "[/]"}))
        store.add_topic(Topic(id="odd", name="[bold]Odd[/] topic", keywords=["zzz"]))
        app = BilatApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("c")
            await settle(pilot)
            assert isinstance(pilot.app.screen, CompareScreen)
            await pilot.press("escape", "e")
            await settle(pilot)
            assert isinstance(pilot.app.screen, ExportScreen)
            await pilot.press("escape", "ctrl+p")
            await pilot.pause()
            await pilot.press(*"trade")
            await pilot.pause(0.4)
            assert any("[link=http://x]trade[/link]" in p for p in _palette_prompts(pilot))
            await pilot.press("escape", "T")
            await settle(pilot)
            assert isinstance(pilot.app.screen, TimelineScreen)
        assert app.return_code in (None, 0)


async def test_another_process_adding_shows_on_the_open_board(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    samples = sorted(p for p in (root / "sample_articles").iterdir() if p.name[0].isdigit())
    path = tmp_path / "live.db"
    with Store.open(path) as store:
        store.add_draft(extract(samples[0].read_bytes()))
        app = BilatApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            grid = pilot.app.screen.query_one(BoardGrid)
            assert grid.board is not None and len(grid.board.meetings) == 1
            from bilat_process import bilat_cmd, env_for

            lima = next(p for p in samples if "lima" in p.name)
            subprocess.run([*bilat_cmd(), "add", "--yes", str(lima)], env=env_for(path),
                           check=True, capture_output=True, timeout=60,
                           stdin=subprocess.DEVNULL)
            for _ in range(30):
                await pilot.pause(0.1)
                if len(grid.board.meetings) == 2:
                    break
            assert len(grid.board.meetings) == 2, "the board reloaded within 3 s"
            assert any("+1 meeting" in str(n.message) for n in app._notifications)


def test_bilat_exits_non_zero_after_a_crash(tmp_path: Path) -> None:
    # A crash is what Textual reports with a traceback; the exit code must say so too.
    script = (
        "import sys\n"
        "from store.db import Store\n"
        "import tui.app as ui\n"
        "class Crashing(ui.BilatApp):\n"
        "    def on_mount(self):\n"
        "        raise RuntimeError('boom')\n"
        "ui.BilatApp = Crashing\n"
        "sys.exit(ui.run(store=sys.argv[1]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "c.db")],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
        env={**__import__("os").environ, "TERM": "dumb", "TEXTUAL": ""},
        cwd=shutil.os.getcwd(),
    )
    assert done.returncode != 0, done.stdout[-500:] + done.stderr[-500:]


async def test_mouse_click_focuses_a_card_and_double_click_opens_it(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        demo_app.open_topic("taiwan", None, PAIR)
        await settle(pilot)
        first = list(pilot.app.screen.query(EntryColumn))[0]
        await pilot.click(first, offset=(3, 3))
        await pilot.pause()
        assert pilot.app.screen.focused is first
        await pilot.click(first, offset=(3, 3), times=2)
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, MeetingScreen) and screen.meeting_id == first.entry.meeting.id


async def test_export_button_and_fields_are_whole_at_80x24(demo_app: BilatApp) -> None:
    from textual.widgets import Button

    from tui.widgets.key_bar import KeyBar

    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        demo_app.action_export()
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, ExportScreen)
        button = screen.query_one("#export", Button).region
        keys = screen.query_one(KeyBar).region
        assert button.height == 3 and not button.overlaps(keys), "the key bar hid the button"
        # The fields below the fold are reached by Tab (the form scrolls), never cut off.
        path = screen.query_one("#path")
        path.focus()
        await settle(pilot)
        form = screen.query_one("#export-form").region
        assert form.contains_region(path.region)
