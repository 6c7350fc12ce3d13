"""What every bilat screen shares: typed access to the app and its store."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

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


class BilatScreen(StoreAccess, Screen[ResultType]):
    """A full screen of the dashboard."""


class BilatModal(StoreAccess, ModalScreen[ResultType]):
    """A dialog over the current screen."""
