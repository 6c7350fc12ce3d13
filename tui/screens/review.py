"""Review a draft before it is saved: fix topics, statuses and speakers, drop false quotes."""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Header,
    Input,
    Label,
    Select,
    Static,
    TextArea,
)

from store.db import StoreError
from store.models import MeetingDraft, Status
from tui.messages import MeetingSaved, StoreChanged
from tui.participants_text import format_participants, parse_participants, side_of
from tui.review_edits import ReviewEdits, apply_review, provenance
from tui.screens.base import BilatScreen
from tui.screens.confirm import ConfirmScreen

NO_TOPIC = "none"
UNKNOWN_SIDE = ""


class ReviewScreen(BilatScreen[None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Leave without saving (asks if you edited)"),
        Binding("ctrl+s", "save", "Save", tooltip="Save this meeting to the store"),
    ]

    def __init__(self, draft: MeetingDraft, origin: str) -> None:
        super().__init__()
        self.draft = draft
        self.origin = origin
        self._initial: tuple[object, ...] | None = None
        people = [a.country for a in draft.participants if a.country]
        self.sides = list(dict.fromkeys([*draft.dyad, *people]))

    def compose(self) -> ComposeResult:
        draft = self.draft
        yield Header()
        topic_options = [(t.name, t.id) for t in self.store.topics()]
        status_options = [(f"{s.glyph} {s.value}", s.value) for s in Status.ordered()]
        with VerticalScroll(id="review"):
            yield Static(Content.styled(f"Review: {self.origin}", "bold"), id="review-meta")
            with Horizontal(classes="review-row"):
                yield Input(draft.title, placeholder="title", id="title")
                yield Input(
                    str(draft.meeting_date or ""),
                    placeholder="date YYYY-MM-DD",
                    tooltip="The meeting date is required",
                    id="meeting-date",
                )
            with Horizontal(classes="review-row"):
                yield Input(draft.location or "", placeholder="location", id="location")
                yield Input(
                    ", ".join(draft.dyad), placeholder="two countries, comma-separated", id="dyad"
                )
            read_from = provenance(draft)
            if read_from:
                yield Static(Content.styled(read_from, "$text-muted italic"),
                             id="review-provenance")
            yield Label("Participants, one a line: name; role; country",
                        classes="review-heading")
            yield TextArea(format_participants(draft.participants), id="participants")
            yield Label(f"Topics ({len(draft.topics)})", classes="review-heading")
            for i, entry in enumerate(draft.topics):
                with Horizontal(classes="review-row"):
                    yield Checkbox("keep", True, id=f"topic-{i}-keep")
                    yield Select(
                        status_options,
                        value=entry.status.value,
                        allow_blank=False,
                        id=f"topic-{i}-status",
                    )
                    yield Label(Content.assemble((entry.name, "bold"), " — ", entry.evidence))
            yield Label(f"Quotes ({len(draft.quotes)})", classes="review-heading")
            for i, quote in enumerate(draft.quotes):
                with Horizontal(classes="review-row"):
                    yield Checkbox("keep", True, id=f"quote-{i}-keep")
                    yield Input(quote.speaker or "", placeholder="speaker", id=f"quote-{i}-speaker")
                    yield Select(
                        [(c, c) for c in self._sides_with(quote.speaker_country)]
                        + [("side unknown", UNKNOWN_SIDE)],
                        value=quote.speaker_country or UNKNOWN_SIDE,
                        allow_blank=False,
                        id=f"quote-{i}-side",
                    )
                    yield Select(
                        topic_options,
                        value=quote.topic or Select.NULL,
                        prompt="no topic",
                        id=f"quote-{i}-topic",
                    )
                    yield Label(Content(f"“{quote.text}”"))
            if draft.warnings:
                yield Label("Warnings", classes="review-heading")
                yield Static(Content("\n".join(f"• {w}" for w in draft.warnings[:20])))
        with Horizontal(id="review-buttons"):
            yield Button("Save", variant="primary", id="save")
            yield Button("Cancel", id="cancel")
        yield Footer()

    def _sides_with(self, country: str | None) -> list[str]:
        return self.sides + ([country] if country and country not in self.sides else [])

    def on_mount(self) -> None:
        self.call_after_refresh(self._remember_initial)

    def _remember_initial(self) -> None:
        self._initial = self.form_state()

    def form_state(self) -> tuple[object, ...]:
        """Every value on the form, to tell whether the user changed anything."""
        values: list[object] = []
        for widget in self.query("Input, Select, Checkbox, TextArea"):
            if isinstance(widget, TextArea):
                values.append(widget.text)
            elif isinstance(widget, (Input, Select, Checkbox)):
                values.append(widget.value)
        return tuple(values)

    @on(Input.Changed)
    def side_follows_speaker(self, event: Input.Changed) -> None:
        """Typing a known speaker's name moves the quote's side to that speaker's country."""
        wid = event.input.id or ""
        if not (wid.startswith("quote-") and wid.endswith("-speaker")):
            return
        people = parse_participants(self.query_one("#participants", TextArea).text)
        country = side_of(event.value, people) or side_of(event.value, self.draft.participants)
        if country is None:
            return
        side = self.query_one(f"#{wid.removesuffix('-speaker')}-side", Select)
        if country not in self.sides:
            self.sides.append(country)
            side.set_options([(c, c) for c in self.sides] + [("side unknown", UNKNOWN_SIDE)])
        side.value = country

    def collect(self) -> ReviewEdits:
        """Read every field into ReviewEdits (raises ValueError on a bad or missing date/dyad)."""
        raw_date = self.query_one("#meeting-date", Input).value.strip()
        if not raw_date:
            # A meeting without a date becomes a "?" column that passes for the latest one.
            raise ValueError("Give the meeting date (YYYY-MM-DD) before saving.")
        try:
            when = date.fromisoformat(raw_date)
        except ValueError:
            raise ValueError(f"Meeting date {raw_date!r} is not YYYY-MM-DD.") from None
        dyad = [c.strip() for c in self.query_one("#dyad", Input).value.split(",") if c.strip()]
        if len(dyad) != 2:
            raise ValueError("Give the two countries, comma-separated.")
        edits = ReviewEdits(
            title=self.query_one("#title", Input).value.strip(),
            meeting_date=when,
            location=self.query_one("#location", Input).value.strip() or None,
            dyad=dyad,
            participants=parse_participants(self.query_one("#participants", TextArea).text),
        )
        for i in range(len(self.draft.topics)):
            if not self.query_one(f"#topic-{i}-keep", Checkbox).value:
                edits.dropped_topics.add(i)
            edits.statuses[i] = Status(str(self.query_one(f"#topic-{i}-status", Select).value))
        for i in range(len(self.draft.quotes)):
            if not self.query_one(f"#quote-{i}-keep", Checkbox).value:
                edits.dropped_quotes.add(i)
            edits.speakers[i] = self.query_one(f"#quote-{i}-speaker", Input).value
            side = self.query_one(f"#quote-{i}-side", Select).value
            edits.sides[i] = side if isinstance(side, str) and side else None
            topic = self.query_one(f"#quote-{i}-topic", Select).value
            edits.quote_topics[i] = topic if isinstance(topic, str) else None
        return edits

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            edits = self.collect()
        except ValueError as exc:
            self.notify(str(exc), severity="error")
            return
        self.save(apply_review(self.draft, edits))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self._initial is None or self.form_state() == self._initial:
            self.app.pop_screen()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.app.pop_screen()

        self.app.push_screen(
            ConfirmScreen("Throw away your edits of this article?", yes="Discard",
                          no="Keep editing"),
            answered,
        )

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def save(self, draft: MeetingDraft) -> None:
        try:
            result = self.store.add_draft(draft)
        except StoreError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.post_message(MeetingSaved(result, draft.title))

    @on(MeetingSaved)
    def saved(self, event: MeetingSaved) -> None:
        how = "joined meeting" if event.result.joined_existing else "saved as meeting"
        self.notify(f"{event.title}: {how} #{event.result.meeting_id}.")
        self.app.pop_screen()
        self.app.post_message(StoreChanged())
