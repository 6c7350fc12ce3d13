"""Command palette: every action, topic and meeting, named "group: verb"."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import BilatApp


class BilatCommands(Provider):
    """Actions, topics and meetings of the open store."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = cast("BilatApp", self.app)
        commands: list[tuple[str, Callable[[], object], str]] = [
            (
                "article: add from a file or pasted text",
                app.action_add_article,
                "Review, then save",
            ),
            ("quotes: search", app.action_quotes, "Filter quotes by speaker, side, topic, words"),
            ("meetings: compare two", app.action_compare, "Every topic side by side"),
            ("export: timeline", app.action_export, "Markdown, JSON, CSV, HTML or TimelineJS"),
            ("theme: light", partial(setattr, app, "theme", "textual-light"), "Light theme"),
            ("theme: dark", partial(setattr, app, "theme", "textual-dark"), "Dark theme"),
            ("help: keys and screens", app.action_help, "What every key does"),
            ("store: undo the latest change", app.action_undo, "Again: the change before it"),
        ]
        for topic in app.store.topics():
            commands.append(
                (
                    f"topic: open {topic.name}",
                    partial(app.open_topic, topic.id, None, None),
                    topic.description or topic.id,
                )
            )
        for meeting in reversed(app.store.meetings()):
            label = f"meeting: open {meeting.meeting_date or '?'} {meeting.title}" + (
                " (needs review)" if meeting.review else "")
            commands.append((label, partial(app.open_meeting, meeting.id), meeting.location or ""))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands()[:7]:
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                # highlight() returns Content, so a title holding "[bold]" stays literal.
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)
