"""The small `bilat` fixes a newcomer asked for, run as the real command."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from bilat_process import bilat_cmd, env_for


def bilat(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*bilat_cmd(), *args], capture_output=True, text=True, timeout=120,
        env=env_for(store), stdin=subprocess.DEVNULL,
    )


def test_read_commands_on_a_missing_folder_create_nothing(tmp_path: Path) -> None:
    store = tmp_path / "missing" / "dir" / "x.db"
    for args in (["meetings"], ["topics"], ["show", "taiwan"], ["changes"], ["quotes"],
                 ["export", "--format", "json"]):
        done = bilat(store, "--store", str(store), *args)
        assert done.returncode == 0, (args, done.stderr)
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "missing").exists()


def test_show_prints_quotes_without_a_stray_mark_and_changes_newest_first(
    demo_template: Path, tmp_path: Path
) -> None:
    store = tmp_path / "b.db"
    shutil.copy(demo_template, store)
    done = bilat(store, "show", "taiwan", "--dyad", "China,United States", "--last", "0")
    assert done.returncode == 0, done.stderr
    quote_lines = [line for line in done.stdout.splitlines() if ": “" in line]
    assert quote_lines, done.stdout
    assert not any(line.lstrip().startswith("“ ") for line in quote_lines)
    changes = done.stdout.split("changes (newest first):\n", 1)[1].splitlines()
    dates = [line.split()[0] for line in changes if line.startswith("  ") and line[2] != " "]
    assert len(dates) >= 2 and dates == sorted(dates, reverse=True)


def test_set_status_says_when_the_topic_was_not_extracted_there(
    demo_template: Path, tmp_path: Path
) -> None:
    store = tmp_path / "b.db"
    shutil.copy(demo_template, store)
    from store.db import Store

    with Store.open(store) as opened:
        meeting = opened.meetings(["China", "United States"])[-1]
        raised = {e.topic_id for e in opened.meeting(meeting.id).entries}
    absent = next(t for t in ("cyber", "climate", "middle-east", "human-rights")
                  if t not in raised)
    done = bilat(store, "set-status", str(meeting.id), absent, "tension")
    assert done.returncode == 0, done.stderr
    assert "not extracted at this meeting" in done.stdout
    assert "(extracted:" not in done.stdout
    present = sorted(raised)[0]
    done = bilat(store, "set-status", str(meeting.id), present, "tension")
    assert "(extracted: " in done.stdout
