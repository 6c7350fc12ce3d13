"""`bilat extract` as a user runs it: a real subprocess, real files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from bilat_process import bilat_cmd

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (ROOT / "sample_articles").glob("*") if p.is_file())

ARTICLE = """Hart and Tang hold talks in Laos
Updated 3:05 PM EDT, Sat July 27, 2024

VIENTIANE, Laos (AP) \u2014 U.S. Secretary of State Daniel Hart met China\u2019s top diplomat
Tang Lei on Saturday and raised concerns about the South China Sea.

\u201cWe had a candid conversation,\u201d Hart told reporters.

(Reporting by A. Writer; Editing by B. Editor)
"""

KEYS = {"title", "published", "meeting_date", "location", "source", "dyad", "participants",
        "topics", "quotes", "warnings", "date_source", "place_source", "dyad_source",
        "review_reasons"}


def bilat(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*bilat_cmd(), *args], input=stdin, capture_output=True, timeout=60)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_has_the_design_keys(article: Path) -> None:
    proc = bilat("extract", str(article), "--json")
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert KEYS <= set(data)
    assert data["title"] == "Hart and Tang hold talks in Laos"
    assert data["published"] == "2024-07-27"
    assert data["meeting_date"] == "2024-07-27"
    assert data["location"] == "Vientiane, Laos"
    assert data["source"] == "AP"


def test_every_value_says_where_it_came_from(article: Path) -> None:
    data = json.loads(bilat("extract", str(article), "--json").stdout)
    assert "Daniel Hart (United States)" in data["dyad_source"]
    human = bilat("extract", str(article)).stdout.decode()
    assert "(from: participants: " in human


@pytest.mark.parametrize("sample", SAMPLES[:3], ids=[s.name for s in SAMPLES[:3]])
def test_samples_print_json(sample: Path) -> None:
    proc = bilat("extract", str(sample), "--json")
    assert proc.returncode == 0, proc.stderr.decode()
    assert KEYS <= set(json.loads(proc.stdout))


def test_human_readable_by_default(article: Path) -> None:
    proc = bilat("extract", str(article))
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert out.startswith("Hart and Tang hold talks in Laos")
    assert "Vientiane, Laos" in out


def test_stdin_dash_reads_the_article() -> None:
    proc = bilat("extract", "-", "--json", stdin=ARTICLE.encode())
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["source"] == "AP"


def test_date_and_dyad_override(article: Path) -> None:
    proc = bilat("extract", str(article), "--json", "--date", "2024-07-26",
                 "--dyad", "United States, China")
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert data["meeting_date"] == "2024-07-26"
    assert data["dyad"] == ["China", "United States"]


def _one_line_error(proc: subprocess.CompletedProcess[bytes], words: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode == 2, (proc.returncode, err)
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert words in err
    assert proc.stdout == b""


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _one_line_error(bilat("extract", str(path)), "empty")


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\n\t \n")
    _one_line_error(bilat("extract", str(path)), "empty")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.bin"
    path.write_bytes(bytes(range(256)) * 8)
    _one_line_error(bilat("extract", str(path)), "binary")


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Ministers met in S\u00e3o Paulo and Bras\u00edlia.".encode("latin-1"))
    _one_line_error(bilat("extract", str(path)), "UTF-8")


def test_directory(tmp_path: Path) -> None:
    _one_line_error(bilat("extract", str(tmp_path)), "directory")


def test_missing_path(tmp_path: Path) -> None:
    _one_line_error(bilat("extract", str(tmp_path / "nope.txt")), "no such file")


def test_twenty_megabyte_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.write((ARTICLE.encode() + b"\n") * (20 * 1024 * 1024 // len(ARTICLE.encode()) + 1))
    _one_line_error(bilat("extract", str(path)), "too large")


def test_twenty_megabytes_on_stdin() -> None:
    data = b"The leaders met on Friday.\n" * (20 * 1024 * 1024 // 27 + 1)
    _one_line_error(bilat("extract", "-", stdin=data), "too large")


def test_extract_says_where_date_and_place_came_from(article: Path) -> None:
    res = bilat("extract", str(article))
    assert res.returncode == 0, res.stderr
    out = res.stdout.decode()
    assert "meeting date: 2024-07-27   (from: on Saturday + byline 2024-07-27)" in out
    assert "location:     Vientiane, Laos   (from: dateline VIENTIANE, Laos)" in out
    data = json.loads(bilat("extract", "--json", str(article)).stdout)
    assert data["date_source"] == "on Saturday + byline 2024-07-27"
    assert data["place_source"] == "dateline VIENTIANE, Laos"
    assert data["review_reasons"] == []
