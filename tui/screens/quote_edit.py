"""Modals: pick one of a meeting's quotes, then fix its speaker, side or topic, or drop it."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from store.models import Actor, StoredQuote, Topic
from tui.participants_text import side_of
from tui.screens.base import BilatModal

UNKNOWN_SIDE = "(unknown)"


@dataclass(frozen=True)
class QuoteFix:
    speaker: str | None  # None: unchanged
    side: str | None  # None: unchanged; "" : unknown
    topic: str | None
    topic_changed: bool
    drop: bool


class QuotePickScreen(BilatModal[int | None]):
    """The meeting's quotes; Enter picks one to fix."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, quotes: list[StoredQuote]) -> None:
        super().__init__()
        self.quotes = quotes

    def compose(self) -> ComposeResult:
        with Vertical(id="quote-pick-dialog", classes="dialog"):
            yield Label("Pick a quote to fix (Enter)", classes="dialog-title")
            yield OptionList(
                *(Option(Content.assemble(
                    (f"{q.speaker or 'unknown speaker'}", "bold"),
                    f" ({q.speaker_country or 'side unknown'}): “{q.text}”"), id=str(q.id))
                  for q in self.quotes),
                id="quote-pick",
            )

    @on(OptionList.OptionSelected, "#quote-pick")
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)


class QuoteEditScreen(BilatModal[QuoteFix | None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, quote: StoredQuote, dyad: list[str], people: list[Actor],
                 topics: list[Topic]) -> None:
        super().__init__()
        self.quote = quote
        self.people = people
        self.topics = topics
        sides = list(dyad)
        if quote.speaker_country and quote.speaker_country not in sides:
            sides.append(quote.speaker_country)
        self.sides = sides

    def compose(self) -> ComposeResult:
        q = self.quote
        with Vertical(id="quote-edit-dialog", classes="dialog"):
            yield Label(Content(f"“{q.text}”"))
            yield Label("Speaker (the side follows a known speaker)")
            yield Input(q.speaker or "", placeholder="who said it", id="quote-speaker")
            with Horizontal(classes="dialog-row"):
                yield Select([(s, s) for s in self.sides] + [(UNKNOWN_SIDE, "")],
                             value=q.speaker_country or "", allow_blank=False, id="quote-side")
                yield Select([(t.name, t.id) for t in self.topics], value=q.topic or Select.NULL,
                             prompt="no topic", id="quote-topic")
            yield Checkbox("not a quote: drop it", False, id="quote-drop")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @on(Input.Changed, "#quote-speaker")
    def follow_speaker(self, event: Input.Changed) -> None:
        country = side_of(event.value, self.people)
        if country:
            select = self.query_one("#quote-side", Select)
            if country not in self.sides:
                self.sides.append(country)
                select.set_options([(s, s) for s in self.sides] + [(UNKNOWN_SIDE, "")])
            select.value = country

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        q = self.quote
        speaker = self.query_one("#quote-speaker", Input).value.strip()
        side = self.query_one("#quote-side", Select).value
        side_text = side if isinstance(side, str) else ""
        topic = self.query_one("#quote-topic", Select).value
        topic_id = topic if isinstance(topic, str) else None
        self.dismiss(QuoteFix(
            speaker=speaker if speaker and speaker != (q.speaker or "") else None,
            side=side_text if side_text != (q.speaker_country or "") else None,
            topic=topic_id, topic_changed=topic_id != q.topic,
            drop=self.query_one("#quote-drop", Checkbox).value,
        ))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
