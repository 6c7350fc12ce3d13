"""Help: every key of every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.screens.base import BilatModal

KEYS = [
    (
        "Everywhere",
        [
            ("ctrl+p", "command palette: every action, topic and meeting"),
            ("?  F1", "this help"),
            ("t", "switch light / dark theme"),
            ("u", "undo the latest change (again: the one before); `bilat log` lists them"),
            ("escape", "back"),
            ("q", "quit"),
        ],
    ),
    (
        "Board",
        [
            ("↑↓←→  hjkl", "move between topics and meetings"),
            ("enter", "open the topic (on a cell: that topic at that meeting)"),
            ("m", "open the highlighted meeting's article"),
            ("a", "add an article"),
            ("/", "search quotes"),
            ("c", "compare two meetings"),
            ("e", "export a timeline"),
            ("d", "next pair of countries"),
        ],
    ),
    (
        "Topic",
        [
            ("←→", "older / newer meeting"),
            ("[  ]", "page older / newer meetings"),
            ("s", "set the status of the focused meeting (with a note)"),
            ("m", "open the focused meeting's article"),
        ],
    ),
    (
        "Meeting",
        [
            ("n", "next source article of the meeting"),
            ("e", "correct title, date, place, pair and participants"),
            ("f", "fix a quote: speaker (the side follows), side, topic, or drop it"),
            ("s", "sources: x remove, p split off, m merge another meeting in"),
            ("c", "confirm what was guessed (clears the needs-review mark “?”)"),
        ],
    ),
    ("Compare", [("x", "swap meetings"), ("enter", "open the topic")]),
    ("Quotes", [("/", "type words"), ("enter", "open the quote's meeting")]),
    (
        "Add / review",
        [
            ("ctrl+r", "read pasted text"),
            ("ctrl+s", "save the reviewed meeting (a date is required)"),
            ("escape", "leave (asks first when you have edited)"),
        ],
    ),
]


def help_content() -> Content:
    parts: list[str | tuple[str, str]] = []
    for section, keys in KEYS:
        parts.append((f"{section}\n", "bold $text-accent"))
        for key, what in keys:
            parts.append((f"  {key:<14}", "bold"))
            parts.append(f"{what}\n")
        parts.append("\n")
    return Content.assemble(*parts)


class HelpScreen(BilatModal[None]):
    BINDINGS = [Binding("escape,question_mark,f1,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Static(help_content())

    def action_close(self) -> None:
        self.dismiss(None)
