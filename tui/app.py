"""The bilat dashboard: a Textual App handed its store.

The App only routes: it opens screens, turns worker failures into
notifications and tells open screens to reload after the store changed.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from store.db import Store, StoreError
from tui.commands import BilatCommands
from tui.messages import StoreChanged
from tui.screens.board import BoardScreen

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


class BilatApp(App[None]):
    """Keyboard-first dashboard over one store."""

    CSS_PATH = "app.tcss"
    TITLE = "bilat"
    SUB_TITLE = "bilateral issues, meeting by meeting"
    COMMANDS = App.COMMANDS | {BilatCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Leave bilat"),
        Binding("question_mark,f1", "help", "Help", key_display="?", tooltip="Keys and screens"),
        Binding("t", "toggle_theme", "Theme", show=False, tooltip="Switch light/dark theme"),
        Binding("u", "undo", "Undo", show=False, 
                tooltip="Undo the latest change; again: the one before"),
    ]

    def __init__(self, store: Store, *, theme: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.theme = theme or DARK_THEME

    def on_mount(self) -> None:
        self.push_screen(BoardScreen())

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

    def open_topic(self, topic_id: str, meeting_id: int | None, dyad: list[str] | None) -> None:
        from tui.screens.topic import TopicScreen

        self.push_screen(TopicScreen(topic_id, dyad=dyad, focus_meeting=meeting_id))

    def open_meeting(self, meeting_id: int) -> None:
        from tui.screens.meeting import MeetingScreen

        self.push_screen(MeetingScreen(meeting_id))

    def action_add_article(self) -> None:
        from tui.screens.add import AddScreen

        self.push_screen(AddScreen())

    def action_quotes(self) -> None:
        from tui.screens.quotes import QuotesScreen

        self.push_screen(QuotesScreen())

    def action_compare(self) -> None:
        from tui.screens.board import BoardScreen
        from tui.screens.compare import CompareScreen

        board = next((s for s in self.screen_stack if isinstance(s, BoardScreen)), None)
        self.push_screen(CompareScreen(dyad=board.dyad if board else None))

    def action_export(self) -> None:
        from tui.screens.export import ExportScreen

        self.push_screen(ExportScreen())

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME

    def action_undo(self) -> None:
        self.undo_latest()

    @work(thread=True, exclusive=True, group="undo", exit_on_error=False)
    def undo_latest(self) -> None:
        entry = self.store.undo()  # a StoreError becomes a notification below
        said = f"Undone: {entry.summary}" if entry else "Nothing to undo."
        self.call_from_thread(self.notify, said)
        if entry is not None:
            self.post_message(StoreChanged())

    # --- store changes and failures --------------------------------------------

    @on(StoreChanged)
    def reload_views(self) -> None:
        for screen in self.screen_stack:
            reload = getattr(screen, "reload", None)
            if callable(reload):
                reload()

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


def run(store: str | None = None, demo: bool = False) -> int:
    """Open the dashboard on the user's store (or a demo store); return an exit code."""
    import sys
    import tempfile

    from store import paths

    try:
        if demo:
            from tui.demo import seed_demo_store

            with tempfile.TemporaryDirectory(prefix="bilat-demo-") as tmp:
                with seed_demo_store(Path(tmp) / "demo.db") as opened:
                    BilatApp(opened).run()
            return 0
        path = paths.store_path(store)
        with Store.open(path) as opened:
            BilatApp(opened).run()
        return 0
    except StoreError as exc:
        print(f"bilat: error: {exc}", file=sys.stderr)
        return 2
