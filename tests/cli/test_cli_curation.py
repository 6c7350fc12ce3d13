"""Curation as a user runs it: the gate, edits through reindex, sources, the journal and undo.

Real `bilat` subprocesses on temporary stores; the articles are our own sentences
(tests/fixtures/cli and the series template).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from store.db import Store
from store.ingest import extract

from .conftest import FIXTURES, Run, numbered_article

WIRE = FIXTURES / "laos-talks-wire.txt"
READOUT = FIXTURES / "laos-talks-readout.txt"
EXPORTS = {"md": "timeline.md", "json": "store.json", "csv": "entries.csv",
           "html": "timeline.html", "timelinejs": "timeline-js.json"}


def ok(proc: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc


def meetings(run: Run) -> list[dict[str, object]]:
    data = json.loads(ok(run("meetings", "--json")).stdout)
    assert isinstance(data, list)
    return data


@pytest.fixture
def folder(run: Run, tmp_path: Path) -> Path:
    """One article of ours and the five exports of another store, side by side."""
    other = tmp_path / "other.db"
    ok(run("add", "--yes", str(READOUT), store=other))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for fmt, name in EXPORTS.items():
        ok(run("export", "--format", fmt, "-o", str(inbox / name), store=other))
    (inbox / "article.txt").write_text(WIRE.read_text(encoding="utf-8"), encoding="utf-8")
    (inbox / ".notes.txt").write_text(numbered_article(3), encoding="utf-8")  # hidden: skipped
    return inbox


def test_the_whole_curation_story(run: Run, folder: Path, tmp_path: Path) -> None:
    # 1. A folder with one article and five exports: 1 meeting, 5 refusals named on stderr.
    dry = run("add", "--dry-run", str(folder))
    assert dry.returncode == 1
    assert dry.stdout.count("would add:") == 1
    proc = run("add", "--yes", str(folder))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    refusals = proc.stderr.strip().splitlines()
    assert len(refusals) == 5
    for name in EXPORTS.values():
        line = next(ln for ln in refusals if f"{folder / name}:" in ln)
        assert "not an article" in line
    assert dry.stderr.strip().splitlines() == refusals  # --dry-run says the same
    assert len(meetings(run)) == 1
    (first,) = meetings(run)
    mid = str(first["id"])

    # 2. Edit date, place and title; reindex re-reads the article; the edits stay.
    ok(run("edit", mid, "--date", "2024-07-26", "--place", "Vientiane, Laos",
           "--title", "Blinken and Wang in Vientiane"))
    ok(run("reindex"))
    (edited,) = meetings(run)
    assert (edited["meeting_date"], edited["location"], edited["title"]) == (
        "2024-07-26", "Vientiane, Laos", "Blinken and Wang in Vientiane")

    # 3. Merge two meetings, then undo: two meetings again.
    series = tmp_path / "round-5.txt"
    series.write_text(numbered_article(5), encoding="utf-8")
    ok(run("add", "--yes", str(series)))
    other = next(m for m in meetings(run) if str(m["id"]) != mid)
    ok(run("merge", mid, str(other["id"])))
    assert len(meetings(run)) == 1
    assert len(json.loads(ok(run("sources", mid, "--json")).stdout)) == 2
    assert "undone: merge" in ok(run("undo")).stdout
    assert sorted(str(m["id"]) for m in meetings(run)) == sorted([mid, str(other["id"])])

    # 4. A status with a note, remove the meeting, undo: meeting, quotes and note are back.
    quotes_before = json.loads(ok(run("quotes", "--json")).stdout)
    ok(run("set-status", mid, "south-china-sea", "stalled", "--note", "no shoal deal yet"))
    ok(run("rm", mid, "--yes"))
    assert str(mid) not in {str(m["id"]) for m in meetings(run)}
    assert "undone: remove meeting" in ok(run("undo")).stdout
    assert json.loads(ok(run("quotes", "--json")).stdout) == quotes_before
    shown = ok(run("set-status", mid, "south-china-sea", "stalled", "--note",
                   "no shoal deal yet", "--json"))
    assert json.loads(shown.stdout)["note"] == "no shoal deal yet"
    ok(run("undo"))  # that last set-status was a check, take it back
    entries = json.loads(ok(run("meetings", "--json")).stdout)
    assert str(mid) in {str(m["id"]) for m in entries}

    # 5. The log lists every step, newest first, with before and after.
    log = json.loads(ok(run("log", "--json")).stdout)
    actions = [e["action"] for e in reversed(log)]
    assert actions == ["add", "edit", "add", "merge", "set-status", "rm", "set-status"]
    undone = {e["action"] for e in log if e["undone_at"]}
    assert undone == {"merge", "rm", "set-status"}
    edit = next(e for e in log if e["action"] == "edit")
    assert edit["before"]["meeting"]["meeting_date"] == "2024-07-27"
    assert edit["after"]["meeting"]["meeting_date"] == "2024-07-26"
    status = next(e for e in reversed(log) if e["action"] == "set-status")
    assert status["after"]["override"]["note"] == "no shoal deal yet"
    assert status["undone_at"] is None  # the first one stays; only the check was undone


def test_participants_quote_and_confirm(run: Run, tmp_path: Path) -> None:
    ok(run("add", "--yes", str(WIRE)))
    (m,) = meetings(run)
    mid = str(m["id"])
    people = json.loads(ok(run("participants", mid, "--add", "Ruth Calder", "--role",
                               "Deputy Secretary", "--country", "United States",
                               "--json")).stdout)
    assert "Ruth Calder" in {p["name"] for p in people}
    ok(run("participants", mid, "--rm", "Ruth Calder"))
    assert "Ruth Calder" not in ok(run("participants", mid)).stdout
    bad = run("participants", mid, "--rm", "Nobody Here")
    assert bad.returncode == 2 and bad.stderr.startswith("bilat: error: no participant")

    quotes = json.loads(ok(run("quotes", "--json")).stdout)
    q = next(q for q in quotes if q["speaker"] == "Wang Yi")
    out = json.loads(ok(run("quote", str(q["id"]), "--speaker", "Ruth Calder", "--json")).stdout)
    assert (out["quote"]["speaker"], out["quote"]["speaker_country"]) == (
        "Ruth Calder", "United States")  # the side went with the speaker
    ok(run("quote", str(q["id"]), "--side", "China", "--topic", "none"))
    ok(run("quote", str(q["id"]), "--drop"))
    assert q["id"] not in {x["id"] for x in json.loads(ok(run("quotes", "--json")).stdout)}
    assert run("quote", "99999", "--drop").stderr.startswith("bilat: error: no quote 99999")

    confirm = ok(run("confirm", mid))
    assert "nothing to confirm" in confirm.stdout  # edits already settled the review
    assert "no meetings need review" in ok(run("meetings", "--needs-review")).stdout


def test_needs_review_is_listed_until_confirmed(run: Run, store_path: Path) -> None:
    # What ingest guessed is stored with the meeting (here set on the draft, so the test
    # does not hang on which articles ingest marks).
    draft = extract(WIRE.read_bytes())
    with Store.open(store_path) as store:
        marked = store.add_draft(draft.model_copy(
            update={"review_reasons": ["date-guessed", "no-place"]})).meeting_id
    ok(run("add", "--yes", str(READOUT), "--new-meeting"))
    listed = ok(run("meetings", "--needs-review")).stdout.strip().splitlines()
    assert len(listed) == 1 and listed[0].startswith(f"#{marked} ")
    assert "needs review: date-guessed, no-place" in listed[0]
    assert "confirmed" in ok(run("confirm", str(marked))).stdout
    assert json.loads(ok(run("meetings", "--needs-review", "--json")).stdout) == []
    ok(run("undo"))
    assert [m["id"] for m in json.loads(ok(run("meetings", "--needs-review", "--json")).stdout)
            ] == [marked]


def test_sources_split_and_rm_source(run: Run) -> None:
    ok(run("add", "--yes", str(WIRE), str(READOUT)))
    (m,) = meetings(run)
    mid = str(m["id"])
    found = json.loads(ok(run("sources", mid, "--json")).stdout)
    assert [s["source"] for s in found] == ["AP", "U.S. Department of State"] or len(found) == 2
    second = str(found[1]["id"])
    new = ok(run("split", mid, second)).stdout
    assert "is now meeting" in new
    assert len(meetings(run)) == 2
    refused = run("split", mid, str(found[0]["id"]))
    assert refused.returncode == 2 and "one source" in refused.stderr
    ok(run("undo"))
    assert len(meetings(run)) == 1
    ok(run("rm-source", second))
    assert len(json.loads(ok(run("sources", mid, "--json")).stdout)) == 1
    gone = ok(run("rm-source", str(found[0]["id"]))).stdout
    assert "meeting went too" in gone and meetings(run) == []
    ok(run("undo"))
    ok(run("undo"))
    assert len(json.loads(ok(run("sources", mid, "--json")).stdout)) == 2


def test_undo_with_nothing_to_undo_says_so(run: Run) -> None:
    proc = run("undo")
    assert proc.returncode == 1 and proc.stdout.strip() == "nothing to undo"
