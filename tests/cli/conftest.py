"""Fixtures for driving the real `bilat` command on a temporary store."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from bilat_process import bilat_cmd, env_for  # noqa: F401 - re-exported to the tests

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (ROOT / "sample_articles").glob("*") if p.is_file())
FIXTURES = ROOT / "tests" / "fixtures" / "cli"

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store" / "bilat.db"


def run_bilat(store: Path, *args: str, stdin: str | None = None,
              ) -> subprocess.CompletedProcess[str]:
    """One real `bilat` run on `store` (through $BILAT_STORE); text in and out."""
    return subprocess.run(
        [*bilat_cmd(), *args], input=stdin, capture_output=True, text=True, timeout=120,
        env=env_for(store), stdin=None if stdin is not None else subprocess.DEVNULL,
    )


@pytest.fixture
def run(store_path: Path) -> Run:
    """bilat(*args, stdin=None, store=None) -> CompletedProcess (text)."""

    def bilat(*args: str, stdin: str | None = None, store: Path | None = None,
              ) -> subprocess.CompletedProcess[str]:
        return run_bilat(store or store_path, *args, stdin=stdin)

    return bilat


def copy_store(template: Path, dest: Path) -> Path:
    """A private copy of a store built once by a module-scoped fixture (through the real
    `bilat` command): a file copy costs milliseconds, adding the articles again seconds.
    SQLite's -wal/-shm files are copied too if a writer left them."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        src = template.with_name(template.name + suffix)
        if src.exists():
            shutil.copyfile(src, dest.with_name(dest.name + suffix))
    return dest


# One article of a series; {title}, {published}, {weekday} and {n} are filled in per copy.
ARTICLE_TEMPLATE = (FIXTURES / "series-template.txt").read_text(encoding="utf-8")


def numbered_article(n: int, start: date = date(2001, 1, 1)) -> str:
    """Article n of a series: its own text (own sha256) and its own date, a week apart."""
    day = start + timedelta(days=7 * n)
    return ARTICLE_TEMPLATE.format(
        title=f"Blinken and Wang hold round {n} of talks",
        published=day.strftime("%B %-d, %Y"), weekday=day.strftime("%A"), n=n,
    )


@pytest.fixture
def many_articles(tmp_path: Path) -> Callable[[int, str], list[Path]]:
    def make(count: int, folder: str = "many") -> list[Path]:
        out = tmp_path / folder
        out.mkdir(exist_ok=True)
        start = date(2001, 1, 1) if folder == "many" else date(2011, 1, 1)
        paths = []
        for n in range(count):
            p = out / f"article-{n:04d}.txt"
            p.write_text(numbered_article(n, start), encoding="utf-8")
            paths.append(p)
        return paths

    return make
