"""What every bilat screen shares: typed access to the app and its store."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from store.db import Store
    from tui.app import BilatApp

ResultType = TypeVar("ResultType")


class BilatScreen(Screen[ResultType]):
    @property
    def bilat(self) -> BilatApp:
        return cast("BilatApp", self.app)

    @property
    def store(self) -> Store:
        return self.bilat.store


class BilatModal(ModalScreen[ResultType]):
    @property
    def bilat(self) -> BilatApp:
        return cast("BilatApp", self.app)

    @property
    def store(self) -> Store:
        return self.bilat.store
