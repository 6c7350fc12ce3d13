"""The Inbox screen and the add screen's URL field, driven by Pilot against a local server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dashboard.helpers import settle
from textual.widgets import Input, OptionList

from store.db import Store
from store.db.feeds import FeedBook
from tui.app import BilatApp
from tui.screens.inbox import InboxScreen
from tui.screens.review import ReviewScreen

from .conftest import Route, Web, read_sample, rss, wrap

SIZE = (120, 40)
LIMA = "2024-11-16-biden-xi-lima-wire.txt"
KAZAN = "2024-10-23-modi-xi-kazan-wire.txt"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "bilat.db")
    yield opened
    opened.close()


def _feed(web: Web) -> tuple[str, str]:
    lima = web.page("/lima", wrap(read_sample(LIMA)))
    kazan = web.page("/kazan", wrap(read_sample(KAZAN)))
    web.routes["/desk.rss"] = Route(content_type="application/rss+xml", body=rss([
        ("Biden and Xi meet in Lima [bold]final[/]", lima, "Sat, 16 Nov 2024 20:52:00 GMT"),
        ("Modi and Xi hold talks in Kazan", kazan, "Wed, 23 Oct 2024 21:41:00 GMT"),
    ]))
    return lima, kazan


async def test_pull_then_accept_one_item_and_skip_the_other(web: Web, store: Store) -> None:
    lima, kazan = _feed(web)
    FeedBook(store).add(web.url("/desk.rss"), "Desk")
    app = BilatApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen)
        assert app.screen.query_one(OptionList).option_count == 0
        await pilot.press("p")
        await settle(pilot)
        listing = app.screen.query_one(OptionList)
        assert listing.option_count == 2
        # The title is shown as it is: its brackets are text, not markup.
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(2)]
        assert any("[bold]final[/]" in s for s in shown)

        urls = [i.url for i in app.screen.items]
        listing.highlighted = urls.index(kazan)
        await pilot.press("s")
        await settle(pilot)
        assert [i.url for i in app.screen.items] == [lima]

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.draft.url == lima and app.screen.draft.fetched_at is not None
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen)
        assert app.screen.items == []
    states = {i.url: (i.state, i.reason) for i in FeedBook(store).items(None)}
    assert states == {lima: ("added", None), kazan: ("skipped", "skipped in the Inbox")}
    assert [s.url for m in store.meetings() for s in store.sources(m.id)] == [lima]


async def test_a_failed_fetch_is_a_notification_and_the_item_stays(web: Web, store: Store) -> None:
    web.routes["/desk.rss"] = Route(content_type="application/rss+xml", body=rss([
        ("Gone", web.url("/gone"), "Sat, 16 Nov 2024 20:52:00 GMT")]))
    FeedBook(store).add(web.url("/desk.rss"), "Desk")
    app = BilatApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i", "p")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InboxScreen)
        assert any("404" in str(n.message) for n in app._notifications)
        assert len(app.screen.items) == 1


async def test_the_add_screen_fetches_a_url_into_review(web: Web, store: Store) -> None:
    url = web.page("/lima", wrap(read_sample(LIMA)))
    app = BilatApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one("#add-url", Input).value = url
        await pilot.click("#add-url")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.draft.url == url
        assert "Biden" in app.screen.draft.title


async def test_the_add_screen_refuses_an_ftp_url_in_one_line(store: Store) -> None:
    app = BilatApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one("#add-url", Input).value = "ftp://127.0.0.1/a.txt"
        await pilot.click("#add-url")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ReviewScreen)
        assert any("only http and https" in str(n.message) for n in app._notifications)
    assert store.counts()["articles"] == 0


