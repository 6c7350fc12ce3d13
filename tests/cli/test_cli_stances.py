"""Positions and commitments as a user runs them: real `bilat` subprocesses on a temporary store.

Two meetings of Iceland and Peru in our own sentences (tests/fixtures/stances): the first
agrees to hold their first talks on artificial intelligence in coming weeks, the second
holds them.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from .conftest import Run, copy_store, run_bilat

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "stances"
FIRST = FIXTURES / "first-meeting.txt"
SECOND = FIXTURES / "second-meeting.txt"


def ok(proc: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc


def failed(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def commitments(run: Run, *args: str) -> list[dict[str, object]]:
    data = json.loads(ok(run("commitments", "--json", *args)).stdout)
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def both_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both meetings added by the real `bilat add`, once for the module."""
    path = tmp_path_factory.mktemp("both") / "store" / "bilat.db"
    ok(run_bilat(path, "add", "--yes", str(FIRST), str(SECOND)))
    return path


@pytest.fixture
def both(run: Run, both_template: Path, store_path: Path) -> Run:
    """`run` on a store holding both meetings: each test's own copy of the template."""
    copy_store(both_template, store_path)
    return run


def test_the_second_meeting_keeps_the_first_meetings_commitment(both: Run) -> None:
    [made] = commitments(both, "--dyad", "Peru,Iceland")
    assert made["state"] == "kept" and made["overdue"] is False
    assert made["meeting_id"] == 1 and made["meeting_date"] == "2025-03-03"
    assert made["due"] == "in coming weeks"
    extracted = made["extracted"]
    assert isinstance(extracted, dict)
    assert extracted["evidence_meeting_id"] == 2
    assert "held their first talks on artificial intelligence" in str(extracted["evidence"])
    text = ok(both("commitments")).stdout
    assert "kept" in text and "meeting #1 2025-03-03" in text and "evidence (meeting #2" in text


def test_alone_the_commitment_is_open_then_overdue(run: Run) -> None:
    ok(run("add", "--yes", str(FIRST)))
    [soon] = commitments(run, "--as-of", "2025-03-10")
    assert (soon["state"], soon["overdue"]) == ("open", False)
    assert commitments(run, "--as-of", "2025-03-10", "--overdue") == []
    [late] = commitments(run, "--as-of", "2025-05-01", "--overdue")
    assert (late["state"], late["overdue"]) == ("open", True)
    assert "(overdue)" in ok(run("commitments", "--as-of", "2025-05-01")).stdout


def test_state_filter(both: Run) -> None:
    assert len(commitments(both, "--state", "kept")) == 1
    assert commitments(both, "--state", "broken") == []
    assert "no commitments broken yet" in ok(both("commitments", "--state", "reversed")).stdout


def test_manual_state_and_note_survive_reindex_and_undo_reverts_them(both: Run) -> None:
    out = ok(both("commitment", "1", "--state", "stalled", "--note", "our desk doubts it"))
    assert "stalled [set by hand; extracted: kept]" in out.stdout
    ok(both("reindex"))
    [shown] = commitments(both)
    assert (shown["state"], shown["manual_state"], shown["note"]) == (
        "stalled", "stalled", "our desk doubts it")
    assert commitments(both, "--state", "stalled") == [shown]
    ok(both("undo"))
    [shown] = commitments(both)
    assert (shown["state"], shown["manual_state"], shown["note"]) == ("kept", None, None)


def test_auto_goes_back_to_the_extracted_state(both: Run) -> None:
    ok(both("commitment", "1", "--state", "broken"))
    ok(both("commitment", "1", "--state", "auto"))
    [shown] = commitments(both)
    assert (shown["state"], shown["manual_state"]) == ("kept", None)


def test_positions_of_a_topic_by_side(both: Run) -> None:
    found = json.loads(ok(both("positions", "ai", "--side", "Iceland", "--json")).stdout)
    assert found and {p["side"] for p in found} == {"Iceland"}
    assert any(p["kind"] == "demand" and "stop fishing" in p["text"] for p in found)
    text = ok(both("positions", "artificial", "--dyad", "Iceland,Peru")).stdout
    assert "Iceland · Anna Berg · demand" in text
    assert "no positions" in ok(both("positions", "ai", "--side", "Chile")).stdout


@pytest.mark.parametrize(("args", "expected"), [
    (("commitment", "9", "--state", "kept"), "no commitment 9"),
    (("commitment", "1", "--state", "forgotten"), "not a state: 'forgotten'"),
    (("commitment", "1"), "give --state S, --note N or both"),
    (("commitment", "one", "--note", "x"), "not a commitment number"),
    (("positions", "no-such-topic"), "no topic 'no-such-topic'"),
    (("commitments", "--dyad", "Peru"), "want two countries"),
])
def test_bad_input_is_one_line_and_exit_2(both: Run, args: tuple[str, ...], expected: str
                                          ) -> None:
    assert expected in failed(both(*args))
