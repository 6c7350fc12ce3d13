"""Reads that could hang or exhaust memory: a FIFO nobody writes to, /dev/zero, a closed
stdin, more than the cap on stdin. Each ends in one line and a non-zero exit, quickly."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from robust_helpers import WIRE, bilat, bilat_cmd, env_for, fingerprint

from store.db import Store
from store.files import UnreadableFile, read_file
from tui.app import BilatApp
from tui.screens.add import AddScreen

# A hang shows up as a timeout (a failure), never as a stuck suite.
QUICK = 30


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A FIFO that no process writes to. If a reader blocks on it anyway, a writer comes
    after QUICK seconds to release it, so the test fails instead of hanging."""
    path = tmp_path / "article.fifo"
    os.mkfifo(path)
    done = threading.Event()

    def release() -> None:
        if not done.wait(QUICK):
            # O_RDWR never blocks (Linux), and counts as the writer a stuck reader waits for.
            os.close(os.open(path, os.O_RDWR))

    thread = threading.Thread(target=release, daemon=True)
    thread.start()
    yield path
    done.set()
    thread.join()


def one_line(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


@pytest.mark.parametrize("command", ["extract", "add", "import"])
def test_fifo_is_not_waited_on(command: str, fifo: Path, seeded_store: Path) -> None:
    before = fingerprint(seeded_store)
    args = ["add", "--yes"] if command == "add" else [command]
    start = time.monotonic()
    res = bilat(seeded_store, *args, str(fifo))
    assert time.monotonic() - start < QUICK
    assert res.returncode in (1, 2)
    line = one_line(res.stdout + res.stderr)
    assert str(fifo) in line and "nothing written" in line, line
    assert fingerprint(seeded_store) == before


@pytest.mark.parametrize("command", ["extract", "add", "import"])
def test_dev_zero_is_read_only_up_to_the_cap(command: str, seeded_store: Path) -> None:
    before = fingerprint(seeded_store)
    args = ["add", "--yes"] if command == "add" else [command]
    res = bilat(seeded_store, *args, "/dev/zero")
    assert res.returncode in (1, 2)
    line = one_line(res.stdout + res.stderr)
    assert "/dev/zero" in line and "too large" in line and "more than" in line, line
    assert fingerprint(seeded_store) == before


def test_read_file_takes_a_fifo_with_a_writer(tmp_path: Path) -> None:
    """`bilat add <(curl ...)` hands bilat a pipe: it is read, up to the cap."""
    path = tmp_path / "pipe"
    os.mkfifo(path)
    data = WIRE.read_bytes()

    def write() -> None:
        with path.open("wb") as fh:
            fh.write(data)

    writer = threading.Thread(target=write)
    writer.start()
    # The writer's open() blocks until a reader comes; give it a moment to get there.
    time.sleep(0.2)
    assert read_file(path, limit=len(data) + 10) == data
    writer.join()


def test_read_file_regular_file_over_the_limit_names_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * (5 * 1024 * 1024 + 600 * 1024))
    with pytest.raises(UnreadableFile, match=r"too large \(5\.6 MB; limit 5 MB\)"):
        read_file(path, limit=5 * 1024 * 1024)


def run_closed_stdin(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*bilat_cmd(), "--store", str(store), *args], capture_output=True, text=True,
        timeout=120, env=env_for(store), stdin=None, preexec_fn=lambda: os.close(0),
    )


@pytest.mark.parametrize("args", [["extract", "-"], ["add", "--yes", "-"]])
def test_closed_stdin(args: list[str], seeded_store: Path) -> None:
    before = fingerprint(seeded_store)
    res = run_closed_stdin(seeded_store, *args)
    assert res.returncode in (1, 2)
    assert "stdin is closed" in one_line(res.stdout + res.stderr)
    assert fingerprint(seeded_store) == before


def test_more_than_the_cap_on_stdin_is_not_called_five_mb(seeded_store: Path) -> None:
    six_mb = b"word " * (6 * 1024 * 1024 // 5)
    res = subprocess.run(
        [*bilat_cmd(), "--store", str(seeded_store), "extract", "-"], capture_output=True,
        timeout=120, env=env_for(seeded_store), input=six_mb,
    )
    assert res.returncode == 2
    line = one_line(res.stderr.decode())
    assert "too large" in line and "more than 5 MB" in line and "5.0 MB" not in line, line


async def test_tui_add_screen_does_not_wait_on_a_fifo(fifo: Path, seeded_store: Path) -> None:
    with Store.open(seeded_store) as store:
        app = BilatApp(store)
        async with app.run_test(size=(120, 40)) as pilot:
            app.push_screen(AddScreen())
            await pilot.pause()
            app.screen.query_one("#add-path").value = str(fifo)
            start = time.monotonic()
            await pilot.press("enter")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert time.monotonic() - start < QUICK
            assert isinstance(app.screen, AddScreen)
            notes = [str(n.message) for n in app._notifications]
            assert len(notes) == 1 and "nothing written" in notes[0], notes
