"""Faults a user can meet: a killed `bilat add`, two writers at once, a file that is not a store."""

from __future__ import annotations

import json
import os
import pty
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from store.db import Store
from store.ingest import extract

from .conftest import Run, bilat_cmd, env_for


def test_sigkill_during_add_leaves_only_whole_articles(
    store_path: Path, many_articles: Callable[..., list[Path]], tmp_path: Path
) -> None:
    paths = many_articles(150)
    proc = subprocess.Popen(
        [*bilat_cmd(), "add", "--yes", str(tmp_path / "many")], env=env_for(store_path),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
    )
    assert proc.stdout is not None
    seen = 0
    for line in proc.stdout:
        assert line.startswith("added: "), line
        seen += 1
        if seen == 5:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with Store.open(store_path) as store:
        assert store.integrity_check() == "ok"
        counts = store.counts()
        assert seen <= counts["articles"] < len(paths), "killed before the end"
        dump = store.dump()
    # Every stored article has every one of its quotes: none is half-written.
    by_title = {p.read_text(encoding="utf-8").splitlines()[0]: p for p in paths}
    for article in dump.articles:
        draft = extract(by_title[article.title].read_bytes())
        held = [q for q in dump.quotes if q.article_id == article.id]
        assert len(held) == len(draft.quotes)
        assert article.sha256 == draft.sha256
    conn = sqlite3.connect(store_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_two_processes_adding_at_once(
    store_path: Path, many_articles: Callable[..., list[Path]], tmp_path: Path, run: Run
) -> None:
    ok = run("meetings")  # create the store first so both open an existing file
    assert ok.returncode == 0
    many_articles(25, "many")
    many_articles(25, "other")
    procs = [
        subprocess.Popen(
            [*bilat_cmd(), "add", "--yes", str(tmp_path / folder)], env=env_for(store_path),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
        )
        for folder in ("many", "other")
    ]
    results = [p.communicate(timeout=300) for p in procs]
    codes = [p.returncode for p in procs]
    for code, (out, err) in zip(codes, results, strict=True):
        if code == 0:
            assert out.count("added: ") == 25
        else:
            # The only acceptable failure: a clear busy message, one line.
            assert code == 2 and "store is busy" in err and len(err.strip().splitlines()) == 1
    assert 0 in codes
    with Store.open(store_path) as store:
        assert store.integrity_check() == "ok"
        expected = sum(r[0].count("added: ") for r in results)
        assert store.counts()["articles"] == expected


def test_a_non_sqlite_file_is_refused_and_untouched(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    body = b"These are my notes, not a database.\n" * 50
    path.write_bytes(body)
    before = path.stat().st_mtime_ns
    for args in (("meetings",), ("add", "--yes", str(tmp_path)), ("export", "-f", "md")):
        proc = run(*args, store=path)
        assert proc.returncode == 2, args
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
        assert "not a bilat store" in proc.stderr
    assert path.read_bytes() == body and path.stat().st_mtime_ns == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]  # no -wal, -shm, backup


def test_a_damaged_store_is_one_line(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "bilat.db"
    assert run("meetings", store=path).returncode == 0
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\x00garbage" * ((4096 - 100) // 8)
    path.write_bytes(bytes(data))
    proc = run("meetings", store=path)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_store_flag_beats_the_environment(run: Run, tmp_path: Path, store_path: Path) -> None:
    other = tmp_path / "flag.db"
    proc = run("--store", str(other), "add", "--yes", "--dry-run", "-",
               stdin="Talks\nMarch 3, 2024\n\nBlinken met Chinese Foreign Minister Wang Yi.\n")
    assert proc.returncode == 0
    proc = run("--store", str(other), "meetings", "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout) == []
    assert other.exists() and not store_path.exists()


def test_progress_bar_only_on_a_terminal(
    run: Run, many_articles: Callable[..., list[Path]], tmp_path: Path
) -> None:
    many_articles(7)
    start = time.monotonic()
    proc = run("add", "--yes", str(tmp_path / "many"))
    assert proc.returncode == 0
    assert proc.stdout.count("added: ") == 7
    assert "\r" not in proc.stderr and "[#" not in proc.stderr  # stderr is a pipe here
    assert time.monotonic() - start < 60


def test_progress_bar_on_a_terminal(
    store_path: Path, many_articles: Callable[..., list[Path]], tmp_path: Path
) -> None:
    many_articles(7)
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [*bilat_cmd(), "add", "--yes", str(tmp_path / "many")], env=env_for(store_path),
            stdout=subprocess.PIPE, stderr=follower, stdin=subprocess.DEVNULL, text=True,
            timeout=120,
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                data = os.read(leader, 4096)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(leader)
    err = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "7/7" in err and "[#" in err
    # The summary lines stay clean on stdout.
    assert proc.stdout.count("added: ") == 7 and "\r" not in proc.stdout


def _with_terminal_stdin(args: list[str], store_path: Path, answer: str,
                         ) -> subprocess.CompletedProcess[str]:
    """Run bilat with a terminal as stdin, the answer already typed."""
    leader, follower = pty.openpty()
    try:
        os.write(leader, answer.encode())
        return subprocess.run([*bilat_cmd(), *args], env=env_for(store_path), stdin=follower,
                              capture_output=True, text=True, timeout=120)
    finally:
        os.close(follower)
        os.close(leader)


def test_rm_asks_on_a_terminal(run: Run, store_path: Path,
                               many_articles: Callable[..., list[Path]]) -> None:
    [path] = many_articles(1)
    assert run("add", str(path)).returncode == 0
    proc = _with_terminal_stdin(["rm", "1"], store_path, "n\n")
    assert proc.returncode == 1 and "Remove meeting #1" in proc.stdout and "kept" in proc.stdout
    assert len(json.loads(run("meetings", "--json").stdout)) == 1
    proc = _with_terminal_stdin(["rm", "1"], store_path, "y\n")
    assert proc.returncode == 0 and "removed meeting #1" in proc.stdout
    assert json.loads(run("meetings", "--json").stdout) == []


def test_add_asks_on_a_terminal_unless_yes(run: Run, store_path: Path,
                                           many_articles: Callable[..., list[Path]]) -> None:
    [path] = many_articles(1)
    proc = _with_terminal_stdin(["add", str(path)], store_path, "n\n")
    assert proc.returncode == 1 and "nothing added" in proc.stdout
    assert json.loads(run("meetings", "--json").stdout) == []
    proc = _with_terminal_stdin(["add", str(path)], store_path, "y\n")
    assert proc.returncode == 0 and "added: " in proc.stdout
    assert len(json.loads(run("meetings", "--json").stdout)) == 1
