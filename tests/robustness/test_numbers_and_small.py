"""Numbers out of range, negative counts, a full disk on stdout, hostile dumps and the small
ones: one clear line and a non-zero exit each, never a traceback, the store unchanged."""

from __future__ import annotations

import codecs
import json
import re
import subprocess
from pathlib import Path

import pytest
from robust_helpers import bilat, bilat_cmd, env_for, fingerprint

from store.db import Store

HUGE = str(10**20)


def one_line(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


@pytest.mark.parametrize(("args", "words"), [
    (["changes", HUGE], "out of range"),
    (["rm", "--yes", HUGE], "out of range"),
    (["set-status", HUGE, "taiwan", "tension"], "out of range"),
    (["show", "south-china-sea", "--last", HUGE], "out of range"),
    (["show", "south-china-sea", "--last", "-3"], "negative"),
    (["quotes", "--limit", "-1"], "negative"),
    (["quotes", "--limit", HUGE], "out of range"),
    (["changes", "-5"], "meeting number"),
])
def test_numbers_out_of_range_are_refused(
    args: list[str], words: str, seeded_store: Path
) -> None:
    before = fingerprint(seeded_store)
    res = bilat(seeded_store, *args)
    assert res.returncode == 2
    line = one_line(res.stderr)
    assert line.startswith("bilat") and words in line, line
    assert res.stdout == ""
    assert fingerprint(seeded_store) == before


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_a_date_at_the_end_of_the_calendar_is_refused(
    day: str, tmp_path: Path, seeded_store: Path
) -> None:
    before = fingerprint(seeded_store)
    path = tmp_path / "undated.txt"
    path.write_text('Officials meet\n\nBlinken met Wang Yi in Vientiane on Friday. "We will stand '
                    'with the Philippines," Blinken said.\n', "utf-8")
    res = bilat(seeded_store, "add", "--yes", "--date", day, "--dyad", "China,United States",
                str(path))
    assert res.returncode == 2
    assert "out of range" in one_line(res.stderr)
    assert fingerprint(seeded_store) == before


def test_stdout_on_a_full_disk(seeded_store: Path) -> None:
    with open("/dev/full", "w") as full:
        res = subprocess.run([*bilat_cmd(), "--store", str(seeded_store), "meetings"],
                             stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
                             env=env_for(seeded_store), stdin=subprocess.DEVNULL)
    assert res.returncode == 2
    line = one_line(res.stderr)
    assert "cannot write" in line and "No space left on device" in line, line


def test_search_of_only_punctuation_matches_nothing(seeded_store: Path) -> None:
    every = bilat(seeded_store, "quotes")
    assert every.returncode == 0 and every.stdout.count("\n") >= 2
    for words in ["!!!", "...", "“”", "-"]:
        res = bilat(seeded_store, "quotes", "--search", words)
        assert res.returncode == 0, res.stderr
        assert res.stdout == "no quotes match\n", (words, res.stdout)
    with Store.open(seeded_store) as store:
        assert store.search_quotes("?!") == []
        assert store.search_quotes("") != []  # no words given: no word filter


# --- import ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_dump(tmp_path_factory: pytest.TempPathFactory, seeded_template: Path) -> dict:  # type: ignore[type-arg]
    out = tmp_path_factory.mktemp("dump") / "dump.json"
    res = bilat(seeded_template, "export", "--format", "json", "-o", str(out))
    assert res.returncode == 0, res.stderr
    return json.loads(out.read_text("utf-8"))  # type: ignore[no-any-return]


def hostile_dump(good: dict, how: str) -> str:  # type: ignore[type-arg]
    data = json.loads(json.dumps(good))
    mid = data["meetings"][0]["id"]
    if how == "meeting-id-0" or how == "meeting-id-negative":
        new = 0 if how == "meeting-id-0" else -4
        data["meetings"][0]["id"] = new
        for key in ("articles", "entries", "quotes", "overrides"):
            for row in data[key]:
                if row.get("meeting_id") == mid:
                    row["meeting_id"] = new
    elif how == "article-id-0":
        data["articles"][0]["id"] = 0
    elif how == "empty-text":
        data["articles"][0]["text"] = "  \n"
    text = json.dumps(data)
    if how == "meeting-id-2^63":
        text = text.replace(f'"id": {mid},', f'"id": {2**63},', 1)
    elif how == "quote-id-10^400":
        qid = data["quotes"][0]["id"]
        text = text.replace(f'"id": {qid}, "meeting_id"', f'"id": {10**400}, "meeting_id"', 1)
        assert str(10**400) in text
    elif how == "paragraph-2^64":
        text = re.sub(r'"paragraph": \d+', f'"paragraph": {2**64}', text, count=1)
    return text


@pytest.mark.parametrize(("how", "words"), [
    ("meeting-id-0", "meeting id 0"),
    ("meeting-id-negative", "meeting id -4"),
    ("article-id-0", "article id 0"),
    ("meeting-id-2^63", "out of range"),
    ("quote-id-10^400", "out of range"),
    ("paragraph-2^64", "out of range"),
    ("empty-text", "no text"),
])
def test_import_refuses_ids_out_of_range_and_empty_articles(
    how: str, words: str, tmp_path: Path, good_dump: dict  # type: ignore[type-arg]
) -> None:
    target = tmp_path / "fresh" / "bilat.db"
    Store.open(target).close()
    before = fingerprint(target)
    path = tmp_path / f"{how}.json"
    path.write_text(hostile_dump(good_dump, how), "utf-8")
    res = bilat(target, "import", str(path))
    assert res.returncode == 2
    line = one_line(res.stderr)
    assert line.startswith("bilat: error: ") and words in line, line
    assert fingerprint(target) == before


def test_import_reads_a_dump_with_a_utf8_bom(tmp_path: Path, good_dump: dict) -> None:  # type: ignore[type-arg]
    path = tmp_path / "bom.json"
    path.write_bytes(codecs.BOM_UTF8 + json.dumps(good_dump).encode("utf-8"))
    target = tmp_path / "fresh" / "bilat.db"
    res = bilat(target, "import", str(path))
    assert res.returncode == 0, res.stderr
    with Store.open(target) as store:
        assert store.counts()["meetings"] == len(good_dump["meetings"])


def test_meeting_ids_still_import_when_high(tmp_path: Path, good_dump: dict) -> None:  # type: ignore[type-arg]
    """The largest id SQLite holds is still a valid meeting id, and addressable."""
    text = hostile_dump(good_dump, "none")
    data = json.loads(text)
    mid = data["meetings"][0]["id"]
    big = 2**63 - 1
    data["meetings"][0]["id"] = big
    for key in ("articles", "entries", "quotes", "overrides", "positions", "commitments"):
        for row in data.get(key, []):
            if row.get("meeting_id") == mid:
                row["meeting_id"] = big
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data), "utf-8")
    target = tmp_path / "fresh" / "bilat.db"
    assert bilat(target, "import", str(path)).returncode == 0
    res = bilat(target, "changes", str(big))
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith(f"#{big} ")
