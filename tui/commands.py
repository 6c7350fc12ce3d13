"""Command palette: every action, topic and meeting, named "group: verb".

Stored text (titles, topic names, places) is data: the hits are built as
Content, never parsed as markup, and the help line is escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from tui.themes import DARK_THEME, LIGHT_THEME

if TYPE_CHECKING:
    from tui.app import BilatApp


@dataclass(frozen=True)
class Command:
    name: str
    callback: Callable[[], object]
    help: str
    words: str = ""  # extra words it is found by (place, date), not shown in the name


def word_score(query: str, text: str) -> float:
    """A bonus when the query starts a word of `text` ("lima" in "… Lima …", not "Climate")."""
    query = query.strip().casefold()
    if not query:
        return 0.0
    lowered = text.casefold()
    start = lowered.find(query)
    while start >= 0:
        if start == 0 or not lowered[start - 1].isalnum():
            return 1.0
        start = lowered.find(query, start + 1)
    return 0.0


def highlight(name: str, offsets: object) -> Content:
    """The name as plain content with the matched letters in bold: no markup parsing."""
    content = Content(name)
    for offset in offsets if isinstance(offsets, tuple | list) else ():
        if 0 <= offset < len(name) and not name[offset].isspace():
            content = content.stylize("bold underline", offset, offset + 1)
    return content


class BilatCommands(Provider):
    """Actions, topics raised for the pair on view, and meetings (by title, place, date)."""

    async def startup(self) -> None:
        # Built once per opening of the palette, not once per key typed.
        self.commands = self._commands()

    def _commands(self) -> list[Command]:
        app = cast("BilatApp", self.app)
        commands = [
            Command("article: add from a file or pasted text", app.action_add_article,
                    "Review, then save"),
            Command("inbox: items pulled from feeds", app.action_inbox,
                    "Accept (review, then save) or skip; p pulls the feeds"),
            Command("quotes: search", app.action_quotes,
                    "Filter quotes by speaker, side, topic, words"),
            Command("meetings: compare two", app.action_compare, "Every topic side by side"),
            Command("timeline: show the pair's meetings in time", app.action_timeline,
                    "One lane per topic, on a time axis"),
            Command("commitments: what the pair promised, kept or broke",
                    app.action_commitments, "Open, kept, stalled, broken; by age, with evidence"),
            Command("pair: choose the pair of countries", app.action_pick_pair,
                    "Each pair with its number of meetings"),
            Command("export: timeline", app.action_export,
                    "Markdown, JSON, CSV, HTML or TimelineJS"),
            Command("theme: light", partial(setattr, app, "theme", LIGHT_THEME),
                    "Light theme"),
            Command("theme: dark", partial(setattr, app, "theme", DARK_THEME), "Dark theme"),
            Command("help: keys and screens", app.action_help, "What every key does"),
            Command("store: undo the latest change", app.action_undo,
                    "Again: the change before it"),
            Command("app: quit", app.action_quit, "Leave bilat"),
        ]
        dyad = app.current_dyad()
        raised = raised_topics(app)
        for topic in app.store.topics():
            if raised is not None and topic.id not in raised:
                continue  # never raised for the pair on view: nothing to open
            commands.append(Command(
                f"topic: open {topic.name}",
                partial(app.open_topic, topic.id, None, dyad),
                escape(topic.description or topic.id),
            ))
        for meeting in reversed(app.store.meetings(dyad)):
            place = meeting.location or ""
            label = f"meeting: open {meeting.meeting_date or '?'} {place} · {meeting.title}" + (
                " (needs review)" if meeting.review else "")
            commands.append(Command(
                label, partial(app.open_meeting, meeting.id),
                escape(", ".join(meeting.sources) or " – ".join(meeting.dyad)),
            ))
        return commands

    async def discover(self) -> Hits:
        for command in self.commands[:10]:
            yield DiscoveryHit(Content(command.name), command.callback, text=command.name,
                               help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands:
            score = matcher.match(command.name)
            bonus = word_score(query, command.name)
            if score > 0 or bonus > 0:
                _, offsets = matcher.fuzzy_search.match(query, command.name)
                yield Hit(
                    score + bonus,
                    highlight(command.name, offsets),
                    command.callback,
                    text=command.name,
                    help=command.help,
                )


def raised_topics(app: BilatApp) -> set[str] | None:
    """Topics raised at some meeting of the pair on view; None when no board is loaded."""
    from tui.screens.board import BoardScreen

    board = next((s for s in app.screen_stack if isinstance(s, BoardScreen)), None)
    if board is None or board.board is None:
        return None
    return {row.topic.id for row in board.board.rows if row.cells}
