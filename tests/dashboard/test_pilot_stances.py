"""Positions and commitments in the dashboard, driven as a user would: the topic screen's two
lanes, the Commitments screen (k, the palette), and the board's overdue mark."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, OptionList, Select

from dashboard.helpers import settle
from store.db import Store
from store.ingest import extract
from tui.app import BilatApp
from tui.screens.board import BoardScreen
from tui.screens.commitments import CommitmentEditScreen, CommitmentsScreen
from tui.screens.meeting import MeetingScreen
from tui.screens.topic import TopicScreen
from tui.widgets.board_grid import BoardGrid
from tui.widgets.entry_column import EntryColumn
from tui.widgets.position_lanes import GUTTER, PositionLanes

SIZE = (120, 40)
PAIR = ["China", "United States"]
TODAY = date(2025, 1, 1)  # the demo's "coming months" promises of 2023 are overdue by then


def lane_of(lines: list[str], words: str) -> int:
    """0 when `words` are in the left lane of their line, 1 in the right one."""
    line = next(line for line in lines if words in line)
    gutter = line.index(GUTTER) if GUTTER in line else len(line)
    return 0 if line.index(words) < gutter else 1


async def test_the_topic_screen_shows_each_side_in_its_own_lane(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        demo_app.open_topic("taiwan", None, PAIR)
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TopicScreen)
        lanes = screen.query_one(PositionLanes)
        lines = lanes.text_lines()
        assert lines[1].startswith("China said") and "United States said" in lines[1]
        # Newest meeting first, like the cards read right to left.
        headings = [line for line in lines if line[:4].isdigit()]
        assert headings[0].startswith("2024-11-16") and headings[-1] < headings[0]
        assert lane_of(lines, "! Xi Jinping:") == 0  # China's warning, China's lane
        assert lane_of(lines, "» Joe Biden:") == 1  # the US demand, the US lane
        # Only the meetings the screen holds, each with its topic's positions only.
        stored = demo_app.store.positions("taiwan", PAIR)
        assert lanes.position_count == len(stored) > 0
        assert {p.topic for _, found in lanes.meetings for p in found} == {"taiwan"}


async def test_the_lanes_follow_the_focused_card(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        demo_app.open_topic("taiwan", None, PAIR)
        await settle(pilot)
        lanes = pilot.app.screen.query_one(PositionLanes)
        assert lanes.scroll_offset.y == 0  # the newest meeting, focused, at the top
        await pilot.press("left", "left")
        await settle(pilot)
        focused = pilot.app.screen.focused
        assert isinstance(focused, EntryColumn)
        shown = lanes.text_lines()[2 + lanes.scroll_offset.y]
        assert lanes.scroll_offset.y > 0
        assert shown.startswith(str(focused.entry.meeting.meeting_date))


async def test_lanes_show_article_markup_literally(tmp_path: Path) -> None:
    text = (
        "Iceland and Peru discuss artificial intelligence\n\nMarch 3, 2025\n\n"
        "REYKJAVIK (Tidewire) - Icelandic Foreign Minister Anna Berg met Peruvian Foreign "
        "Minister Piet Koster in Reykjavik on Monday.\n\n"
        "On artificial intelligence, Berg said Iceland wants Peru to share its [bold]model[/] "
        "audits of artificial intelligence systems. Koster said Peru rejects [red]any[/red] "
        "limits on artificial intelligence research.\n"
    )
    with Store.open(tmp_path / "b.db") as store:
        store.add_draft(extract(text))
        app = BilatApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            app.open_topic("ai", None, ["Iceland", "Peru"])
            await settle(pilot)
            lines = pilot.app.screen.query_one(PositionLanes).text_lines()
            joined = " ".join(line.replace(GUTTER, " ") for line in lines)
            assert "[bold]model[/]" in joined.replace("  ", " ") or "[bold]model[/]" in joined
            assert lane_of(lines, "» Anna Berg:") == 0
            assert lane_of(lines, "≠ Piet Koster:") == 1
            assert "[red]any[/red]" in joined


async def test_k_lists_the_pairs_commitments_grouped_by_state(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, CommitmentsScreen) and screen.dyad == PAIR
        box = screen.query_one(OptionList)
        headings = [str(o.id) for o in box.options if o.disabled]
        order = ["h:open", "h:kept", "h:progressing", "h:stalled", "h:broken", "h:superseded"]
        assert headings == [h for h in order if h in headings] and headings[0] == "h:open"
        stored = demo_app.store.commitments(PAIR)
        assert len(box.options) - len(headings) == len(stored)
        overdue = [c for c in stored if c.overdue]
        assert overdue and f"{len(overdue)} overdue" in str(
            screen.query_one("#commitments-title").render())
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, BoardScreen)


async def open_commitments(pilot, app: BilatApp) -> CommitmentsScreen:  # type: ignore[no-untyped-def]
    app.push_screen(CommitmentsScreen(PAIR, today=TODAY))
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CommitmentsScreen)
    return screen


async def highlight(pilot, screen: CommitmentsScreen, commitment_id: int) -> None:  # type: ignore[no-untyped-def]
    box = screen.query_one(OptionList)
    box.highlighted = [o.id for o in box.options].index(f"c:{commitment_id}")
    await pilot.pause()


async def test_enter_opens_the_meeting_that_made_it_and_e_the_evidence(
    demo_app: BilatApp,
) -> None:
    kept = next(c for c in demo_app.store.commitments(PAIR) if c.state == "kept")
    assert kept.extracted.evidence_meeting_id not in (None, kept.meeting_id)
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_commitments(pilot, demo_app)
        await highlight(pilot, screen, kept.id)
        detail = str(screen.query_one("#commitment-detail").render())
        assert "evidence" in detail and kept.extracted.evidence.split()[0] in detail
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, MeetingScreen)
        assert pilot.app.screen.meeting_id == kept.meeting_id
        await pilot.press("escape", "e")
        await settle(pilot)
        assert isinstance(pilot.app.screen, MeetingScreen)
        assert pilot.app.screen.meeting_id == kept.extracted.evidence_meeting_id


async def test_setting_a_state_by_hand_is_journaled_and_clears_the_board_mark(
    demo_app: BilatApp,
) -> None:
    store = demo_app.store
    overdue = [c for c in store.commitments(PAIR, today=TODAY) if c.overdue]
    # Senior visits "in the coming months" (2023) and the theater commanders' video call a
    # defense official said "would resume in the coming months" (late 2023).
    assert {c.topic for c in overdue} == {"relations", "military"}
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        grid = pilot.app.screen.query_one(BoardGrid)
        assert {"relations", "military"} <= grid.overdue
        screen = await open_commitments(pilot, demo_app)
        for c in overdue:
            await highlight(pilot, screen, c.id)
            await pilot.press("s")
            await settle(pilot)
            dialog = pilot.app.screen
            assert isinstance(dialog, CommitmentEditScreen)
            dialog.query_one(Select).value = "kept"
            note = dialog.query_one(Input)
            note.focus()
            note.value = ""
            await pilot.press(*"[bold]met[/] in March", "enter")
            await settle(pilot)
            assert pilot.app.screen is screen
        for c in overdue:
            shown = store.commitment(c.id, today=TODAY)
            assert (shown.state, shown.manual_state, shown.note) == (
                "kept", "kept", "[bold]met[/] in March")
            assert shown.extracted.state == "open" and not shown.overdue
        assert store.journal(1)[0].action == "commitment"
        # The screen regrouped them under kept, and the board lost its mark.
        box = screen.query_one(OptionList)
        ids = [str(o.id) for o in box.options]
        assert ids.index(f"c:{overdue[0].id}") > ids.index("h:kept")
        assert "[bold]met[/] in March" in str(screen.query_one("#commitment-detail").render())
        await pilot.press("escape")
        await settle(pilot)
        assert not {"relations", "military"} & pilot.app.screen.query_one(BoardGrid).overdue


async def test_the_palette_opens_commitments(demo_app: BilatApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"commitments")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, CommitmentsScreen)


async def test_a_pair_without_commitments_says_so(tmp_path: Path) -> None:
    with Store.open(tmp_path / "b.db") as store:
        app = BilatApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("k")
            await settle(pilot)
            box = pilot.app.screen.query_one(OptionList)
            assert box.option_count == 1 and box.get_option_at_index(0).disabled
            await pilot.press("s")  # nothing to set: a warning, no dialog
            await settle(pilot)
            assert isinstance(pilot.app.screen, CommitmentsScreen)
