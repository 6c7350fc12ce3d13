"""Review a draft before it is saved: fix topics, statuses and speakers, drop false quotes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, Select, Static

from store.db import StoreError
from store.models import MeetingDraft, Status
from tui.messages import MeetingSaved, StoreChanged
from tui.screens.base import BilatScreen

NO_TOPIC = "none"


@dataclass
class ReviewEdits:
    """What the user changed on the review screen."""

    title: str
    meeting_date: date | None
    location: str | None
    dyad: list[str]
    statuses: dict[int, Status] = field(default_factory=dict)  # topic row -> status
    dropped_topics: set[int] = field(default_factory=set)
    speakers: dict[int, str] = field(default_factory=dict)  # quote row -> speaker
    quote_topics: dict[int, str | None] = field(default_factory=dict)
    dropped_quotes: set[int] = field(default_factory=set)


def apply_review(draft: MeetingDraft, edits: ReviewEdits) -> MeetingDraft:
    """A new draft with the user's fixes; the extracted draft is left as it was."""
    countries = {a.name: a.country for a in draft.participants}
    topics = []
    for i, entry in enumerate(draft.topics):
        if i in edits.dropped_topics:
            continue
        topics.append(entry.model_copy(update={"status": edits.statuses.get(i, entry.status)}))
    quotes = []
    for i, quote in enumerate(draft.quotes):
        if i in edits.dropped_quotes:
            continue
        update: dict[str, object] = {}
        speaker = edits.speakers.get(i, quote.speaker or "").strip()
        if speaker and speaker != quote.speaker:
            update["speaker"] = speaker
            update["speaker_country"] = countries.get(speaker)
        if i in edits.quote_topics:
            update["topic"] = edits.quote_topics[i]
        quotes.append(quote.model_copy(update=update))
    return draft.model_copy(
        update={
            "title": edits.title or draft.title,
            "meeting_date": edits.meeting_date,
            "location": edits.location,
            "dyad": sorted(edits.dyad) if len(edits.dyad) == 2 else draft.dyad,
            "topics": topics,
            "quotes": quotes,
        }
    )


class ReviewScreen(BilatScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Cancel"),
        Binding("ctrl+s", "save", "Save", tooltip="Save this meeting to the store"),
    ]

    def __init__(self, draft: MeetingDraft, origin: str) -> None:
        super().__init__()
        self.draft = draft
        self.origin = origin

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
                    placeholder="meeting date YYYY-MM-DD",
                    id="meeting-date",
                )
            with Horizontal(classes="review-row"):
                yield Input(draft.location or "", placeholder="location", id="location")
                yield Input(
                    ", ".join(draft.dyad), placeholder="two countries, comma-separated", id="dyad"
                )
            who = ", ".join(a.name for a in draft.participants) or "nobody found"
            yield Label(f"Participants: {who}", markup=False)
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

    def collect(self) -> ReviewEdits:
        """Read every field into ReviewEdits (raises ValueError on a bad date/dyad)."""
        raw_date = self.query_one("#meeting-date", Input).value.strip()
        try:
            when = date.fromisoformat(raw_date) if raw_date else None
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
        )
        for i in range(len(self.draft.topics)):
            if not self.query_one(f"#topic-{i}-keep", Checkbox).value:
                edits.dropped_topics.add(i)
            edits.statuses[i] = Status(str(self.query_one(f"#topic-{i}-status", Select).value))
        for i in range(len(self.draft.quotes)):
            if not self.query_one(f"#quote-{i}-keep", Checkbox).value:
                edits.dropped_quotes.add(i)
            edits.speakers[i] = self.query_one(f"#quote-{i}-speaker", Input).value
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
    def cancel(self) -> None:
        self.app.pop_screen()

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
