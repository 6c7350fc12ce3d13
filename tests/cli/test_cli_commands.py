"""Every `bilat` store command as a user runs it: real subprocesses on a temporary store."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from store.db import Store

from .conftest import FIXTURES, SAMPLES, Run, copy_store, run_bilat

WIRE = FIXTURES / "laos-talks-wire.txt"
READOUT = FIXTURES / "laos-talks-readout.txt"


def ok(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 0, proc.stderr


def meetings(run: Run) -> list[dict[str, object]]:
    proc = run("meetings", "--json")
    ok(proc)
    data = json.loads(proc.stdout)
    assert isinstance(data, list)
    return data


Added = tuple[Path, subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def samples_added(tmp_path_factory: pytest.TempPathFactory) -> Added:
    """Every sample added to a new store by one real `bilat add`, once for the module; the
    tests that read or change that store each get their own copy (`samples_store`)."""
    path = tmp_path_factory.mktemp("samples") / "store" / "bilat.db"
    return path, run_bilat(path, "add", *map(str, SAMPLES))


@pytest.fixture
def samples_store(samples_added: Added, store_path: Path) -> Path:
    template, proc = samples_added
    ok(proc)
    return copy_store(template, store_path)


def test_add_all_samples_one_line_each(samples_added: Added, store_path: Path) -> None:
    assert SAMPLES, "sample_articles/ is empty"
    template, proc = samples_added
    ok(proc)
    copy_store(template, store_path)  # read from a copy: the template stays as bilat left it
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == len(SAMPLES)
    assert all(line.startswith(("added: ", "joined meeting #")) for line in lines), lines
    with Store.open(store_path) as store:
        counts = store.counts()
    assert counts["articles"] == len(SAMPLES)
    assert counts["meetings"] == sum(1 for line in lines if line.startswith("added: "))
    first = lines[0]
    assert first.endswith("-> meeting #1") and " topics, " in first and " quotes)" in first


def test_two_articles_of_one_meeting_make_one_meeting_with_two_sources(run: Run) -> None:
    ok(run("add", str(WIRE)))
    proc = run("add", str(READOUT))
    ok(proc)
    assert proc.stdout.startswith("joined meeting #1 as another source")
    [meeting] = meetings(run)
    assert sorted(meeting["sources"]) == ["AP", "U.S. Department of State"]  # type: ignore[arg-type]


def test_new_meeting_flag_keeps_articles_apart(run: Run) -> None:
    ok(run("add", str(WIRE)))
    proc = run("add", "--new-meeting", str(READOUT))
    ok(proc)
    assert "-> meeting #2" in proc.stdout
    assert len(meetings(run)) == 2


def test_duplicate_is_refused_and_counts_unchanged(run: Run, store_path: Path) -> None:
    ok(run("add", str(WIRE)))
    with Store.open(store_path) as store:
        before = store.counts()
    proc = run("add", str(WIRE))
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"skipped: {WIRE}: already stored")
    with Store.open(store_path) as store:
        assert store.counts() == before


def test_a_failing_file_is_reported_and_the_others_added(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage\x00" * 10)
    proc = run("add", str(bad), str(tmp_path / "missing.txt"), str(WIRE))
    assert proc.returncode == 1
    problems = proc.stderr.strip().splitlines()
    assert problems[0].startswith(f"skipped: {bad}: ")
    assert problems[1] == f"skipped: {tmp_path / 'missing.txt'}: no such file"
    assert len(problems) == 2
    assert proc.stdout.strip().splitlines()[0].startswith("added: ")
    assert len(meetings(run)) == 1
    assert "Traceback" not in proc.stderr


def test_globs_are_expanded_and_stdin_is_read(run: Run, many_articles: Callable[..., list[Path]],
                                             tmp_path: Path) -> None:
    paths = many_articles(3)
    proc = run("add", str(tmp_path / "many" / "article-000[01].txt"))
    ok(proc)
    assert proc.stdout.count("added: ") == 2
    proc = run("add", "-", stdin=paths[2].read_text(encoding="utf-8"))
    ok(proc)
    assert "Blinken and Wang hold round 2 of talks" in proc.stdout
    assert len(meetings(run)) == 3


def test_dry_run_stores_nothing(run: Run, store_path: Path) -> None:
    proc = run("add", "--dry-run", str(WIRE))
    ok(proc)
    assert proc.stdout.startswith("would add: Blinken and Wang meet in Laos")
    assert not store_path.exists()


def test_article_without_a_date_needs_date(run: Run, tmp_path: Path) -> None:
    undated = tmp_path / "undated.txt"
    undated.write_text("Talks held\n\nHart met Chinese Foreign Minister Tang Lei. "
                       '"We talked," Hart said.\n', encoding="utf-8")
    proc = run("add", str(undated))
    assert proc.returncode == 1
    assert "--date" in proc.stderr
    proc = run("add", "--date", "2024-02-02", "--dyad", "China,United States", str(undated))
    ok(proc)
    assert meetings(run)[0]["meeting_date"] == "2024-02-02"


def test_meetings_topics_show_changes_quotes(run: Run, samples_store: Path) -> None:
    listed = meetings(run)
    with Store.open(samples_store) as store:
        assert [m["id"] for m in listed] == [m.id for m in store.meetings()]
        # The two latest meetings of the main pair: the board's current status and trend
        # come from them whatever ingest read elsewhere.
        first, second = store.meetings(store.dyads()[0])[-2:]
    # A status by hand gives `topics`, `show` and `changes` something known to show.
    ok(run("set-status", str(first.id), "taiwan", "tension"))
    ok(run("set-status", str(second.id), "Taiwan", "progress", "--note", "checked"))

    text = run("meetings").stdout
    assert f"#{first.id}" in text and first.title in text

    proc = run("topics")
    ok(proc)
    row = next(line for line in proc.stdout.splitlines() if "Taiwan" in line)
    assert "▲ progress" in row and "↑" in row
    with Store.open(samples_store) as store:
        board = store.board()
    data = json.loads(run("topics", "--json").stdout)
    assert [t["id"] for t in data["topics"]] == [r.topic.id for r in board.rows]
    taiwan = next(t for t in data["topics"] if t["id"] == "taiwan")
    assert taiwan["status"] == "progress" and taiwan["trend"] == 1

    proc = run("show", "taiwan", "--last", "2")
    ok(proc)
    header = next(line for line in proc.stdout.splitlines() if line.startswith("#"))
    # side by side: both meetings' headers on one line
    assert f"#{first.id} " in header and f"#{second.id} " in header
    assert "✖ tension (set by hand)" in proc.stdout and "note: checked" in proc.stdout
    assert "Taiwan: tension → progress" in proc.stdout
    shown = json.loads(run("show", "TAIWAN", "--json").stdout)
    assert [h["status"] for h in shown["history"]][-2:] == ["tension", "progress"]
    assert [h["meeting"]["id"] for h in shown["history"]][-2:] == [first.id, second.id]

    proc = run("changes", str(second.id))
    ok(proc)
    assert "Taiwan: tension → progress" in proc.stdout
    data = json.loads(run("changes", str(second.id), "--json").stdout)
    assert data["meeting"]["id"] == second.id
    assert any(c["kind"] == "status" for c in data["changes"])

    with Store.open(samples_store) as store:
        blinken = store.search_quotes(speaker="Blinken")
    assert blinken, "the samples quote Blinken"
    proc = run("quotes", "--speaker", "blinken", "--json")
    ok(proc)
    assert [q["id"] for q in json.loads(proc.stdout)] == [q.id for q in blinken]
    word = max(re.findall(r"\w+", blinken[0].text), key=len)  # a word the index holds
    found = json.loads(run("quotes", "--search", word, "--json").stdout)
    assert blinken[0].id in [q["id"] for q in found]
    assert all(word.casefold() in q["text"].casefold() for q in found)
    assert "“" in run("quotes", "--side", "United States").stdout


def test_unknown_topic_and_meeting_are_one_line(run: Run, samples_store: Path) -> None:
    for args in (("show", "no-such-topic"), ("set-status", "999", "taiwan", "tension"),
                 ("changes", "999"), ("set-status", "1", "taiwan", "fabulous")):
        proc = run(*args)
        assert proc.returncode == 2, args
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert "Traceback" not in proc.stderr


def test_reindex_keeps_a_manual_status(run: Run, samples_store: Path) -> None:
    ok(run("set-status", "1", "trade", "agreement", "--note", "my reading"))
    proc = run("reindex")
    ok(proc)
    assert proc.stdout.startswith(f"re-read {len(SAMPLES)} article(s)")
    history = json.loads(run("show", "trade", "--json").stdout)["history"]
    entry = next(h for h in history if h["meeting"]["id"] == 1)
    assert entry["status"] == "agreement" and entry["overridden"] and entry["note"] == "my reading"
    # and `auto` gives the extraction back
    ok(run("set-status", "1", "trade", "auto"))
    history = json.loads(run("show", "trade", "--json").stdout)["history"]
    assert all(not h["overridden"] for h in history)


def test_rm_refuses_without_a_terminal_and_removes_with_yes(run: Run, samples_store: Path) -> None:
    before = len(meetings(run))
    proc = run("rm", "1")
    assert proc.returncode == 2 and "--yes" in proc.stderr
    assert len(meetings(run)) == before
    proc = run("rm", "1", "--yes")
    ok(proc)
    assert proc.stdout.startswith("removed meeting #1")
    assert 1 not in [m["id"] for m in meetings(run)]


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


HOSTILE_TITLE = "Talks end <script>alert('x')</script> & </p> trouble"


@pytest.fixture(scope="module")
def hostile_template(tmp_path_factory: pytest.TempPathFactory, samples_added: Added) -> Path:
    """The samples plus an article with a hostile title and a hostile note, built once for
    the module by the real command; each test gets a copy (`hostile_store`)."""
    tmp = tmp_path_factory.mktemp("hostile")
    path = copy_store(samples_added[0], tmp / "store" / "bilat.db")
    art = tmp / "hostile.txt"
    art.write_text(WIRE.read_text(encoding="utf-8").replace(
        "Blinken and Wang meet in Laos, trade warnings over the South China Sea", HOSTILE_TITLE,
    ).replace("July 27, 2024", "July 27, 2025").replace("Sat July", "Sun July"),
        encoding="utf-8")
    proc = run_bilat(path, "add", str(art))
    ok(proc)
    listed = run_bilat(path, "meetings", "--json")
    ok(listed)
    mid = [m["id"] for m in json.loads(listed.stdout) if m["title"] == HOSTILE_TITLE][0]
    ok(run_bilat(path, "set-status", str(mid), "south-china-sea", "tension",
                 "--note", "<b>mine</b> & co"))
    return path


@pytest.fixture
def hostile_store(hostile_template: Path, store_path: Path) -> Path:
    return copy_store(hostile_template, store_path)


def test_every_export_parses_and_escapes(run: Run, hostile_store: Path, tmp_path: Path) -> None:
    md = run("export", "--format", "md")
    ok(md)
    assert "## South China Sea" in md.stdout and "<script>" not in md.stdout

    data = run("export", "--format", "json")
    ok(data)
    dump = json.loads(data.stdout)
    assert dump["format"] == "bilat-store" and len(dump["articles"]) == len(SAMPLES) + 1

    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    assert {r["kind"] for r in rows} <= {"entry", "quote", "position", "commitment"}
    hostile = [r for r in rows if r["meeting_title"] == HOSTILE_TITLE]
    assert hostile and hostile[0]["note"] == "<b>mine</b> & co"

    out = tmp_path / "out" / "timeline.html"
    out.parent.mkdir()
    proc = run("export", "--format", "html", "-o", str(out))
    ok(proc)
    assert proc.stdout == ""
    page = out.read_text(encoding="utf-8")
    parser = Tags()
    parser.feed(page)
    assert "script" not in parser.tags and "b" not in parser.tags
    assert HOSTILE_TITLE in "".join(parser.text)
    assert "&lt;script&gt;" in page and "&amp; &lt;/p&gt;" in page
    assert list(out.parent.iterdir()) == [out]  # no temp file left beside it

    tl = json.loads(run("export", "--format", "timelinejs").stdout)
    event = next(e for e in tl["events"]
                 if "trouble" in e["text"]["headline"] and e["group"] == "South China Sea")
    held = next(m["meeting_date"] for m in meetings(run) if m["title"] == HOSTILE_TITLE)
    start = event["start_date"]
    assert f"{start['year']:04d}-{start['month']:02d}-{start['day']:02d}" == held
    assert "<script>" not in event["text"]["headline"]
    assert "&lt;b&gt;mine&lt;/b&gt; &amp; co" in event["text"]["text"]


def test_export_filters_by_topic_and_date(run: Run, hostile_store: Path) -> None:
    ok(run("set-status", "1", "taiwan", "dialogue"))
    tl = json.loads(run("export", "-f", "timelinejs", "--topic", "taiwan").stdout)
    assert {e["group"] for e in tl["events"]} == {"Taiwan"}
    tl = json.loads(run("export", "-f", "timelinejs", "--topic", "taiwan",
                        "--topic", "South China Sea").stdout)
    assert {e["group"] for e in tl["events"]} == {"Taiwan", "South China Sea"}
    tl = json.loads(run("export", "-f", "timelinejs", "--since", "2025-01-01").stdout)
    assert tl["events"] and all(e["start_date"]["year"] == 2025 for e in tl["events"])
    rows = list(csv.DictReader(io.StringIO(
        run("export", "-f", "csv", "--until", "2024-12-31").stdout)))
    assert rows and all(r["meeting_date"] <= "2024-12-31" for r in rows)
    dump = json.loads(run("export", "-f", "json", "--since", "2025-01-01").stdout)
    assert [m["title"] for m in dump["meetings"]] == [HOSTILE_TITLE]
    proc = run("export", "--topic", "nope")
    assert proc.returncode == 2 and "unknown topic 'nope'" in proc.stderr


def test_export_import_round_trip(run: Run, hostile_store: Path, tmp_path: Path) -> None:
    ok(run("set-status", "2", "climate", "agreement", "--note", "kept"))
    dump_file = tmp_path / "dump.json"
    ok(run("export", "-f", "json", "-o", str(dump_file)))
    other = tmp_path / "other.db"
    proc = run("import", str(dump_file), store=other)
    ok(proc)
    assert proc.stdout.startswith("imported ")
    again = run("export", "-f", "json", store=other)
    ok(again)
    assert json.loads(again.stdout) == json.loads(dump_file.read_text(encoding="utf-8"))
    for fmt in ("md", "csv", "timelinejs"):
        assert run("export", "-f", fmt, store=other).stdout == run("export", "-f", fmt).stdout
    # A second import into the now non-empty store is refused, and changes nothing.
    proc = run("import", str(dump_file), store=other)
    assert proc.returncode == 2 and "not empty" in proc.stderr


def test_import_refuses_bad_dumps_in_one_line(run: Run, samples_store: Path,
                                              tmp_path: Path) -> None:
    dump = json.loads(run("export", "-f", "json").stdout)
    cases = {
        "newer.json": {**dump, "schema_version": 999},
        "missing.json": {k: v for k, v in dump.items() if k != "schema_version"},
        "broken-article.json": {**dump, "articles": [{"id": 1}]},
    }
    for name, body in cases.items():
        path = tmp_path / name
        path.write_text(json.dumps(body), encoding="utf-8")
        target = tmp_path / f"{name}.db"
        proc = run("import", str(path), store=target)
        assert proc.returncode == 2, name
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
        assert "schema" in proc.stderr or "articles.0" in proc.stderr, proc.stderr
        assert not target.exists() or json.loads(
            run("meetings", "--json", store=target).stdout) == []
    (tmp_path / "junk.json").write_text("{not json", encoding="utf-8")
    proc = run("import", str(tmp_path / "junk.json"), store=tmp_path / "junk.db")
    assert proc.returncode == 2 and "not JSON" in proc.stderr


def test_export_to_an_unwritable_place_is_one_line(run: Run, samples_store: Path,
                                                   tmp_path: Path) -> None:
    proc = run("export", "-o", str(tmp_path / "no" / "such" / "dir" / "x.md"))
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert "cannot write" in proc.stderr
