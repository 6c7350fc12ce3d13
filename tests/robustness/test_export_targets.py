"""`bilat export -o` by kind of path, and CSV cells a spreadsheet would run (issue 10, 1 and 3).

Each test runs the real command on a real store and looks at what is on disk
afterwards: the kind of file, its inode, its bytes.
"""

from __future__ import annotations

import csv
import io
import os
import pty
import stat
import subprocess
import threading
from pathlib import Path

import pytest
from robust_helpers import AS_ROOT, bilat, bilat_cmd, env_for

from store.db import Store
from store.models import Status

OLD = "keep me\n"


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


def test_existing_file_is_not_replaced_without_force(seeded_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "timeline.md"
    out.write_text(OLD)
    res = bilat(seeded_store, "export", "-o", str(out))
    assert res.returncode == 2
    assert one_line(res.stderr) == f"bilat: error: {out}: file exists; use --force to replace it"
    assert out.read_text() == OLD


def test_force_replaces_an_existing_file_whole(seeded_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "timeline.md"
    out.write_text(OLD)
    out.chmod(0o640)
    inode = out.stat().st_ino
    res = bilat(seeded_store, "export", "-o", str(out), "--force")
    assert res.returncode == 0, res.stderr
    assert out.read_text().startswith("# ")
    # Replaced by rename (atomic), keeping the file's mode.
    assert out.stat().st_ino != inode and stat.S_IMODE(out.stat().st_mode) == 0o640


def _export_on_a_terminal(store: Path, out: Path, answer: str) -> subprocess.CompletedProcess[str]:
    """Run the export with stdin on a pseudo-terminal and type `answer` at the prompt."""
    master, slave = pty.openpty()
    try:
        os.write(master, answer.encode() + b"\n")
        return subprocess.run(
            [*bilat_cmd(), "--store", str(store), "export", "-o", str(out)],
            stdin=slave, capture_output=True, text=True, timeout=120, env=env_for(store),
        )
    finally:
        os.close(slave)
        os.close(master)


def test_yes_at_the_prompt_replaces_the_file(seeded_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "timeline.md"
    out.write_text(OLD)
    res = _export_on_a_terminal(seeded_store, out, "y")
    assert res.returncode == 0, res.stderr
    assert f"{out} exists. Replace it? [y/N]" in res.stdout
    assert out.read_text().startswith("# ")


def test_no_at_the_prompt_keeps_the_file(seeded_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "timeline.md"
    out.write_text(OLD)
    res = _export_on_a_terminal(seeded_store, out, "n")
    assert res.returncode == 2
    assert one_line(res.stderr) == f"bilat: error: {out}: file exists; not replaced"
    assert out.read_text() == OLD


def test_help_says_when_a_file_is_replaced(seeded_store: Path) -> None:
    res = bilat(seeded_store, "export", "--help")
    assert res.returncode == 0
    text = " ".join(res.stdout.split())
    assert "--force" in text
    assert "An existing file is replaced only with --force" in text


def test_symlink_is_followed_and_stays_a_link(seeded_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text(OLD)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    res = bilat(seeded_store, "export", "-o", str(link), "--force")
    assert res.returncode == 0, res.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text().startswith("# ")


def test_dangling_symlink_creates_its_target(seeded_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.md"
    link = tmp_path / "link.md"
    link.symlink_to(target)
    res = bilat(seeded_store, "export", "-o", str(link))
    assert res.returncode == 0, res.stderr
    assert link.is_symlink() and target.read_text().startswith("# ")


def test_fifo_is_written_as_a_stream(seeded_store: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    res = bilat(seeded_store, "export", "-o", str(fifo))
    reader.join(timeout=60)
    assert res.returncode == 0, res.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got and got[0].decode().startswith("# ")


@pytest.mark.skipif(not AS_ROOT, reason="making a device node needs root")
def test_device_is_written_not_replaced(seeded_store: Path, tmp_path: Path) -> None:
    # A copy of /dev/null in the test's directory: the real one is never put at risk.
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    res = bilat(seeded_store, "export", "-o", str(null))
    assert res.returncode == 0, res.stderr
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert null.read_bytes() == b""


def test_read_only_file_is_refused_even_with_force(seeded_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "timeline.md"
    out.write_text(OLD)
    out.chmod(0o444)
    res = bilat(seeded_store, "export", "-o", str(out), "--force")
    assert res.returncode == 2
    assert one_line(res.stderr) == f"bilat: error: {out}: file is read-only; not overwritten"
    assert out.read_text() == OLD and stat.S_IMODE(out.stat().st_mode) == 0o444


# --- CSV ----------------------------------------------------------------------------------


def _note(store: Path, note: str) -> None:
    with Store.open(store) as s:
        board = s.board()
        s.set_status(board.meetings[0].id, board.rows[0].topic.id, Status.DIALOGUE, note)


def _csv_text(store: Path) -> str:
    """The CSV export's exact characters, as written to a file (text mode would turn a CR
    into a line feed; on stdout, which may be a terminal, control characters are dropped)."""
    out = store.with_name("export.csv")
    res = subprocess.run(
        [*bilat_cmd(), "--store", str(store), "export", "-f", "csv", "-o", str(out), "--force"],
        capture_output=True, timeout=120, env=env_for(store), stdin=subprocess.DEVNULL,
    )
    assert res.returncode == 0, res.stderr
    return out.read_bytes().decode("utf-8")


def _csv_rows(store: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_csv_text(store), newline="")))


@pytest.mark.parametrize("note", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)",
                                  "\t=1", "\r=1"])
def test_csv_formula_cells_are_made_inert(seeded_store: Path, note: str) -> None:
    _note(seeded_store, note)
    noted = [r for r in _csv_rows(seeded_store) if r["note"]]
    assert [r["note"] for r in noted] == ["'" + note]


def test_csv_bare_cr_stays_inside_its_cell(seeded_store: Path) -> None:
    _note(seeded_store, "first part\rsecond part")
    text = _csv_text(seeded_store)
    # A reader that takes CR as a line end, as spreadsheets do, still sees whole rows.
    rows = list(csv.reader(io.StringIO(text, newline=None)))
    assert {len(r) for r in rows} == {len(rows[0])}
    assert [r["note"] for r in _csv_rows(seeded_store) if r["note"]] == ["first part\rsecond part"]
