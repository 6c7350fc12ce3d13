"""TUI fixtures: a demo store built once per session, copied for each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.db import Store
from tui.app import BilatApp
from tui.demo import seed_demo_store


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    seed_demo_store(path).close()
    return path


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "bilat.db"
    shutil.copy(demo_template, path)
    store = Store.open(path)
    yield store
    store.close()


@pytest.fixture
def demo_app(demo_store: Store) -> BilatApp:
    return BilatApp(demo_store)
