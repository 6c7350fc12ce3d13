"""Faults: SIGKILL mid-add, mid-reindex, mid-import; disk full; a read-only store.

After each the store opens, passes `PRAGMA integrity_check`, holds only whole
articles, and keeps every edit the user saved before the fault."""

from __future__ import annotations

import json
import resource
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from robust_helpers import bilat, bilat_cmd, env_for, fingerprint, series_article

from store.db import Store
from store.ingest import extract


def write_series(folder: Path, count: int, start: int = 1) -> dict[str, str]:
    """`count` articles in `folder`; returns title -> text."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for n in range(start, start + count):
        text = series_article(n)
        (folder / f"a{n:04d}.txt").write_text(text, "utf-8")
        out[text.splitlines()[0]] = text
    return out


def assert_whole(path: Path, texts: dict[str, str]) -> dict[str, int]:
    """integrity ok; every article holds exactly the quotes its text yields; counts agree."""
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    with Store.open(path) as store:
        counts = store.counts()
        dump = store.dump()
    assert counts["articles"] == len(dump.articles)
    assert {a.meeting_id for a in dump.articles} == {m.id for m in dump.meetings}
    for article in dump.articles:
        draft = extract(texts[article.title].encode())
        held = [q for q in dump.quotes if q.article_id == article.id]
        assert len(held) == len(draft.quotes), article.title
        assert article.sha256 == draft.sha256
    return counts


def start(store: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*bilat_cmd(), "--store", str(store), *args], env=env_for(store), text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )


def wait_for_writes(store: Path, proc: subprocess.Popen[str], over: int = 64 * 1024) -> None:
    """Return once the process has written `over` bytes to the store's WAL (it is mid-work)."""
    wal = store.with_name(store.name + "-wal")
    start_size = wal.stat().st_size if wal.exists() else 0
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > start_size + over:
            return
        time.sleep(0.001)


def kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "finished before the kill; test proves nothing"


@pytest.fixture
def edited_store(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A store with 3 articles and one manual status edit (the user's saved work)."""
    store = tmp_path / "bilat.db"
    texts = write_series(tmp_path / "first", 3)
    assert bilat(store, "add", "--yes", str(tmp_path / "first")).returncode == 0
    res = bilat(store, "set-status", "1", "south-china-sea", "agreement", "--note", "kept")
    assert res.returncode == 0, res.stderr
    return store, texts


def assert_edit_kept(store: Path) -> None:
    with Store.open(store) as s:
        overrides = s.dump().overrides
    assert any(o.meeting_id == 1 and o.note == "kept" for o in overrides), overrides


def test_sigkill_during_add(tmp_path: Path, edited_store: tuple[Path, dict[str, str]]) -> None:
    store, texts = edited_store
    texts |= write_series(tmp_path / "many", 120, start=10)
    proc = start(store, "add", "--yes", str(tmp_path / "many"))
    assert proc.stdout is not None
    for seen, line in enumerate(proc.stdout, 1):
        assert line.startswith("added: "), line
        if seen == 3:
            break
    kill(proc)
    counts = assert_whole(store, texts)
    assert 3 + 3 <= counts["articles"] < 3 + 120
    assert_edit_kept(store)


def test_sigkill_during_reindex(
    tmp_path: Path, edited_store: tuple[Path, dict[str, str]]
) -> None:
    store, texts = edited_store
    texts |= write_series(tmp_path / "more", 60, start=10)
    assert bilat(store, "add", "--yes", str(tmp_path / "more")).returncode == 0
    before = fingerprint(store)[0]
    proc = start(store, "reindex")
    wait_for_writes(store, proc)
    kill(proc)
    counts = assert_whole(store, texts)
    assert counts == before
    assert_edit_kept(store)


def test_sigkill_during_import(
    tmp_path: Path, edited_store: tuple[Path, dict[str, str]]
) -> None:
    store, texts = edited_store
    texts |= write_series(tmp_path / "more", 150, start=10)
    assert bilat(store, "add", "--yes", str(tmp_path / "more")).returncode == 0
    dump = tmp_path / "dump.json"
    assert bilat(store, "export", "--format", "json", "-o", str(dump)).returncode == 0
    target = tmp_path / "target.db"
    Store.open(target).close()
    empty = fingerprint(target)
    proc = start(target, "import", str(dump))
    wait_for_writes(target, proc)  # inside the import's one transaction, before it commits
    kill(proc)
    # One transaction: either nothing or everything.
    after = fingerprint(target)
    assert after == empty or after[0] == fingerprint(store)[0]
    assert_whole(target, texts)


def limited(max_bytes: int):  # type: ignore[no-untyped-def]
    def preexec() -> None:
        # Without SIG_IGN the kernel kills the process (SIGXFSZ) instead of failing the write.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    return preexec


def test_disk_full_during_add(tmp_path: Path, edited_store: tuple[Path, dict[str, str]]) -> None:
    store, texts = edited_store
    texts |= write_series(tmp_path / "many", 40, start=10)
    before = fingerprint(store)
    size = store.stat().st_size
    res = bilat(store, "add", "--yes", str(tmp_path / "many"),
                preexec_fn=limited(size + 64 * 1024))
    # The limit bites after some articles; then the whole store is unwritable, so
    # `add` stops with one line (exit 2) instead of failing every remaining file.
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    lines = res.stdout.splitlines()
    assert lines and all(ln.startswith("added: ") for ln in lines)
    assert len(lines) < 40, "the size limit never bit"
    errors = res.stderr.strip().splitlines()
    assert len(errors) == 1 and "cannot write to the store file" in errors[0], errors
    after = assert_whole(store, texts)
    assert after["articles"] >= before[0]["articles"]
    assert_edit_kept(store)


def test_read_only_store(tmp_path: Path, edited_store: tuple[Path, dict[str, str]]) -> None:
    store, texts = edited_store
    before = fingerprint(store)
    new = write_series(tmp_path / "new", 1, start=50)
    # chmod 444 (root ignores it) plus a read-only SQLite connection, which binds everyone.
    store.chmod(0o444)
    try:
        res = bilat(store, "add", "--yes", str(tmp_path / "new"))
        queried = bilat(store, "meetings")
    finally:
        store.chmod(0o644)
    assert queried.returncode == 0, queried.stderr
    if res.returncode == 0:
        assert res.stdout.startswith("added: ")  # root: the mode bits did not stop the write
    else:
        err = [ln for ln in res.stderr.splitlines() if ln.strip()]
        assert len(err) == 1 and "read-only" in err[0] or "permission" in err[0], res.stderr
        assert fingerprint(store) == before
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("UPDATE meetings SET location = 'x'")
    conn.close()
    assert_whole(store, texts | new)
    assert_edit_kept(store)
    assert json.loads(bilat(store, "meetings", "--json").stdout)
