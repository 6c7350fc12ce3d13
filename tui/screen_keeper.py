"""Screens kept built between visits, and a warm-up that makes first visits cheaper.

Mixed into BilatApp. Building a screen (compose, CSS, first layout) is most of what
opening it costs; a kept screen is installed, so popping it does not destroy it and
showing it again only repaints. The warm-up imports the other screens' modules while the
user reads the board, then sets the long-lived heap aside from the garbage collector.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable
from typing import TypeVar

from textual import work
from textual.app import App
from textual.screen import Screen

from tui.screens.board import BoardScreen

KEPT = "kept-"  # prefix of the names of screens kept built between visits
ScreenT = TypeVar("ScreenT", bound=Screen)  # type: ignore[type-arg]

WARM_UP_AFTER = 0.5  # seconds after the board is painted: the user is reading it
# The other screens' modules: imported lazily so the board opens sooner, then imported
# in the background once it shows, so that no first visit pays for an import (the add
# screen's pulls in the whole ingest pipeline: ~150 ms of CPU).
SCREEN_MODULES = ("topic", "meeting", "compare", "quotes", "timeline", "add", "export",
                  "help", "review", "inbox", "pair_picker", "status_edit", "confirm")


class ScreenKeeper(App[None]):  # an App: Textual finds its handlers (on_unmount)
    """Kept screens and the warm-up, for the App (kept apart to keep tui/app.py short)."""

    warmed: bool

    def kept(self, name: str, build: Callable[[], ScreenT], fits: Callable[[ScreenT], bool]
             = lambda _: True) -> ScreenT:
        """The screen kept from the last visit when it `fits`, else a new one kept instead.

        Building a screen (compose, CSS, first layout) is most of what opening it costs;
        a kept one is installed, so popping it does not destroy it, and showing it again
        only repaints. Kept screens are dropped when the store changes (`reload_views`).
        A kept screen already open lower in the stack cannot be pushed twice: a new one.
        """
        key = KEPT + name
        if self.is_screen_installed(key):
            screen = self.get_screen(key)
            if screen in self.screen_stack:
                return build()
            if fits(screen):  # type: ignore[arg-type]
                return screen  # type: ignore[return-value]
            self._drop_kept(key)
        screen = build()
        self.install_screen(screen, key)
        return screen

    def _drop_kept(self, key: str) -> None:
        screen = self.get_screen(key)
        if screen not in self.screen_stack:
            self.uninstall_screen(key)
            if screen.is_attached:
                screen.remove()

    def drop_kept_screens(self) -> None:
        """Rebuild the kept screens on their next visit (the store changed)."""
        for key in [k for k in self._installed_screens if k.startswith(KEPT)]:
            self._drop_kept(key)

    def warm_up_once_painted(self, shown: bool = False) -> None:
        """The warm-up, a while after the board shows its data: never in the way of its
        first paint (on a loaded machine the board takes longer than WARM_UP_AFTER)."""
        board = next((s for s in self.screen_stack if isinstance(s, BoardScreen)), None)
        if board is not None and board.board is None:
            self.set_timer(WARM_UP_AFTER, self.warm_up_once_painted)
        elif not shown:
            self.set_timer(WARM_UP_AFTER, lambda: self.warm_up_once_painted(shown=True))
        else:
            self.warm_up()

    @work(thread=True, exclusive=True, group="warm-up", exit_on_error=False)
    def warm_up(self) -> None:
        """Import the other screens' modules while the user reads the board, then set
        the long-lived heap aside from the garbage collector."""
        for name in SCREEN_MODULES:
            importlib.import_module(f"tui.screens.{name}")
        # What is alive now (modules, the board's meetings) lives as long as the app:
        # out of the collector's sight, a full collection no longer walks it (it took
        # ~75 ms at 10,000 meetings, at a random key press). Garbage is still freed by
        # reference counting; only cycles among these objects would outlive them.
        gc.freeze()
        self.warmed = True

    def on_unmount(self) -> None:
        gc.unfreeze()  # the app's objects are garbage now: let the collector have them
