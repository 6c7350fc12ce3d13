"""Opening a store: three bilats creating one at once, another program's SQLite file, and a
store in a directory bilat cannot write to."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from robust_helpers import AS_ROOT, WIRE, bilat, bilat_cmd, env_for

from store.db import Store, StoreCorrupt
from store.db.schema import CURRENT_VERSION

ROUNDS = 8


def test_three_writers_on_a_brand_new_store(tmp_path: Path) -> None:
    """Three processes create the same new store at once, each adding its own article.
    Before the schema version was read under the write lock, some runs failed with
    "table topics already exists"."""
    articles = []
    for n in range(3):
        path = tmp_path / f"article{n}.txt"
        # Three different articles (different sha256), each its own meeting.
        path.write_text(WIRE.read_text("utf-8") + f"\nVariant {n}.\n", "utf-8")
        articles.append(path)
    for r in range(ROUNDS):
        store = tmp_path / f"round{r}" / "bilat.db"
        procs = [
            subprocess.Popen(
                [*bilat_cmd(), "--store", str(store), "add", "--yes", "--new-meeting", str(a)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env_for(store),
                stdin=subprocess.DEVNULL)
            for a in articles
        ]
        results = [(p.wait(120), *p.communicate()) for p in procs]
        for code, out, err in results:
            assert code == 0, f"round {r}: {err}"
            assert out.startswith("added: "), out
        with Store.open(store) as s:
            assert s.counts()["meetings"] == 3
            assert s.counts()["topics"] >= 16


def foreign_database(path: Path, *, user_version: int = 0) -> str:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('mine')")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("user_version", [0, 1, CURRENT_VERSION, 77])
def test_a_foreign_sqlite_file_is_left_untouched(tmp_path: Path, user_version: int) -> None:
    """Another program's database (whatever its user_version) is refused before any pragma:
    it stays in its own journal mode, byte for byte, with no file left beside it."""
    path = tmp_path / "other.db"
    digest = foreign_database(path, user_version=user_version)
    for args in (["meetings"], ["add", "--yes", str(WIRE)]):
        res = bilat(path, *args)
        assert res.returncode == 2
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and "not a bilat store" in lines[0], res.stderr
    with pytest.raises(StoreCorrupt):
        Store.open(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def run_in_read_only_dir(
    directory: Path, store: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    """`bilat` with `directory` read-only: as a normal user by its mode bits; as root (who
    ignores them) by a read-only bind mount in a private mount namespace."""
    cmd = [*bilat_cmd(), "--store", str(store), *args]
    if not AS_ROOT:
        directory.chmod(0o555)
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=120,
                                  env=env_for(store), stdin=subprocess.DEVNULL)
        finally:
            directory.chmod(0o755)
    if shutil.which("unshare") is None:
        pytest.skip("root, and no unshare(1) to make a read-only directory")
    script = 'mount --bind -o ro "$0" "$0" && exec "$@"'
    res = subprocess.run(["unshare", "-m", "sh", "-c", script, str(directory), *cmd],
                         capture_output=True, text=True, timeout=120, env=env_for(store),
                         stdin=subprocess.DEVNULL)
    if "mount:" in res.stderr or "unshare:" in res.stderr:
        pytest.skip(f"cannot make a read-only mount here: {res.stderr.strip()}")
    return res


def test_a_store_in_a_read_only_directory_can_be_read(tmp_path: Path) -> None:
    directory = tmp_path / "ro"
    directory.mkdir()
    store = directory / "bilat.db"
    with Store.open(store) as s:
        from store.ingest import extract

        s.add_draft(extract(WIRE.read_bytes()))
    assert sorted(p.name for p in directory.iterdir()) == ["bilat.db"]  # WAL checkpointed

    listed = run_in_read_only_dir(directory, store, "meetings")
    assert listed.returncode == 0, listed.stderr
    assert "Blinken and Wang meet in Laos" in listed.stdout
    quotes = run_in_read_only_dir(directory, store, "quotes", "--search", "resupply")
    assert quotes.returncode == 0, quotes.stderr
    assert "Philippines" in quotes.stdout

    other = tmp_path / "other.txt"
    other.write_text(WIRE.read_text("utf-8") + "\nAnother copy.\n", "utf-8")
    added = run_in_read_only_dir(directory, store, "add", "--yes", str(other))
    assert added.returncode == 2
    lines = added.stderr.strip().splitlines()
    assert len(lines) == 1 and "read-only" in lines[0], added.stderr
    with Store.open(store) as s:
        assert s.counts()["articles"] == 1
