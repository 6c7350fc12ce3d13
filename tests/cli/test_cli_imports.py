"""A `bilat` start imports what its command uses, no more: the CLI tests start `bilat` about
a thousand times, and a user's `bilat topics` should not wait for ingest's patterns to be
compiled or the dashboard to load (BENCHMARKS.md, "CI")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bilat_process import env_for

# What only `add`, `extract`, `feed` or the dashboard need.
HEAVY = ("store.ingest.pipeline", "store.fetch.article", "store.db.feeds", "textual", "httpx",
         "trafilatura", "feedparser")


# Runs `python -m tui.cli ARGS` and, at exit, writes the names in sys.modules to a file.
# (-X importtime would miss a module loaded through importlib, as the lazy packages do.)
_LISTING = """\
import atexit, runpy, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w", encoding="utf-8").write("\\n".join(sys.modules)))
runpy.run_module("tui.cli", run_name="__main__", alter_sys=True)
"""


def imported(tmp_path: Path, *args: str) -> set[str]:
    """Every module a real `bilat ARGS` run had imported when it exited."""
    listing = tmp_path / "modules.txt"
    proc = subprocess.run(
        [sys.executable, "-c", _LISTING, str(listing), *args], capture_output=True, text=True,
        timeout=120, env=env_for(tmp_path / "bilat.db"), stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return set(listing.read_text(encoding="utf-8").split())


@pytest.mark.parametrize("args", [("topics",), ("--help",)])
def test_a_read_command_imports_neither_ingest_nor_the_dashboard(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    modules = imported(tmp_path, *args)
    assert "tui.cli" in modules  # the run was read at all
    assert not [m for m in HEAVY if m in modules]


def test_extract_imports_the_pipeline(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks\nJuly 27, 2024\n\nHart met Tang Lei in Vientiane.\n", "utf-8")
    assert "store.ingest.pipeline" in imported(tmp_path, "extract", str(article))
