"""Modal: correct a stored meeting's title, date, place, pair and participants."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, TextArea

from store.models import Actor, MeetingDetail
from tui.participants_text import format_participants, parse_participants
from tui.screens.base import BilatModal


@dataclass(frozen=True)
class MeetingFix:
    """What the user changed; None: left as it was."""

    title: str | None = None
    meeting_date: date | None = None
    location: str | None = None
    dyad: list[str] | None = None
    participants: list[Actor] | None = None

    @property
    def fields_changed(self) -> bool:
        return any(v is not None for v in (self.title, self.meeting_date, self.location,
                                           self.dyad))


def read_fix(detail: MeetingDetail, title: str, when: str, place: str, pair: str,
             people: str) -> MeetingFix:
    """Compare the form with the meeting; ValueError (one line) for a bad date or pair."""
    m = detail.meeting
    try:
        day = date.fromisoformat(when.strip()) if when.strip() else None
    except ValueError:
        raise ValueError(f"Meeting date {when.strip()!r} is not YYYY-MM-DD.") from None
    if day is None:
        raise ValueError("A meeting needs a date (YYYY-MM-DD).")
    countries = sorted(c.strip() for c in pair.split(",") if c.strip())
    if len(countries) != 2:
        raise ValueError("Give the two countries, comma-separated.")
    actors = parse_participants(people)
    same_people = format_participants(actors) == format_participants(detail.participants)
    return MeetingFix(
        title=title.strip() if title.strip() and title.strip() != m.title else None,
        meeting_date=day if day != m.meeting_date else None,
        location=place.strip() if place.strip() != (m.location or "") else None,
        dyad=countries if countries != sorted(m.dyad) else None,
        participants=None if same_people else actors,
    )


class MeetingEditScreen(BilatModal[MeetingFix | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", tooltip="Save the corrections"),
    ]

    def __init__(self, detail: MeetingDetail) -> None:
        super().__init__()
        self.detail = detail

    def compose(self) -> ComposeResult:
        m = self.detail.meeting
        with Vertical(id="meeting-edit-dialog", classes="dialog"):
            yield Label(f"Correct meeting #{m.id}", classes="dialog-title")
            yield Label("Title")
            yield Input(m.title, id="edit-title")
            with Horizontal(classes="dialog-row"):
                with Vertical():
                    yield Label("Date (YYYY-MM-DD)")
                    yield Input(str(m.meeting_date or ""), placeholder="YYYY-MM-DD",
                                id="edit-date")
                with Vertical():
                    yield Label("Place")
                    yield Input(m.location or "", id="edit-place")
            yield Label("Pair of countries (comma-separated)")
            yield Input(", ".join(m.dyad), id="edit-dyad")
            yield Label("Participants, one a line: name; role; country")
            yield TextArea(format_participants(self.detail.participants), id="edit-people")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            fix = read_fix(
                self.detail, self.query_one("#edit-title", Input).value,
                self.query_one("#edit-date", Input).value,
                self.query_one("#edit-place", Input).value,
                self.query_one("#edit-dyad", Input).value,
                self.query_one("#edit-people", TextArea).text,
            )
        except ValueError as exc:
            self.notify(str(exc), severity="error")
            return
        self.dismiss(fix)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
