"""The list of what changed at a meeting, most important first."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.models import Change
from tui.widgets.styling import STATUS_TEXT_VARS


def change_content(change: Change) -> Content:
    """One change as styled content; the description is data, never markup."""
    mark = "•"
    style = ""
    if change.kind == "status" and change.new_status is not None and change.old_status is not None:
        up = change.new_status.score > change.old_status.score
        mark = "↑" if up else "↓"
        style = STATUS_TEXT_VARS[change.new_status]
    elif change.kind == "first_raised":
        mark = "+"
    elif change.kind == "not_raised":
        mark = "−"
    return Content.assemble((f"{mark} ", f"bold {style}".strip()), change.description)


class ChangesList(OptionList):
    """Changes as selectable options; the option id is the topic id."""

    def show_changes(self, changes: list[Change]) -> None:
        self.clear_options()
        if not changes:
            self.add_option(Option(Content("Nothing changed."), disabled=True))
            return
        self.add_options(
            Option(change_content(c), id=f"{i}:{c.topic_id}") for i, c in enumerate(changes)
        )
