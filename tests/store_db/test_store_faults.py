"""Processes killed mid-write and processes writing at once, on a real store file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from store.db import Store

ROOT = Path(__file__).resolve().parents[2]

# Adds articles of 6 quotes and 3 topics each, forever (until killed) or COUNT times.
WRITER = r"""
import sys
from datetime import date, timedelta
from store.db import Store
from store.models import Status
from store_db.drafts import make_draft

path, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
with Store.open(path) as store:
    i = 0
    while count < 0 or i < count:
        lines = [f'{prefix} said "{prefix} point {i} number {k} stands"' for k in range(6)]
        text = f"{prefix} meeting {i}\n" + ". ".join(lines) + "."
        quotes = [(f"{prefix} point {i} number {k} stands", "Tang Lei", "China", "taiwan")
                  for k in range(6)]
        draft = make_draft(text, when=date(2020, 1, 1) + timedelta(days=3 * i),
                           topics={"taiwan": Status.TENSION, "trade": Status.DIALOGUE,
                                   "ai": Status.PROGRESS}, quotes=quotes)
        store.add_draft(draft, new_meeting=True)
        i += 1
        print(i, flush=True)
"""


def _writer(path: Path, prefix: str, count: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), prefix, str(count)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_sigkill_during_adds_leaves_only_whole_articles(tmp_path: Path) -> None:
    path = tmp_path / "bilat.db"
    Store.open(path).close()
    proc = _writer(path, "kill", -1)
    assert proc.stdout is not None
    # Let it get well into its run, then kill it without warning.
    for _ in range(40):
        line = proc.stdout.readline()
        assert line, proc.stderr.read() if proc.stderr else "writer died"
    time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)

    with Store.open(path) as store:
        assert store.integrity_check() == "ok"
        counts = store.counts()
        assert counts["articles"] >= 40
        # whole articles only: every article has all its quotes and entries
        assert counts["quotes"] == 6 * counts["articles"]
        assert counts["entries"] == 3 * counts["articles"]
        assert counts["meetings"] == counts["articles"]
    conn = sqlite3.connect(path)
    fts = conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'stands'")
    assert fts.fetchone()[0] == counts["quotes"]
    conn.close()


def test_two_processes_adding_at_once_both_succeed(tmp_path: Path) -> None:
    path = tmp_path / "bilat.db"
    Store.open(path).close()
    procs = [_writer(path, name, 40) for name in ("alpha", "beta")]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with Store.open(path) as store:
        assert store.counts()["articles"] == 80
        assert store.integrity_check() == "ok"
        assert len(store.search_quotes("alpha", limit=1000)) == 240
