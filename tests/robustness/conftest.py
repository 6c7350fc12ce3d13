"""Fixtures for the robustness tests: a store holding one article, built once and copied."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # robust_helpers, whatever pytest's import mode
sys.path.insert(0, str(Path(__file__).parent.parent))  # bilat_process, shared with tests/cli

from robust_helpers import series_article  # noqa: E402

from store.db import Store  # noqa: E402
from store.ingest import extract  # noqa: E402


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "bilat.db"
    with Store.open(path) as store:
        store.add_draft(extract(series_article(0).encode()))
    return path


@pytest.fixture
def seeded_store(seeded_template: Path, tmp_path: Path) -> Path:
    """A store file that already holds one meeting (so "unchanged" means something)."""
    path = tmp_path / "store" / "bilat.db"
    path.parent.mkdir()
    shutil.copy(seeded_template, path)
    return path
