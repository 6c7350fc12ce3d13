"""Inbox: items pulled from the followed feeds, to accept (fetch, review, save) or skip.

`p` pulls every feed; Enter or `a` fetches the highlighted item and opens the review
screen on it, as adding a file does; `s` skips it. An item whose page is saved from
review leaves the Inbox (it is matched by its URL when the Inbox shows again).
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Header, Label, OptionList
from textual.widgets.option_list import Option

from store.db.feeds import FeedBook, InboxItem
from store.fetch import inbox
from store.models import MeetingDraft
from tui.messages import StoreChanged
from tui.screens.base import BilatScreen
from tui.widgets.key_bar import KeyBar


def item_label(item: InboxItem) -> Content:
    """Title, feed, date and link: plain text (a title is data, never markup)."""
    when = item.published.date().isoformat() if item.published else "undated"
    return Content.assemble(
        (item.title or "(untitled)", "bold"), f"\n   {item.feed_name} · {when} · {item.url}",
    )


class InboxScreen(BilatScreen[None]):
    DEFAULT_CSS = """
    InboxScreen #inbox-list { height: 1fr; }
    InboxScreen #inbox-status { padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("a,enter", "accept", "Accept", tooltip="Fetch the item and review it"),
        Binding("s", "skip", "Skip", tooltip="Skip the item: it leaves the Inbox"),
        Binding("p", "pull", "Pull feeds", tooltip="Fetch every followed feed"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[InboxItem] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="inbox-status")
        yield OptionList(id="inbox-list")
        yield KeyBar()

    @property
    def book(self) -> FeedBook:
        return FeedBook(self.store)

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Items saved through review leave the Inbox; show what is still new."""
        inbox.settle_stored(self.book)
        self.items = self.book.items("new")
        listing = self.query_one("#inbox-list", OptionList)
        keep = listing.highlighted
        listing.clear_options()
        listing.add_options(Option(item_label(i), id=str(i.id)) for i in self.items)
        if self.items:
            listing.highlighted = min(keep or 0, len(self.items) - 1)
        feeds = len(self.book.all())
        status = (f"{len(self.items)} new item(s) from {feeds} feed(s) · p pulls the feeds"
                  if feeds else "No feeds followed: add one with `bilat feed add URL`.")
        self.query_one("#inbox-status", Label).update(Content(status))
        listing.focus()

    def _highlighted(self) -> InboxItem | None:
        index = self.query_one("#inbox-list", OptionList).highlighted
        return self.items[index] if index is not None and index < len(self.items) else None

    def action_cursor_down(self) -> None:
        self.query_one("#inbox-list", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#inbox-list", OptionList).action_cursor_up()

    @on(OptionList.OptionSelected, "#inbox-list")
    def selected(self) -> None:
        self.action_accept()

    def action_skip(self) -> None:
        item = self._highlighted()
        if item is not None:
            self.book.settle(item.id, "skipped", reason="skipped in the Inbox")
            self.reload()

    def action_accept(self) -> None:
        item = self._highlighted()
        if item is not None:
            self.notify(f"Fetching {item.url}")
            self.fetch_item(item)

    @work(thread=True, exclusive=True, group="inbox-fetch", exit_on_error=False)
    def fetch_item(self, item: InboxItem) -> None:
        from store.taxonomy import load_topics

        found = inbox.read_item(self.book, item, topics=load_topics())
        self.app.call_from_thread(self.review, item, found)

    def review(self, item: InboxItem, found: MeetingDraft | str) -> None:
        if isinstance(found, str):
            # Left in the Inbox: a server that is down now may answer later; `s` skips it.
            self.notify(f"{item.url}: {found}", severity="error")
            self.reload()
            return
        from tui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(found, item.url))

    def action_pull(self) -> None:
        self.query_one("#inbox-status", Label).update(Content("Pulling the feeds…"))
        self.pull()

    @work(thread=True, exclusive=True, group="inbox-pull", exit_on_error=False)
    def pull(self) -> None:
        book = self.book
        results = [inbox.pull_feed(book, f) for f in book.all()]
        new = sum(len(r.new) for r in results)
        failed = [f"{r.feed.name}: {r.error}" for r in results if r.error]
        self.app.call_from_thread(self.notify, f"{new} new item(s) from {len(results)} feed(s)")
        for line in failed:
            self.app.call_from_thread(self.notify, line, severity="error")
        self.app.call_from_thread(self.reload)
        self.app.call_from_thread(self.post_message, StoreChanged())
