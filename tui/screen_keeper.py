"""Screens kept built between visits, and a warm-up that makes first visits cheaper.

Mixed into BilatApp. Building a screen (compose, CSS, first layout) is most of what
opening it costs; a kept screen is installed, so popping it does not destroy it and
showing it again only repaints. The warm-up imports the other screens' modules while the
user reads the board, sets the long-lived heap aside from the garbage collector, then
builds the kept screens off-screen (`prebuild`), so that a first visit only repaints too.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import time
from collections.abc import Callable
from typing import Any, TypeVar

from textual import events, work
from textual.app import App
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import AwaitMount

from tui.screens.base import KeptStyles
from tui.screens.board import BoardScreen

KEPT = "kept-"  # prefix of the names of screens kept built between visits
ScreenT = TypeVar("ScreenT", bound=Screen)  # type: ignore[type-arg]

WARM_UP_AFTER = 0.5  # seconds after the board is painted: the user is reading it
# The other screens' modules: imported lazily so the board opens sooner, then imported
# in the background once it shows, so that no first visit pays for an import (the add
# screen's pulls in the whole ingest pipeline: ~150 ms of CPU).
SCREEN_MODULES = ("topic", "meeting", "compare", "quotes", "timeline", "add", "export",
                  "help", "review", "inbox", "pair_picker", "status_edit", "confirm")


# Kept screens built off-screen after the warm-up, the most visited first, one at a time.
PREBUILT = ("help", "topic", "meeting", "quotes", "compare", "timeline", "add", "export")
LAYOUT_ROUNDS = 6  # layouts of a screen built off-screen (see lay_out_off_screen)
WORKER_WAITS = 300  # at most 3 s for a screen's own data, in steps of 10 ms
PREBUILD_GAP = 0.1  # seconds between two builds: key presses in between are served
# Full collections at rest: Textual's line caches leave reference cycles behind (a strip
# cached in itself), so after the freeze a full collection still comes every few screen
# switches, ~30 ms at 10,000 meetings, and switches (which allocate most) are where
# Python's own thresholds start it. It is run instead when no key or mouse event came
# for IDLE_SECONDS and enough garbage built up; Python's own comes later (FULL_EVERY).
IDLE_SECONDS = 1.0
COLLECT_AFTER = 4  # younger collections since the last full one, before one at rest
FULL_EVERY = 40  # Python's threshold for a full collection (its default: 10)


class ScreenKeeper(App[None]):  # an App: Textual finds its handlers (on_unmount)
    """Kept screens and the warm-up, for the App (kept apart to keep tui/app.py short)."""

    warmed: bool
    _input_at: float = 0.0  # time.monotonic() of the last key or mouse event
    _thresholds: tuple[int, int, int] | None = None  # the collector's, before ours
    _unmounted = False  # set on unmount: a collection set-up queued after it is dropped

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
        self.call_from_thread(self._collect_at_rest)
        self.call_from_thread(self.prebuild)

    def _collect_at_rest(self) -> None:
        """Full collections while the user reads, not while a screen is being switched."""
        if self._unmounted:
            return  # queued by the warm-up thread as the app closed: the thresholds stay
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _ = self._thresholds
            gc.set_threshold(young, middle, FULL_EVERY)
            self.set_interval(IDLE_SECONDS / 2, self._collect_at_rest)
        elif (gc.get_count()[2] >= COLLECT_AFTER
              and time.monotonic() - self._input_at > IDLE_SECONDS):
            gc.collect()

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        # A screen shown (a key's, a palette's or a program's doing) is activity too.
        self._input_at = time.monotonic()
        return super().push_screen(*args, **kwargs)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown,
                              events.MouseScrollUp)):
            self._input_at = time.monotonic()
        await super().on_event(event)

    @work(exclusive=True, group="prebuild", exit_on_error=False)
    async def prebuild(self) -> None:
        """Build the kept screens off-screen (composed, mounted, laid out, not shown), so
        a first visit costs what a later one does. In a worker of its own, one at a time
        and only while the board is on top: key presses are served in between."""
        await asyncio.sleep(PREBUILD_GAP)
        board = self.screen if isinstance(self.screen, BoardScreen) else None
        if board is None or board.board is None:
            self.warmed = True
            return  # the user left the board already: the screens are built as visited
        todo = []
        for name in PREBUILT:
            build = self.prebuild_for(name, board)
            if build is not None and not self.is_screen_installed(KEPT + name):
                todo.append(self.kept(name, build))
        # Every screen's CSS first: a stylesheet that changes after a screen was styled
        # would restyle it when shown (tui/screens/base.py KeptStyles).
        for screen in todo:
            self._load_screen_css(screen)
        for screen in todo:
            await asyncio.sleep(PREBUILD_GAP)
            if not isinstance(self.screen, BoardScreen):
                break  # the user went on: the rest are built when first visited
            if screen.is_running or screen not in self._installed_screens.values():
                continue  # shown meanwhile, or dropped (the store changed)
            await AwaitMount(screen, self._register(self, screen))
            await lay_out_off_screen(screen, self.size)
        # Mounting a screen adds its widgets' default CSS: the screens built before it
        # are restyled now, as showing them would (KeptStyles), rather than then.
        for screen in todo:
            if isinstance(screen, KeptStyles) and screen.is_running and screen.is_stale():
                await asyncio.sleep(PREBUILD_GAP)
                if not isinstance(self.screen, BoardScreen):
                    break
                if screen in self.screen_stack or not screen.is_attached:
                    continue
                screen.update_node_styles(animate=False)
                await lay_out_off_screen(screen, self.size)
        self.warmed = True

    def prebuild_for(self, name: str, board: BoardScreen) -> Callable[[], Screen] | None:  # type: ignore[type-arg]
        """How to build the kept screen `name` for the board (the App says)."""
        return None

    def on_unmount(self) -> None:
        self._unmounted = True
        gc.unfreeze()  # the app's objects are garbage now: let the collector have them
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)


async def lay_out_off_screen(screen: Screen, size: Size) -> None:  # type: ignore[type-arg]
    """Lay out and render a screen that is not shown, as Textual does for the one shown
    (Screen._on_timer_update, which skips screens not current): showing it then only
    repaints. A few rounds, as widgets answer their first Resize by asking for another."""
    screen._size = size  # laid out at the app's size: showing it need not again
    # Its data read first (workers started by on_mount; a newer one may cancel an older).
    for _ in range(WORKER_WAITS):
        if not any(w.node is screen and not w.is_finished for w in screen.app.workers):
            break
        await asyncio.sleep(0.01)
    for turn in range(LAYOUT_ROUNDS):
        await asyncio.sleep(0.01)  # its handlers (on_mount, Resize, Show) run meanwhile
        if not screen.is_attached or screen in screen.app.screen_stack:
            return  # dropped meanwhile (the store changed), or shown: Textual lays it out
        if turn and not screen._layout_required:
            break
        screen._refresh_layout(size)
        screen._layout_required = screen._scroll_required = False
        screen._dirty_widgets.clear()
    screen._compositor.render_update(full=True, screen_stack=[screen])  # lines cached
    if isinstance(screen, KeptStyles):
        screen.mark_styled()
