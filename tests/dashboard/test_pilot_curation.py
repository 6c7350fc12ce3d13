"""Curation in the dashboard, driven as a user would: fix a meeting from its screen, a review
that wants a date, the side following the speaker, sources, and `u` to undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, OptionList, Select, TextArea

from dashboard.helpers import screen_text, settle
from store.db import Store
from store.ingest import extract
from store.models import Actor
from tui.app import BilatApp
from tui.screens.board import BoardScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.meeting import MeetingScreen
from tui.screens.meeting_edit import MeetingEditScreen
from tui.screens.quote_edit import QuoteEditScreen, QuotePickScreen
from tui.screens.review import ReviewScreen
from tui.screens.sources import SourcesScreen

SIZE = (120, 40)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cli"
WIRE = FIXTURES / "laos-talks-wire.txt"
READOUT = FIXTURES / "laos-talks-readout.txt"


def notes(app: BilatApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def open_meeting(pilot, meeting_id: int) -> MeetingScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    pilot.app.open_meeting(meeting_id)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    return screen


async def test_edit_a_meeting_from_its_screen(tmp_path: Path) -> None:
    with Store.open(tmp_path / "b.db") as store:
        mid = store.add_draft(extract(WIRE.read_bytes())).meeting_id
        app = BilatApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await open_meeting(pilot, mid)
            await pilot.press("e")
            await pilot.pause()
            dialog = pilot.app.screen
            assert isinstance(dialog, MeetingEditScreen)
            dialog.query_one("#edit-date", Input).value = "2024-07-26"
            dialog.query_one("#edit-place", Input).value = "Vientiane"
            dialog.query_one("#edit-title", Input).value = "Blinken and Wang in Vientiane"
            people = dialog.query_one("#edit-people", TextArea)
            people.text += "\nKurt Campbell; Deputy Secretary; United States"
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(pilot.app.screen, MeetingScreen)
            shown = screen_text(pilot)
            assert "Blinken and Wang in Vientiane" in shown and "2024-07-26" in shown
            assert "Kurt Campbell" in shown
        detail = store.meeting(mid)
        assert (detail.meeting.meeting_date, detail.meeting.location) == (
            date(2024, 7, 26), "Vientiane")
        assert "Kurt Campbell" in {a.name for a in detail.participants}
        assert [e.action for e in store.journal()][:2] == ["participants", "edit"]


async def test_a_bad_date_in_the_meeting_dialog_is_refused(tmp_path: Path) -> None:
    with Store.open(tmp_path / "b.db") as store:
        mid = store.add_draft(extract(WIRE.read_bytes())).meeting_id
        app = BilatApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await open_meeting(pilot, mid)
            await pilot.press("e")
            await pilot.pause()
            pilot.app.screen.query_one("#edit-date", Input).value = "last Friday"
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(pilot.app.screen, MeetingEditScreen)
            assert any("not YYYY-MM-DD" in n for n in notes(app))
        assert store.meeting(mid).meeting.meeting_date == date(2024, 7, 27)


async def test_fix_a_quote_speaker_and_its_side_follows(tmp_path: Path) -> None:
    with Store.open(tmp_path / "b.db") as store:
        mid = store.add_draft(extract(WIRE.read_bytes())).meeting_id
        wang = next(q for q in store.meeting(mid).quotes if q.speaker == "Wang Yi")
        # The words go to an invented official on the U.S. side, never to a real person.
        store.edit_participants(mid, add=[Actor(name="Ruth Calder", role="deputy secretary",
                                                country="United States")])
        app = BilatApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await open_meeting(pilot, mid)
            await pilot.press("f")
            await pilot.pause()
            pick = pilot.app.screen
            assert isinstance(pick, QuotePickScreen)
            listing = pick.query_one(OptionList)
            listing.highlighted = next(
                i for i in range(listing.option_count)
                if listing.get_option_at_index(i).id == str(wang.id))
            listing.focus()
            await pilot.press("enter")
            await pilot.pause()
            edit = pilot.app.screen
            assert isinstance(edit, QuoteEditScreen)
            speaker = edit.query_one("#quote-speaker", Input)
            speaker.value = ""
            speaker.focus()
            await pilot.press(*"Ruth Calder")
            await pilot.pause()
            assert edit.query_one("#quote-side", Select).value == "United States"
            await pilot.press("ctrl+s")
            await settle(pilot)
        fixed = next(q for q in store.meeting(mid).quotes if q.id == wang.id)
        assert (fixed.speaker, fixed.speaker_country) == ("Ruth Calder", "United States")


async def test_review_refuses_to_save_without_a_date(tmp_path: Path) -> None:
    draft = extract(WIRE.read_bytes()).model_copy(update={"meeting_date": None})
    with Store.open(tmp_path / "b.db") as store:
        app = BilatApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            app.push_screen(ReviewScreen(draft, "laos.txt"))
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(pilot.app.screen, ReviewScreen)
            assert any("meeting date" in n for n in notes(app)), notes(app)
            assert store.counts()["meetings"] == 0
            pilot.app.screen.query_one("#meeting-date", Input).value = "2024-07-27"
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(pilot.app.screen, BoardScreen)
        (meeting,) = store.meetings()
        assert meeting.meeting_date == date(2024, 7, 27)


async def test_review_side_goes_with_the_speaker_and_participants_are_editable(
    tmp_path: Path,
) -> None:
    draft = extract(WIRE.read_bytes())
    i = next(n for n, q in enumerate(draft.quotes) if q.speaker == "Wang Yi")
    with Store.open(tmp_path / "b.db") as store:
        app = BilatApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            app.push_screen(ReviewScreen(draft, "laos.txt"))
            await settle(pilot)
            screen = pilot.app.screen
            people = screen.query_one("#participants", TextArea)
            people.text += "\nRuth Calder; national security adviser; United States"
            speaker = screen.query_one(f"#quote-{i}-speaker", Input)
            speaker.value = "Ruth Calder"
            await pilot.pause()
            assert screen.query_one(f"#quote-{i}-side", Select).value == "United States"
            await pilot.press("ctrl+s")
            await settle(pilot)
        (meeting,) = store.meetings()
        detail = store.meeting(meeting.id)
        assert "Ruth Calder" in {a.name for a in detail.participants}
        moved = [q for q in detail.quotes if q.speaker == "Ruth Calder"]
        assert [q.speaker_country for q in moved] == ["United States"]


async def test_escape_asks_before_throwing_review_edits_away(tmp_path: Path) -> None:
    with Store.open(tmp_path / "b.db") as store:
        app = BilatApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            app.push_screen(ReviewScreen(extract(WIRE.read_bytes()), "laos.txt"))
            await settle(pilot)
            await pilot.press("escape")  # nothing edited: leaves at once
            await settle(pilot)
            assert isinstance(pilot.app.screen, BoardScreen)
            app.push_screen(ReviewScreen(extract(WIRE.read_bytes()), "laos.txt"))
            await settle(pilot)
            pilot.app.screen.query_one("#title", Input).value = "My own title"
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ConfirmScreen)
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ReviewScreen)
            assert pilot.app.screen.query_one("#title", Input).value == "My own title"
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("y")
            await settle(pilot)
            assert isinstance(pilot.app.screen, BoardScreen)
        assert store.counts()["meetings"] == 0


async def test_sources_split_then_undo_with_u(tmp_path: Path) -> None:
    with Store.open(tmp_path / "b.db") as store:
        mid = store.add_draft(extract(WIRE.read_bytes())).meeting_id
        assert store.add_draft(extract(READOUT.read_bytes())).meeting_id == mid
        app = BilatApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await open_meeting(pilot, mid)
            await pilot.press("s")
            await settle(pilot)
            dialog = pilot.app.screen
            assert isinstance(dialog, SourcesScreen)
            assert dialog.query_one(OptionList).option_count == 2
            await pilot.press("down", "p")  # split the second source off
            await settle(pilot)
            assert len(store.meetings()) == 2
            assert dialog.query_one(OptionList).option_count == 1
            await pilot.press("escape")
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(pilot.app.screen, BoardScreen)
            await pilot.press("u")
            await settle(pilot)
            assert len(store.meetings()) == 1
            assert any(n.startswith("Undone: split") for n in notes(app)), notes(app)
            await pilot.press("u")  # the join
            await pilot.press("u")  # the first add
            await pilot.press("u")  # nothing left
            await settle(pilot)
            assert store.counts()["meetings"] == 0
            assert notes(app)[-1] == "Nothing to undo."


async def test_undo_brings_back_a_status_change_and_the_board_shows_it(
    demo_app: BilatApp,
) -> None:
    store = demo_app.store
    latest = store.meetings(["China", "United States"])[-1]
    entry = store.meeting(latest.id).entries[0]
    before = (entry.status, entry.note)
    from store.models import Status

    other = Status.AGREEMENT if entry.status != Status.AGREEMENT else Status.TENSION
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        store.set_status(latest.id, entry.topic_id, other, "changed my mind")
        await pilot.press("u")
        await settle(pilot)
    again = next(e for e in store.meeting(latest.id).entries if e.topic_id == entry.topic_id)
    assert (again.status, again.note) == before


async def test_needs_review_mark_on_the_board_and_confirm_clears_it(tmp_path: Path) -> None:
    with Store.open(tmp_path / "b.db") as store:
        draft = extract(WIRE.read_bytes()).model_copy(update={"review_reasons": ["no-place"]})
        mid = store.add_draft(draft).meeting_id
        app = BilatApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            board = pilot.app.screen
            from tui.widgets.board_grid import BoardGrid

            grid = board.query_one(BoardGrid)
            assert "27?" in grid.render_line(1).text
            await open_meeting(pilot, mid)
            assert "needs review: no-place" in screen_text(pilot)
            await pilot.press("c")
            await settle(pilot)
            assert "needs review" not in screen_text(pilot)
            await pilot.press("escape")
            await settle(pilot)
            assert "27?" not in pilot.app.screen.query_one(BoardGrid).render_line(1).text
        assert store.needing_review() == []
