"""Commitments: what the pair promised, grouped by where it stands, oldest first in each group.

Each line is a state glyph, an overdue mark, its age, its topic and its text; the
highlighted one's evidence (the later sentence its state was read from), due time and
the user's note show below. Enter opens the meeting that made it, `e` the meeting that
gave its state; `s` sets a state and note by hand (journaled, kept by reindex), the same
as `bilat commitment ID --state S --note N`. All of it is data: built as Content.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Header, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from store.commitments import STATES
from store.models import CommitmentState, StoredCommitment
from tui.messages import StoreChanged
from tui.screens.base import BilatModal, BilatScreen
from tui.widgets.key_bar import KeyBar

# Readable without colour; the colour says the same.
STATE_GLYPHS: dict[CommitmentState, str] = {
    "open": "○", "kept": "✔", "progressing": "↗", "stalled": "‖", "broken": "✖",
    "superseded": "↪",
}
STATE_STYLES: dict[CommitmentState, str] = {
    "open": "$text-primary", "kept": "$text-success", "progressing": "$text-success",
    "stalled": "$text-warning", "broken": "$text-error", "superseded": "$text-muted",
}
OVERDUE_MARK = "!"
AUTO = "auto"


def age(made: date | None, today: date) -> str:
    """'3d', '5w', '7mo', '2y': how long ago the promise was made."""
    if made is None:
        return "?"
    days = max((today - made).days, 0)
    if days < 14:
        return f"{days}d"
    if days < 61:
        return f"{days // 7}w"
    if days < 730:
        return f"{days // 30}mo"
    return f"{days // 365}y"


def grouped(found: list[StoredCommitment]) -> list[tuple[CommitmentState, list[StoredCommitment]]]:
    """By state in STATES order (open first), oldest first within a state; empty groups out."""
    out = []
    for state in STATES:
        members = [c for c in found if c.state == state]
        members.sort(key=lambda c: (c.meeting_date is None, c.meeting_date or date.min, c.id))
        if members:
            out.append((state, members))
    return out


def commitment_line(c: StoredCommitment, today: date) -> Content:
    mark = OVERDUE_MARK if c.overdue else " "
    return Content.assemble(
        (f"{STATE_GLYPHS[c.state]}", f"bold {STATE_STYLES[c.state]}"),
        (mark, "bold $text-error"),
        (f" {age(c.meeting_date, today):>4}  ", "$text-muted"),
        ((c.topic or "-").ljust(17)[:17], "$text-accent"),
        " ",
        " ".join(c.text.split()),
    )


def detail_content(c: StoredCommitment) -> Content:
    """The commitment in full: where it was made, due, state and evidence, the user's word."""
    made = f"made at meeting #{c.meeting_id} {c.meeting_date or 'date unknown'}"
    parts: list[Content] = [
        Content.styled(" ".join(c.text.split()), "bold"), Content("\n"),
        Content.styled(f"{made} · ", "$text-muted"), Content(c.meeting_title),
        Content.styled(f" · {', '.join(c.parties) or 'parties unknown'}", "$text-muted"),
    ]
    state = Content.styled(f"{STATE_GLYPHS[c.state]} {c.state}", f"bold {STATE_STYLES[c.state]}")
    parts += [Content("\n"), state]
    if c.overdue:
        parts.append(Content.styled(f"  {OVERDUE_MARK} overdue", "bold $text-error"))
    if c.due:
        by = c.extracted.due_date.isoformat() if c.extracted.due_date else "?"
        parts.append(Content.styled(f"  due {c.due} (by {by})", "$text-muted"))
    if c.manual_state is not None:
        parts.append(Content.styled(f"  set by hand; extracted: {c.extracted.state}",
                                    "italic $text-muted"))
    if c.extracted.evidence:
        at = c.extracted.evidence_date or "date unknown"
        parts += [Content("\n"),
                  Content.styled(f"evidence (meeting #{c.extracted.evidence_meeting_id} {at}, "
                                 "e opens it): ", "$text-muted"),
                  Content.styled(" ".join(c.extracted.evidence.split()), "italic")]
    if c.note:
        parts += [Content("\n"), Content.styled("note: ", "italic $text-muted"), Content(c.note)]
    return Content.assemble(*parts)


class CommitmentsScreen(BilatScreen[None]):
    CSS_PATH = "commitments.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("enter", "open_made", "Meeting", tooltip="Open the meeting that made it"),
        Binding("e", "open_evidence", "Evidence", tooltip="Open the meeting that gave its state"),
        Binding("s", "set_state", "Set state", tooltip="Set its state by hand, with a note"),
    ]

    def __init__(self, dyad: list[str] | None = None, *, today: date | None = None) -> None:
        super().__init__()
        self.dyad = dyad
        self.today = today  # None: the day it is (tests fix it)
        self.found: list[StoredCommitment] = []
        self.by_id: dict[int, StoredCommitment] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("Commitments", id="commitments-title", markup=False)
        yield OptionList(id="commitments-list")
        yield Static("", id="commitment-detail", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.load_commitments()

    @work(thread=True, exclusive=True, group="commitments", exit_on_error=False)
    def load_commitments(self) -> None:
        # Tracking is stored (store/db/tracked.py): this is an index read, except the first
        # read after the pair changed, which walks its history once; hence a worker.
        dyad = self.dyad or next(iter(self.store.dyads()), None)
        found = self.store.commitments(dyad, today=self._today()) if dyad else []
        self.app.call_from_thread(self.show_commitments, dyad, found)

    def _today(self) -> date:
        return self.today or date.today()

    def show_commitments(self, dyad: list[str] | None, found: list[StoredCommitment]) -> None:
        self.dyad = dyad
        self.found = found
        self.by_id = {c.id: c for c in found}
        overdue = sum(c.overdue for c in found)
        pair = " – ".join(dyad) if dyad else "no pair yet"
        self.query_one("#commitments-title", Label).update(
            f"Commitments · {pair} · {len(found)}" + (f" · {overdue} overdue" if overdue else ""))
        box = self.query_one("#commitments-list", OptionList)
        keep = box.highlighted_option.id if box.highlighted_option is not None else None
        box.clear_options()
        if not found:
            box.add_option(Option(Content("No commitments recorded for this pair yet."),
                                  disabled=True))
            self._show_detail(None)
            return
        today = self._today()
        for state, members in grouped(found):
            box.add_option(Option(
                Content.styled(f"{STATE_GLYPHS[state]} {state} ({len(members)})",
                               f"bold {STATE_STYLES[state]}"),
                id=f"h:{state}", disabled=True))
            box.add_options(Option(commitment_line(c, today), id=f"c:{c.id}") for c in members)
        ids = [o.id for o in box.options]
        box.highlighted = ids.index(keep) if keep in ids else next(
            i for i, o in enumerate(box.options) if not o.disabled)
        box.focus()

    def _current(self) -> StoredCommitment | None:
        option = self.query_one("#commitments-list", OptionList).highlighted_option
        if option is None or not str(option.id).startswith("c:"):
            return None
        return self.by_id.get(int(str(option.id)[2:]))

    @on(OptionList.OptionHighlighted, "#commitments-list")
    def follow(self) -> None:
        self._show_detail(self._current())

    def _show_detail(self, c: StoredCommitment | None) -> None:
        detail = self.query_one("#commitment-detail", Static)
        detail.update(detail_content(c) if c else Content(""))

    @on(OptionList.OptionSelected, "#commitments-list")
    def action_open_made(self) -> None:
        c = self._current()
        if c is not None:
            self.bilat.open_meeting(c.meeting_id)

    def action_open_evidence(self) -> None:
        c = self._current()
        if c is None:
            return
        if c.extracted.evidence_meeting_id is None:
            self.notify("No later meeting has spoken of it yet.", severity="warning")
            return
        self.bilat.open_meeting(c.extracted.evidence_meeting_id)

    def action_set_state(self) -> None:
        c = self._current()
        if c is None:
            self.notify("No commitment to set.", severity="warning")
            return

        def apply(edit: CommitmentEdit | None) -> None:
            if edit is None:
                return
            if edit.state is None:
                self.store.set_commitment(c.id, clear=True, note=edit.note)
            else:
                self.store.set_commitment(c.id, state=edit.state, note=edit.note)
            label = edit.state or f"the extracted state ({c.extracted.state})"
            self.notify(f"Commitment {c.id}: set to {label}.")
            self.post_message(StoreChanged())

        self.app.push_screen(CommitmentEditScreen(c), apply)


@dataclass(frozen=True)
class CommitmentEdit:
    state: CommitmentState | None  # None: back to the extracted state
    note: str  # '' removes the note


class CommitmentEditScreen(BilatModal[CommitmentEdit | None]):
    """Set a commitment's state by hand (or back to the extracted one), with a note."""

    CSS_PATH = "commitments.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, commitment: StoredCommitment) -> None:
        super().__init__()
        self.commitment = commitment

    def compose(self) -> ComposeResult:
        c = self.commitment
        options: list[tuple[str, str]] = [(f"{STATE_GLYPHS[s]} {s}", s) for s in STATES]
        options.append((f"auto (extracted: {c.extracted.state})", AUTO))
        with Vertical(id="status-dialog"):
            yield Label(f"Commitment {c.id} · {c.meeting_date or '?'}", markup=False)
            yield Label(" ".join(c.text.split()), markup=False, classes="entry-section")
            yield Select(options, value=c.manual_state or AUTO, allow_blank=False,
                         id="commitment-state")
            yield Input(c.note or "", placeholder="Note (why you set it)", id="commitment-note")
            with Horizontal():
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#commitment-note")
    def save(self) -> None:
        value = str(self.query_one("#commitment-state", Select).value)
        note = self.query_one("#commitment-note", Input).value.strip()
        state = None if value == AUTO else next(s for s in STATES if s == value)
        self.dismiss(CommitmentEdit(state, note))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
