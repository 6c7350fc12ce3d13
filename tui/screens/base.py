"""What every bilat screen shares: typed access to the app and its store."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual import events
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from store.db import Store
    from tui.app import BilatApp

ResultType = TypeVar("ResultType")


class StoreAccess:
    """`self.bilat` and `self.store` for anything mounted in a BilatApp."""

    @property
    def bilat(self) -> BilatApp:
        # A mixin cannot declare `app` without clashing with Screen's own attribute.
        return cast("BilatApp", getattr(self, "app"))  # noqa: B009

    @property
    def store(self) -> Store:
        return self.bilat.store


class KeptStyles:
    """A screen shown again keeps its styles unless the theme or the CSS changed since.

    Textual recomputes every style of a pushed screen (and widgets such as DataTable then
    drop their rendered rows): right for a new screen, wasted on one kept from an earlier
    visit (tui/app.py `kept`). Textual calls this handler before Screen's own, which then
    skips the refresh.
    """

    _styled_as: tuple[object, ...] | None = None

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        styled = self._styled_now()
        if event.refresh_styles and styled == self._styled_as:
            event.refresh_styles = False
        self._styled_as = styled

    def mark_styled(self) -> None:
        """Styled as things are now: a screen built off-screen (tui/screen_keeper.py)
        was styled at mount, so its first showing need not restyle it either."""
        self._styled_as = self._styled_now()

    def is_stale(self) -> bool:
        """Styled before the theme or the CSS last changed."""
        return self._styled_as != self._styled_now()

    def _styled_now(self) -> tuple[object, ...]:
        app = cast("BilatApp", getattr(self, "app"))  # noqa: B009
        return (app._css_update_count, app.theme, len(app.stylesheet.source))


class BilatScreen(StoreAccess, KeptStyles, Screen[ResultType]):
    """A full screen of the dashboard."""


class BilatModal(StoreAccess, KeptStyles, ModalScreen[ResultType]):
    """A dialog over the current screen."""
