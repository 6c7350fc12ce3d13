"""Help: every key of every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from tui.screens.base import BilatModal

KEYS = [
    (
        "Everywhere",
        [
            ("ctrl+p", "command palette: every action, topic and meeting"),
            ("?  F1", "this help"),
            ("t", "switch light / dark theme"),
            ("u", "undo the latest change (again: the one before); `bilat log` lists them"),
            ("i", "inbox: items pulled from feeds (`bilat feed add URL` follows one)"),
            ("escape", "back"),
            ("q", "quit"),
        ],
    ),
    (
        "Board",
        [
            ("↑↓←→  hjl", "move between topics and meetings"),
            ("home  end", "topic column / newest meeting"),
            ("enter", "open the topic (on a cell: that topic at that meeting)"),
            ("m", "open the highlighted meeting's article"),
            ("a", "add an article"),
            ("/", "search quotes"),
            ("c", "compare two meetings of the pair"),
            ("T", "timeline: the pair's meetings on a time axis"),
            ("k", "commitments: what the pair promised, kept or broke"),
            ("d", "choose the pair of countries"),
            ("e", "export a timeline"),
            ("~ in Now", "stale: not raised for 5 meetings or a year"),
            ("! in Now", "an open commitment on the topic is past its due date (k lists them)"),
            ("◀ N older", "meetings off screen to the left (scroll or ←)"),
        ],
    ),
    (
        "Topic",
        [
            ("←→", "older / newer meeting"),
            ("[  ]", "page older / newer meetings"),
            ("s", "set the status of the focused meeting (with a note)"),
            ("m", "open the focused meeting's article"),
            ("y", "copy a quote of the focused meeting (again: the next)"),
            ("↑↓  wheel", "scroll the focused card"),
            ("tab, enter", "to the lanes and the changes; enter opens that meeting"),
            ("lanes", "each side's positions, newest meeting first: » demand ? concern "
                      "! warning = assertion ≠ denial + proposal ✓ welcome"),
        ],
    ),
    (
        "Timeline",
        [
            ("←→  ↑↓", "move between meetings / topic lanes"),
            ("+  -", "zoom: months, quarters, years"),
            ("enter", "open the meeting under the cursor"),
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
    (
        "Commitments",
        [
            ("↑↓", "move; open, kept, progressing, stalled, broken, superseded; oldest first"),
            ("enter", "open the meeting that made it"),
            ("e", "open the meeting that gave its state (the evidence)"),
            ("s", "set its state by hand, with a note (undo: u; reindex keeps it)"),
            ("!", "open and past its due date"),
        ],
    ),
    ("Inbox", [("p", "pull every feed"), ("enter  a", "fetch the item and review it"),
               ("s", "skip the item")]),
    (
        "Quotes",
        [
            ("/", "type words"),
            ("↓", "from the filters to the results"),
            ("y", "copy the quote with its attribution"),
            ("enter", "open the article at the quote"),
        ],
    ),
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
            yield Label("bilat — keys and screens", classes="dialog-title")
            yield Label("escape, ? or q closes this help", classes="dialog-hint")
            yield Static(help_content())

    def action_close(self) -> None:
        self.dismiss(None)
