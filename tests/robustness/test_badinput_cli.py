"""Bad input to `bilat add`, `bilat extract` and `bilat import`: one clear line, non-zero exit,
the store unchanged; odd but valid articles are stored whole."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from robust_helpers import ACCEPTED, AS_ROOT, REFUSED, WIRE, bilat, fingerprint

from store.db import Store

# Inputs refused before anything reaches the store, by add and by extract alike.
UNREADABLE = ["empty", "whitespace", "binary", "non-utf8", "utf16-broken", "20mb", "missing"]
# Readable text that `add` refuses because it cannot place the meeting.
UNPLACEABLE = ["no-date", "only-quotes", "10000-quote-marks"]


def make(tmp_path: Path, name: str) -> Path:
    if name == "directory":
        path = tmp_path / "in" / "empty-dir"
        path.mkdir(parents=True)
        return path
    path = tmp_path / "in" / f"{name}.txt"
    path.parent.mkdir(exist_ok=True)
    (REFUSED | ACCEPTED)[name](path)
    return path


def one_line(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


ADD_REFUSED = [*UNREADABLE, *UNPLACEABLE, "directory"]


@pytest.fixture(scope="module")
def add_all_refused(
    tmp_path_factory: pytest.TempPathFactory, seeded_template: Path
) -> tuple[dict[str, Path], subprocess.CompletedProcess[str], bool]:
    """One `bilat add` of every refused input at once (one process keeps the suite fast)."""
    tmp = tmp_path_factory.mktemp("add-refused")
    store = tmp / "bilat.db"
    shutil.copy(seeded_template, store)
    before = fingerprint(store)
    paths = {name: make(tmp, name) for name in ADD_REFUSED}
    res = bilat(store, "add", "--yes", *map(str, paths.values()))
    return paths, res, fingerprint(store) == before


@pytest.mark.parametrize("name", ADD_REFUSED)
def test_add_refuses_with_one_line(
    name: str, add_all_refused: tuple[dict[str, Path], subprocess.CompletedProcess[str], bool]
) -> None:
    paths, res, unchanged = add_all_refused
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    # `add` reports each skipped file in one line on stderr; nothing was added to stdout.
    assert res.stdout == ""
    lines = res.stderr.splitlines()
    assert len(lines) == len(paths)
    mine = [ln for ln in lines if ln.startswith(f"skipped: {paths[name]}: ")]
    assert len(mine) == 1, lines
    assert unchanged


@pytest.mark.parametrize("name", [*UNREADABLE, "directory"])
def test_extract_refuses_with_one_line(name: str, tmp_path: Path, seeded_store: Path) -> None:
    path = make(tmp_path, name)
    res = bilat(seeded_store, "extract", str(path))
    assert res.returncode == 2
    assert res.stdout == ""
    assert one_line(res.stderr).startswith(f"bilat: error: {path}: ")


@pytest.mark.parametrize("name", UNPLACEABLE)
def test_extract_shows_undated_text_without_storing(
    name: str, tmp_path: Path, seeded_store: Path
) -> None:
    # extract only shows what ingest found; a missing date is shown as unknown, not invented.
    before = fingerprint(seeded_store)
    res = bilat(seeded_store, "extract", "--json", str(make(tmp_path, name)))
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["meeting_date"] is None
    assert fingerprint(seeded_store) == before


def test_no_date_is_stored_with_date_option(tmp_path: Path, seeded_store: Path) -> None:
    path = make(tmp_path, "no-date")
    res = bilat(seeded_store, "add", "--yes", "--date", "2024-07-27",
                "--dyad", "China,United States", str(path))
    assert res.returncode == 0, res.stdout + res.stderr
    assert one_line(res.stdout).startswith("added: Officials meet (2024-07-27")
    assert fingerprint(seeded_store)[0]["articles"] == 2


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_odd_but_valid_articles_are_stored_whole(
    name: str, tmp_path: Path, seeded_store: Path
) -> None:
    path = make(tmp_path, name)
    res = bilat(seeded_store, "add", "--yes", "--json", str(path))
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Traceback" not in res.stderr
    [entry] = json.loads(res.stdout)
    assert entry["result"] == "added"
    with Store.open(seeded_store) as store:
        assert store.counts()["articles"] == 2
        dump = store.dump()
    article = next(a for a in dump.articles if a.id == entry["article_id"])
    if name == "markup-injection":
        # Markup is text: kept literally, never interpreted or stripped.
        assert article.title.startswith("[bold]Blinken[/] and Wang")
        assert any("[bold]Philippines[/]" in q.text for q in dump.quotes)
    if name == "utf16-bom":
        assert article.title == WIRE.read_text("utf-8").splitlines()[0]
    # Every quote of the article was stored with it.
    extracted = json.loads(bilat(seeded_store, "extract", "--json", str(path)).stdout)
    held = [q for q in dump.quotes if q.article_id == article.id]
    assert len(held) == len(extracted["quotes"])


def test_unreadable_file(tmp_path: Path, seeded_store: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes(WIRE.read_bytes())
    path.chmod(0)
    try:
        before = fingerprint(seeded_store)
        add = bilat(seeded_store, "add", "--yes", str(path))
        ext = bilat(seeded_store, "extract", str(path))
        imp = bilat(seeded_store, "import", str(path))
    finally:
        path.chmod(0o600)
    if AS_ROOT:
        # root reads past mode 000: the article is simply added / extracted.
        assert add.returncode == 0 and add.stdout.startswith("added: "), add.stdout + add.stderr
        assert ext.returncode == 0
        assert fingerprint(seeded_store)[0]["articles"] == before[0]["articles"] + 1
        assert one_line(imp.stderr) == f"bilat: error: {path}: not JSON"
    else:
        assert add.returncode == 1
        assert one_line(add.stdout + add.stderr) == f"skipped: {path}: permission denied"
        assert ext.returncode == 2
        assert one_line(ext.stderr) == f"bilat: error: {path}: permission denied"
        assert imp.returncode == 2
        assert one_line(imp.stderr) == f"bilat: error: {path}: permission denied"
        assert fingerprint(seeded_store) == before
    assert os.access(seeded_store, os.R_OK)


# --- import ---------------------------------------------------------------------------------


@pytest.fixture
def good_dump(tmp_path: Path, seeded_store: Path) -> dict[str, object]:
    out = tmp_path / "dump.json"
    res = bilat(seeded_store, "export", "--format", "json", "-o", str(out))
    assert res.returncode == 0, res.stderr
    data: dict[str, object] = json.loads(out.read_text("utf-8"))
    return data


def broken_dump(good: dict[str, object], how: str) -> dict[str, object]:
    data = json.loads(json.dumps(good))
    if how == "schema-99":
        data["schema_version"] = 99
    elif how == "schema-0":
        data["schema_version"] = 0
    elif how == "missing-quote-text":
        del data["quotes"][0]["text"]
    elif how == "missing-meetings":
        del data["meetings"]
    elif how == "wrong-type":
        data["articles"] = "none"
    return data


@pytest.mark.parametrize(
    "how", ["schema-99", "schema-0", "missing-quote-text", "missing-meetings", "wrong-type"])
def test_import_refuses_a_bad_dump(
    how: str, tmp_path: Path, good_dump: dict[str, object]
) -> None:
    target = tmp_path / "fresh" / "bilat.db"
    Store.open(target).close()
    before = fingerprint(target)
    path = tmp_path / f"{how}.json"
    path.write_text(json.dumps(broken_dump(good_dump, how)), "utf-8")
    res = bilat(target, "import", str(path))
    assert res.returncode == 2
    line = one_line(res.stderr)
    assert line.startswith("bilat: error: "), line
    assert "store error" not in line  # names the dump's fault, not a generic database one
    assert fingerprint(target) == before


@pytest.mark.parametrize(
    "name", ["empty", "binary", "20mb", "missing", "directory", "markup-injection"])
def test_import_refuses_what_is_not_a_dump(name: str, tmp_path: Path) -> None:
    target = tmp_path / "fresh" / "bilat.db"
    Store.open(target).close()
    before = fingerprint(target)
    path = make(tmp_path, name)
    res = bilat(target, "import", str(path))
    assert res.returncode == 2
    assert one_line(res.stderr).startswith(f"bilat: error: {path}: ")
    assert fingerprint(target) == before


def test_import_into_a_store_that_holds_meetings(
    tmp_path: Path, seeded_store: Path, good_dump: dict[str, object]
) -> None:
    path = tmp_path / "dump.json"
    before = fingerprint(seeded_store)
    res = bilat(seeded_store, "import", str(path))
    assert res.returncode == 2
    assert "store is not empty" in one_line(res.stderr)
    assert fingerprint(seeded_store) == before
