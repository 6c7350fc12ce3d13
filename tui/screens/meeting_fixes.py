"""The meeting screen's corrections: edit the meeting, fix a quote, its sources, confirm.

A base class of `MeetingScreen`, so that screen keeps to showing the article. Every change
runs in a worker, is journaled by the store (`u` undoes it) and ends in `StoreChanged`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work

from store.db import StoreError
from store.db.curate import UNSET
from store.models import Actor, MeetingDetail
from tui.messages import StoreChanged
from tui.participants_text import participant_changes
from tui.screens.base import BilatScreen
from tui.screens.meeting_edit import MeetingEditScreen, MeetingFix
from tui.screens.quote_edit import QuoteEditScreen, QuoteFix, QuotePickScreen
from tui.screens.sources import SourcesScreen


class MeetingFixes(BilatScreen[None]):
    """The actions; `MeetingScreen.BINDINGS` gives them their keys, in its footer's order."""

    meeting_id: int
    detail: MeetingDetail | None

    def action_edit(self) -> None:
        if self.detail is not None:
            self.app.push_screen(MeetingEditScreen(self.detail), self.apply_fix)

    def apply_fix(self, fix: MeetingFix | None) -> None:
        if fix is None or self.detail is None:
            return
        if not fix.fields_changed and fix.participants is None:
            self.notify("Nothing changed.")
            return
        before = self.detail.participants
        self.write(lambda: self._save_fix(fix, before), "Meeting corrected.")

    def _save_fix(self, fix: MeetingFix, before: list[Actor]) -> None:
        if fix.fields_changed:
            self.store.edit_meeting(self.meeting_id, title=fix.title,
                                    meeting_date=fix.meeting_date, location=fix.location,
                                    dyad=fix.dyad)
        if fix.participants is not None:
            added, removed = participant_changes(before, fix.participants)
            if added or removed:
                self.store.edit_participants(self.meeting_id, add=added, remove=removed)

    def action_fix_quote(self) -> None:
        detail = self.detail
        if detail is None or not detail.quotes:
            self.notify("This meeting has no quotes.")
            return

        def picked(quote_id: int | None) -> None:
            quote = next((q for q in detail.quotes if q.id == quote_id), None)
            if quote is not None:
                self.app.push_screen(
                    QuoteEditScreen(quote, detail.meeting.dyad, detail.participants,
                                    self.store.topics()),
                    lambda fix: self.apply_quote_fix(quote.id, fix),
                )

        self.app.push_screen(QuotePickScreen(detail.quotes), picked)

    def apply_quote_fix(self, quote_id: int, fix: QuoteFix | None) -> None:
        if fix is None:
            return
        if fix.speaker is None and fix.side is None and not fix.topic_changed and not fix.drop:
            self.notify("Nothing changed.")
            return
        topic = fix.topic if fix.topic_changed else UNSET
        self.write(lambda: self.store.edit_quote(quote_id, speaker=fix.speaker, side=fix.side,
                                                 topic=topic, drop=True if fix.drop else None),
                   f"Quote {quote_id} fixed.")

    def action_sources(self) -> None:
        self.app.push_screen(SourcesScreen(self.meeting_id))

    def action_confirm(self) -> None:
        def done() -> None:
            if not self.store.confirm(self.meeting_id):
                raise StoreError("This meeting needs no review.")

        self.write(done, "Confirmed: the guessed values are marked as checked.")

    @work(thread=True, exclusive=True, group="meeting-write", exit_on_error=False)
    def write(self, do: Callable[[], object], done: str) -> None:
        try:
            do()
        except StoreError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="warning")
            return
        self.app.call_from_thread(self.written, done)

    def written(self, done: str) -> None:
        self.notify(done)
        self.app.post_message(StoreChanged())
