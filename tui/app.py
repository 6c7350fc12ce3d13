"""The bilat dashboard: a Textual App handed its store.

The App only routes: it opens screens, turns worker failures into
notifications, tells open screens to reload after the store changed (here or
in another process) and remembers the user's choices.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from store.db import Store, StoreError
from store.models import MeetingRef, StoredQuote
from tui.citation import quote_citation
from tui.commands import BilatCommands
from tui.messages import StoreChanged
from tui.screen_keeper import WARM_UP_AFTER, ScreenKeeper
from tui.screens.board import BoardScreen
from tui.settings import Settings, load_settings, save_settings
from tui.themes import DARK_THEME, LIGHT_THEME, THEMES

POLL_SECONDS = 1.0  # how often the store is asked whether another process wrote to it


class BilatApp(ScreenKeeper):
    """Keyboard-first dashboard over one store."""

    CSS_PATH = "app.tcss"
    TITLE = "bilat"
    SUB_TITLE = "bilateral issues, meeting by meeting"
    # Only our own palette: Textual's defaults (screenshot, maximize, a second theme
    # picker) do not apply here or fail.
    COMMANDS = {BilatCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", show=False, tooltip="Leave bilat"),
        Binding("question_mark,f1", "help", "Help", key_display="?", tooltip="Keys and screens"),
        Binding("t", "toggle_theme", "Theme", show=False, tooltip="Switch light/dark theme"),
        Binding("i", "inbox", "Inbox", show=False, tooltip="Items pulled from feeds"),
        Binding("u", "undo", "Undo", show=False, 
                tooltip="Undo the latest change; again: the one before"),
    ]

    def __init__(
        self, store: Store, *, theme: str | None = None, settings_path: Path | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.settings_path = settings_path
        self.settings: Settings = load_settings(settings_path)
        for registered in THEMES:
            self.register_theme(registered)
        chosen = theme or self.settings.theme
        self.theme = chosen if chosen in (DARK_THEME, LIGHT_THEME) else DARK_THEME
        self._dyads: list[list[str]] | None = None
        self._data_version: int | None = None
        self._counts: dict[str, int] | None = None
        self.warmed = False  # the warm-up (tui/screen_keeper.py) has run

    def on_mount(self) -> None:
        # The baseline is taken now: a write between start and the first poll is news.
        self._data_version, self._counts = self.store.data_version(), self.store.counts()
        self.push_screen(BoardScreen())
        self.set_interval(POLL_SECONDS, self.poll_if_idle)
        self.set_timer(WARM_UP_AFTER, self.warm_up_once_painted)

    def watch_theme(self, theme: str) -> None:
        if theme != self.settings.theme and theme in (DARK_THEME, LIGHT_THEME):
            self.remember(theme=theme)

    def remember(self, **choices: str) -> None:
        """Save a choice (theme, export format or folder) for the next run."""
        self.settings = self.settings.model_copy(update=choices)
        save_settings(self.settings_path, self.settings)

    @property
    def known_dyads(self) -> list[list[str]]:
        """The store's pairs of countries (read once, again after a change)."""
        if self._dyads is None:
            self._dyads = self.store.dyads()
        return self._dyads

    def format_title(self, title: str, sub_title: str) -> Content:
        # Textual dims the sub-title, which falls under 4.5:1 in the light theme.
        if not sub_title:
            return Content(title)
        return Content.assemble((title, "bold"), (" — ", "$text-muted"), (sub_title, "$text-muted"))

    # --- user text is data: no markup in notifications unless asked ----------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: str = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)  # type: ignore[arg-type]

    # --- navigation -------------------------------------------------------------

    def current_dyad(self) -> list[str] | None:
        """The pair the board shows."""
        board = next((s for s in self.screen_stack if isinstance(s, BoardScreen)), None)
        return board.dyad if board else None

    def board_meetings(self) -> dict[int, MeetingRef]:
        """Meetings of the pair on the board, by id (empty before it loads)."""
        board = next((s for s in self.screen_stack if isinstance(s, BoardScreen)), None)
        return board.meeting_index if board else {}

    def open_topic(self, topic_id: str, meeting_id: int | None, dyad: list[str] | None) -> None:
        from tui.screens.topic import TopicScreen

        def build() -> TopicScreen:
            return TopicScreen(topic_id, dyad=dyad, focus_meeting=meeting_id)

        screen = self.kept("topic", build)
        if screen.is_attached:
            screen.show_topic_of(topic_id, dyad, meeting_id)  # the kept one, on this topic
        self.push_screen(screen)

    def open_meeting(self, meeting_id: int, quote_id: int | None = None) -> None:
        from tui.screens.meeting import MeetingScreen

        def build() -> MeetingScreen:
            screen = MeetingScreen(meeting_id)
            screen.focus_quote = quote_id  # scrolled to and marked in the article
            return screen

        screen = self.kept("meeting", build)
        if screen.is_attached and not screen.show_meeting_of(meeting_id, quote_id):
            return  # removed meanwhile (it says so): the kept one keeps its meeting
        self.push_screen(screen)

    def action_add_article(self) -> None:
        from tui.screens.add import AddScreen

        # Kept: an article half pasted before looking something up is still there.
        self.push_screen(self.kept("add", AddScreen))

    def action_inbox(self) -> None:
        from tui.screens.inbox import InboxScreen

        if not isinstance(self.screen, InboxScreen):
            self.push_screen(InboxScreen())

    def action_quotes(self) -> None:
        from tui.screens.quotes import QuotesScreen

        dyad = self.current_dyad()
        # Kept per pair: the search typed last time is still there.
        self.push_screen(self.kept("quotes", lambda: QuotesScreen(dyad=dyad),
                                   lambda s: s.dyad == dyad))

    def action_compare(self) -> None:
        """The meeting under the board's cursor against the one before (default: the newest)."""
        from tui.screens.compare import CompareScreen

        board = next((s for s in self.screen_stack if isinstance(s, BoardScreen)), None)
        left, right = compared_pair(board)
        dyad = self.current_dyad()
        screen = self.kept("compare", lambda: CompareScreen(left, right, dyad=dyad),
                           lambda s: s.dyad == dyad and s.can_show(left, right))
        if screen.is_attached:
            screen.show_pair(left, right)
        self.push_screen(screen)

    def prebuild_for(self, name: str, board: BoardScreen) -> Callable[[], Screen] | None:  # type: ignore[type-arg]
        """The kept screen `name` as its first visit from this board would build it."""
        from tui.screens.add import AddScreen
        from tui.screens.compare import CompareScreen
        from tui.screens.export import ExportScreen
        from tui.screens.help import HelpScreen
        from tui.screens.meeting import MeetingScreen
        from tui.screens.quotes import QuotesScreen
        from tui.screens.timeline import TimelineScreen
        from tui.screens.topic import TopicScreen

        dyad = board.dyad
        rows = board.board.rows if board.board is not None else []
        left, right = compared_pair(board)
        newest = board.board.meetings[-1] if board.board and board.board.meetings else None
        builders: dict[str, Callable[[], Screen] | None] = {  # type: ignore[type-arg]
            "help": HelpScreen, "add": AddScreen, "export": ExportScreen,
            "quotes": lambda: QuotesScreen(dyad=dyad),
            "timeline": lambda: TimelineScreen(dyad=dyad),
            "compare": lambda: CompareScreen(left, right, dyad=dyad),
            "topic": (lambda: TopicScreen(rows[0].topic.id, dyad=dyad)) if rows else None,
            "meeting": (lambda: MeetingScreen(newest.id)) if newest is not None else None,
        }
        return builders.get(name)

    def action_timeline(self) -> None:
        from tui.screens.timeline import TimelineScreen

        if not isinstance(self.screen, TimelineScreen):
            dyad = self.current_dyad()
            self.push_screen(self.kept("timeline", lambda: TimelineScreen(dyad=dyad),
                                       lambda s: s.dyad == dyad))

    def action_commitments(self) -> None:
        from tui.screens.commitments import CommitmentsScreen

        if not isinstance(self.screen, CommitmentsScreen):
            self.push_screen(CommitmentsScreen(dyad=self.current_dyad()))

    def action_export(self) -> None:
        from tui.screens.export import ExportScreen

        # Kept: the format, scope and path chosen last stay as they were.
        self.push_screen(self.kept("export", ExportScreen))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(self.kept("help", HelpScreen))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME

    def action_pick_pair(self) -> None:
        from tui.screens.pair_picker import PairPickerScreen

        board = next((s for s in self.screen_stack if isinstance(s, BoardScreen)), None)
        if board is None:
            return
        counts: dict[tuple[str, ...], int] = {}
        for meeting in self.store.meetings():
            counts[tuple(meeting.dyad)] = counts.get(tuple(meeting.dyad), 0) + 1
        pairs = [(list(d), counts.get(tuple(d), 0)) for d in self.known_dyads]

        def chosen(dyad: list[str] | None) -> None:
            if dyad:
                while self.screen is not board:
                    self.pop_screen()
                board.show_pair(dyad)

        self.push_screen(PairPickerScreen(pairs, board.dyad), chosen)

    def copy_quote(self, quote: StoredQuote) -> None:
        """The quote with its attribution on the clipboard (OSC 52), and say so."""
        place = self.store.meeting(quote.meeting_id).meeting.location
        text = quote_citation(quote, place)
        self.copy_to_clipboard(text)
        self.notify(text, title="Copied to the clipboard")

    def action_undo(self) -> None:
        self.undo_latest()

    @work(thread=True, exclusive=True, group="undo", exit_on_error=False)
    def undo_latest(self) -> None:
        entry = self.store.undo()  # a StoreError becomes a notification below
        said = f"Undone: {entry.summary}" if entry else "Nothing to undo."
        self.call_from_thread(self.notify, said)
        if entry is not None:
            self.post_message(StoreChanged())

    # --- store changes, here or in another process, and failures ----------------

    @on(StoreChanged)
    def reload_views(self) -> None:
        self._dyads = None
        self.drop_kept_screens()  # they would show the store as it was
        for screen in self.screen_stack:
            reload = getattr(screen, "reload", None)
            if callable(reload):
                reload()

    def poll_if_idle(self) -> None:
        """One poll at a time: one still running (a loaded machine) is left to finish, not
        cancelled by the next (a cancelled worker fails whoever waits for it: settle())."""
        if not any(w.group == "live" and not w.is_finished for w in self.workers):
            self.poll_store()

    @work(thread=True, group="live", exit_on_error=False)
    def poll_store(self) -> None:
        """Reload when another process (`bilat add`, a feed pull) committed to the store."""
        version = self.store.data_version()
        if version == self._data_version:
            return
        self._data_version = version
        before, after = self._counts or {}, self.store.counts()
        self._counts = after
        self.call_from_thread(self.changed_elsewhere, arrived(before, after))

    def changed_elsewhere(self, what: str) -> None:
        self.notify(what, title="The store changed in another window")
        self.post_message(StoreChanged())

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """One place where a failed worker becomes a notification."""
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            text = (
                str(error) if isinstance(error, (StoreError, ValueError, OSError)) else repr(error)
            )
            self.notify(
                text.splitlines()[0] if text else type(error).__name__,
                title="Something went wrong",
                severity="error",
            )


def arrived(before: dict[str, int], after: dict[str, int]) -> str:
    """'2 meetings, 14 quotes added' from two store counts."""
    parts = []
    for key in ("meetings", "articles", "quotes"):
        delta = after.get(key, 0) - before.get(key, 0)
        if delta:
            noun = key if abs(delta) != 1 else key[:-1]
            parts.append(f"{delta:+d} {noun}")
    return ", ".join(parts) if parts else "edits (statuses, speakers or notes)"


def run(store: str | None = None, demo: bool = False) -> int:
    """Open the dashboard on the user's store (or a demo store); return an exit code.

    Non-zero after a crash: Textual prints the traceback and sets the app's return code.
    """
    import sys
    import tempfile

    from store import paths

    settings = paths.config_dir() / "tui.json"
    try:
        if demo:
            from tui.demo import seed_demo_store

            with tempfile.TemporaryDirectory(prefix="bilat-demo-") as tmp:
                with seed_demo_store(Path(tmp) / "demo.db") as opened:
                    app = BilatApp(opened, settings_path=settings)
                    app.run()
            return app.return_code or 0
        path = paths.store_path(store)
        with Store.open(path) as opened:
            app = BilatApp(opened, settings_path=settings)
            app.run()
        return app.return_code or 0
    except StoreError as exc:
        print(f"bilat: error: {exc}", file=sys.stderr)
        return 2


def compared_pair(board: BoardScreen | None) -> tuple[int | None, int | None]:
    """The meeting under the board's cursor and the one before (default: the newest)."""
    if board is None or board.board is None or not board.board.meetings:
        return None, None
    meetings = board.board.meetings
    chosen = board.highlighted_meeting() or meetings[-1]
    index = meetings.index(chosen)
    return (meetings[index - 1].id if index > 0 else None), chosen.id
