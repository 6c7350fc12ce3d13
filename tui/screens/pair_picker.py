"""Modal: choose the pair of countries the board shows, with each pair's meeting count."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.screens.base import BilatModal


def pair_options(counts: list[tuple[list[str], int]], current: list[str] | None) -> list[Option]:
    """One option per pair: 'China – United States   12 meetings', the one on view marked."""
    options = []
    for dyad, count in counts:
        mark = "● " if dyad == current else "  "
        label = Content.assemble(
            mark,
            (" – ".join(dyad), "bold"),
            (f"   {count} meeting{'s' if count != 1 else ''}", "$text-muted"),
        )
        options.append(Option(label, id="|".join(dyad)))
    return options


class PairPickerScreen(BilatModal[list[str] | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, counts: list[tuple[list[str], int]], current: list[str] | None) -> None:
        super().__init__()
        self.counts = counts
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="pair-dialog"):
            yield Label("Pairs of countries  (enter: show, escape: cancel)", id="pair-title")
            yield OptionList(*pair_options(self.counts, self.current), id="pairs")

    def on_mount(self) -> None:
        pairs = self.query_one(OptionList)
        dyads = [d for d, _ in self.counts]
        if self.current in dyads:
            pairs.highlighted = dyads.index(self.current)
        pairs.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(str(event.option.id).split("|"))

    def action_cancel(self) -> None:
        self.dismiss(None)
